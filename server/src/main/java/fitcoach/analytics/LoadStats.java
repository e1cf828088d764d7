package fitcoach.analytics;

import fitcoach.load.FormZone;
import fitcoach.load.PmcDay;
import fitcoach.load.Thresholds;
import java.time.LocalDate;
import java.util.List;

/** GET /api/activities/stats: today's numbers from the stored chart, the thresholds behind them, and how loads were measured. */
public record LoadStats(LocalDate date, double ctl, double atl, double tsb, double tsbAfter, double ramp, String zone,
                        String zoneMeaning, Double formPct, Double monotony, Double strain, Double acwr, boolean warmingUp,
                        LocalDate firstActivity, ThresholdsView thresholds, List<MethodView> methodMix) {

  public record ThresholdsView(String sex, double maxHr, boolean maxHrEstimated, double restingHr, boolean restingHrEstimated,
                               double lthr, boolean lthrEstimated, Double ftpW, boolean ftpEstimated) {
    static ThresholdsView of(Thresholds t) {
      return new ThresholdsView(t.sex().name().toLowerCase(), PmcDayView.round(t.maxHr()), t.maxHrEstimated(),
          PmcDayView.round(t.restingHr()), t.restingHrEstimated(), PmcDayView.round(t.lthr()), t.lthrEstimated(),
          t.ftpW() == null ? null : PmcDayView.round(t.ftpW()), t.ftpEstimated());
    }
  }

  /** Share of the last 42 days' activities and load by the method that measured them. */
  public record MethodView(String method, long activities, double load) {
  }

  static LoadStats of(PmcDay today, boolean warmingUp, LocalDate firstActivity, Thresholds thresholds,
                      List<LoadRepository.MethodShare> mix) {
    List<MethodView> methods = mix.stream()
        .map(m -> new MethodView(m.method().toLowerCase(), m.activities(), PmcDayView.round(m.load()))).toList();
    Double formPct = today.ctl() > 0 ? PmcDayView.round(100 * today.form() / today.ctl()) : null;
    return new LoadStats(today.date(), PmcDayView.round(today.ctl()), PmcDayView.round(today.atl()),
        PmcDayView.round(today.form()), PmcDayView.round(today.formAfter()), PmcDayView.round(today.ramp()),
        today.zone().name().toLowerCase(), meaning(today.zone()), formPct, PmcDayView.roundOrNull(today.monotony()),
        PmcDayView.roundOrNull(today.strain()), PmcDayView.roundOrNull(today.acwr()), warmingUp, firstActivity,
        ThresholdsView.of(thresholds), methods);
  }

  /** The zone in plain words, as the dashboard and the coach both say it. */
  public static String meaning(FormZone zone) {
    return switch (zone) {
      case TRANSITION -> "Very fresh: a long break, fitness is fading";
      case FRESH -> "Fresh: rested and ready to race or test";
      case NEUTRAL -> "Neutral: normal training, neither fresh nor overreached";
      case OPTIMAL -> "Productive training: fatigue is building fitness";
      case OVERLOAD -> "Overload: high fatigue, recovery needed soon";
    };
  }
}
