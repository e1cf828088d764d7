package fitcoach.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An athlete's chart through their "today": the days {@link Pmc#compute} returned, the first activity it counts and
 * the options it was computed with. The stored chart and the coach's chart (over only what the coach may read) are
 * both one of these.
 *
 * @param days one entry per calendar day, consecutive, ending on {@code today} (empty when there is nothing to chart)
 * @param firstActivity the date of the first counted activity, if any
 * @param options the athlete's chart options the days were computed with
 */
public record PmcSeries(List<PmcDay> days, LocalDate today, Optional<LocalDate> firstActivity, PmcOptions options) {

  public PmcSeries {
    days = List.copyOf(days);
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(firstActivity, "firstActivity");
    Objects.requireNonNull(options, "options");
  }

  /** The chart's day, or a rest day (no load, zero form) outside the chart: before the first activity or after today. */
  public PmcDay on(LocalDate date) {
    if (!days.isEmpty() && !date.isBefore(days.get(0).date())) {
      long index = date.toEpochDay() - days.get(0).date().toEpochDay();
      if (index < days.size()) {
        return days.get((int) index);
      }
    }
    return new PmcDay(date, 0, 0, 0, 0, 0, 0, Pmc.zone(0), Double.NaN, Double.NaN, Double.NaN);
  }

  /** Today's numbers: what the dashboard and the rule-based advice read. */
  public PmcDay onToday() {
    return on(today);
  }

  /** True with no activity yet, or while the fitness number is still building up (see {@link Pmc#warmingUp}). */
  public boolean warmingUp() {
    return firstActivity.map(first -> Pmc.warmingUp(first, today)).orElse(true);
  }
}
