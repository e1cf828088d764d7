package fitcoach.analytics;

import fitcoach.load.LoadMethod;
import fitcoach.load.PmcDay;
import fitcoach.load.Thresholds;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Training load as the coach may see it: the engine run over only the activities the athlete's data policy lets the
 * coach read, so an excluded activity moves no number (not the chart, not a history rate, not an estimated threshold).
 *
 * @param loads each eligible activity's effective load (the athlete's override when set) and the method behind it
 */
public record CoachLoad(List<PmcDay> days, LocalDate today, Optional<LocalDate> firstActivity, Thresholds thresholds,
                        Map<UUID, ActivityLoadValue> loads) {

  public record ActivityLoadValue(double load, LoadMethod method) {
  }

  /** The chart's day, or an empty day (no load, zero form) before the first activity. */
  public PmcDay on(LocalDate date) {
    if (!days.isEmpty() && !date.isBefore(days.get(0).date())) {
      int index = (int) (date.toEpochDay() - days.get(0).date().toEpochDay());
      if (index < days.size()) {
        return days.get(index);
      }
    }
    return new PmcDay(date, 0, 0, 0, 0, 0, 0, fitcoach.load.FormZone.NEUTRAL, Double.NaN, Double.NaN, Double.NaN);
  }

  public boolean warmingUp() {
    return firstActivity.map(first -> fitcoach.load.Pmc.warmingUp(first, today)).orElse(true);
  }
}
