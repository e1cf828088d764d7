package fitcoach.analytics;

import fitcoach.load.PmcWeek;
import java.time.LocalDate;

/**
 * One week of a long chart as the API shows it: the week's load, and fitness, fatigue and form after its last day.
 * {@code projected}: one of its days is (see {@link PmcDayView}); {@code plannedLoad}: the sum of its days' planned
 * loads from today on, null for a week wholly before today.
 */
public record PmcWeekView(LocalDate weekStart, LocalDate last, int days, double load, double ctl, double atl, double tsbAfter,
                          boolean projected, Double plannedLoad) {
  static PmcWeekView of(PmcWeek w) {
    return of(w, false, null);
  }

  static PmcWeekView of(PmcWeek w, boolean projected, Double plannedLoad) {
    return new PmcWeekView(w.weekStart(), w.last(), w.days(), PmcDayView.round(w.load()), PmcDayView.round(w.ctl()),
        PmcDayView.round(w.atl()), PmcDayView.round(w.formAfter()), projected,
        plannedLoad == null ? null : PmcDayView.round(plannedLoad));
  }
}
