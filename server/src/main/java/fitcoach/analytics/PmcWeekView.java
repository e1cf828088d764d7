package fitcoach.analytics;

import fitcoach.load.PmcWeek;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One week of a long chart as the API shows it: the week's load, and fitness, fatigue and form after its last day.
 * {@code projected} (sent only when true): one of its days is (see {@link PmcDayView}); {@code plannedLoad}: the sum of
 * its days' planned loads from today on, left out for a week wholly before today.
 */
public record PmcWeekView(LocalDate weekStart, LocalDate last, int days, double load, double ctl, double atl, double tsbAfter,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean projected,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double plannedLoad) {
  static PmcWeekView of(PmcWeek w) {
    return of(w, false, null);
  }

  static PmcWeekView of(PmcWeek w, boolean projected, Double plannedLoad) {
    return new PmcWeekView(w.weekStart(), w.last(), w.days(), PmcDayView.round(w.load()), PmcDayView.round(w.ctl()),
        PmcDayView.round(w.atl()), PmcDayView.round(w.formAfter()), projected,
        plannedLoad == null ? null : PmcDayView.round(plannedLoad));
  }
}
