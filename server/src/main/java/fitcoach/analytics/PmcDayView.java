package fitcoach.analytics;

import fitcoach.load.PmcDay;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One day of the chart as the API shows it: {@code tsb} is form at the start of the day, {@code tsbAfter} after its
 * training. {@code projected} (sent only when true): the numbers rest on the plan or on days to come (every day after
 * today, and today when its load is the plan's); {@code load} is then the load the projection used. {@code plannedLoad}
 * (sent from today on, left out before): the load of the day's planned workouts not yet done, 0 when none. Left out
 * rather than sent as false/null so a chart of years of past days does not grow.
 */
public record PmcDayView(LocalDate date, double load, double ctl, double atl, double tsb, double tsbAfter, double ramp, String zone,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean projected,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double plannedLoad) {
  static PmcDayView of(PmcDay d) {
    return of(new FormProjection.ProjectedDay(d, false, null));
  }

  static PmcDayView of(FormProjection.ProjectedDay p) {
    PmcDay d = p.day();
    return new PmcDayView(d.date(), round(d.load()), round(d.ctl()), round(d.atl()), round(d.form()), round(d.formAfter()),
        round(d.ramp()), d.zone().name().toLowerCase(), p.projected(), p.plannedLoad() == null ? null : round(p.plannedLoad()));
  }

  /** Display rounding only; the engine and the stored series keep full precision. */
  public static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }

  static Double roundOrNull(double v) {
    return Double.isFinite(v) ? round(v) : null;
  }
}
