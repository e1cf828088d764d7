package fitcoach.coach;

import fitcoach.analytics.CoachLoad;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * One ISO week of eligible activities, with the same definitions as the analytics screen: average HR weighted by
 * moving time over sessions with HR, load as the engine computed it, fitness (CTL) at the week's last day so far.
 */
record WeekTotals(LocalDate weekStart, int sessions, double distanceM, long movingTimeS, Double avgHr, double load, double ctlAtEnd,
                  java.util.Map<String, Sport> bySport) {

  /** One sport family's part of a week: its sessions, distance and time (distances are never added across sports). */
  record Sport(int sessions, double distanceM, long movingTimeS) {
    Sport plus(CoachActivity a) {
      return new Sport(sessions + 1, distanceM + (a.distanceM() == null ? 0 : a.distanceM()), movingTimeS + a.durationS());
    }
  }

  /** The {@code weeks} ISO weeks ending with the one holding {@code today}, oldest first; empty weeks included. */
  static List<WeekTotals> of(List<CoachActivity> activities, CoachLoad load, LocalDate today, int weeks) {
    LocalDate current = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<WeekTotals> result = new ArrayList<>(weeks);
    for (int w = weeks - 1; w >= 0; w--) {
      LocalDate start = current.minusWeeks(w);
      LocalDate end = start.plusDays(6);
      int sessions = 0;
      double distance = 0;
      long moving = 0;
      double hrWeighted = 0;
      long hrSeconds = 0;
      double weekLoad = 0;
      java.util.Map<String, Sport> sports = new java.util.TreeMap<>();
      for (CoachActivity a : activities) {
        if (a.localDate().isBefore(start) || a.localDate().isAfter(end)) {
          continue;
        }
        sessions++;
        sports.merge(a.sportFamily(), new Sport(0, 0, 0).plus(a), (x, y) -> x.plus(a));
        distance += a.distanceM() == null ? 0 : a.distanceM();
        moving += a.durationS();
        if (a.avgHr() != null && a.movingTimeS() != null && a.movingTimeS() > 0) {
          hrWeighted += a.avgHr() * a.movingTimeS();
          hrSeconds += a.movingTimeS();
        }
        CoachLoad.ActivityLoadValue value = load.loads().get(a.id());
        weekLoad += value == null ? 0 : value.load();
      }
      LocalDate last = end.isAfter(today) ? today : end;
      result.add(new WeekTotals(start, sessions, distance, moving, hrSeconds == 0 ? null : hrWeighted / hrSeconds, weekLoad,
          load.series().on(last).ctl(), java.util.Collections.unmodifiableMap(sports)));
    }
    return result;
  }
}
