package fitcoach.load;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * One Monday-to-Sunday week of the chart: the week's total load, and fitness, fatigue and form at its last day.
 *
 * @param weekStart the Monday, even when the chart starts later in the week
 * @param days how many of the week's days the chart holds (fewer than 7 at the chart's ends)
 * @param last the last of those days, whose CTL, ATL and form after training close the week
 */
public record PmcWeek(LocalDate weekStart, int days, double load, double ctl, double atl, double formAfter, LocalDate last) {

  /**
   * Weeks of consecutive days, in order. Long charts draw one load bar per week: a daily bar is narrower than a pixel
   * over years. The totals are summed here at full precision so every screen shows the engine's weekly number.
   */
  public static List<PmcWeek> of(List<PmcDay> days) {
    List<PmcWeek> weeks = new ArrayList<>();
    LocalDate start = null;
    int count = 0;
    double load = 0;
    PmcDay last = null;
    for (PmcDay d : days) {
      LocalDate monday = d.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      if (start != null && !monday.equals(start)) {
        weeks.add(new PmcWeek(start, count, load, last.ctl(), last.atl(), last.formAfter(), last.date()));
        count = 0;
        load = 0;
      }
      start = monday;
      count++;
      load += d.load();
      last = d;
    }
    if (start != null) {
      weeks.add(new PmcWeek(start, count, load, last.ctl(), last.atl(), last.formAfter(), last.date()));
    }
    return weeks;
  }
}
