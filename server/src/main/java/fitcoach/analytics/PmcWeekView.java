package fitcoach.analytics;

import fitcoach.load.PmcWeek;
import java.time.LocalDate;

/** One week of a long chart as the API shows it: the week's load, and fitness, fatigue and form after its last day. */
public record PmcWeekView(LocalDate weekStart, LocalDate last, int days, double load, double ctl, double atl, double tsbAfter) {
  static PmcWeekView of(PmcWeek w) {
    return new PmcWeekView(w.weekStart(), w.last(), w.days(), PmcDayView.round(w.load()), PmcDayView.round(w.ctl()),
        PmcDayView.round(w.atl()), PmcDayView.round(w.formAfter()));
  }
}
