package fitcoach.analytics;

import fitcoach.load.PmcDay;
import java.time.LocalDate;

/** One day of the chart as the API shows it: {@code tsb} is form at the start of the day, {@code tsbAfter} after its training. */
public record PmcDayView(LocalDate date, double load, double ctl, double atl, double tsb, double tsbAfter, double ramp, String zone) {
  static PmcDayView of(PmcDay d) {
    return new PmcDayView(d.date(), round(d.load()), round(d.ctl()), round(d.atl()), round(d.form()), round(d.formAfter()),
        round(d.ramp()), d.zone().name().toLowerCase());
  }

  /** Display rounding only; the engine and the stored series keep full precision. */
  public static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }

  static Double roundOrNull(double v) {
    return Double.isFinite(v) ? round(v) : null;
  }
}
