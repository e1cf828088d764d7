package fitcoach.load;

/**
 * Heart-rate load: Banister TRIMP (§1.1) and HRSS, TRIMP normalised so one hour at LTHR scores 100 (§1.2).
 * The HR-reserve fraction x is clamped to [0, 1], so HR at or below rest scores 0 and HR above max counts as max.
 */
public final class HeartRateLoad {

  private HeartRateLoad() {}

  /** Banister TRIMP for {@code minutes} at {@code avgHr}: minutes × x × a·e^(b·x). NaN if max HR is not above rest. */
  public static double trimp(double minutes, double avgHr, Thresholds t) {
    return minutes * weightedReserve(avgHr, t);
  }

  /** HRSS: 100 × TRIMP(session) ÷ TRIMP(60 min at LTHR). Not a number unless {@link Thresholds#heartRateUsable()}. */
  public static double hrss(double minutes, double avgHr, Thresholds t) {
    return 100.0 * trimp(minutes, avgHr, t) / trimp(60.0, t.lthr(), t);
  }

  /**
   * HRSS summed second by second over a 1 Hz stream (the original time-slice definition of TRIMP).
   * NaN samples are skipped. Because the weighting is convex this is ≥ the average-HR value for uneven sessions.
   */
  public static double hrssFromStream(double[] hr1Hz, Thresholds t) {
    double trimp = 0;
    for (double hr : hr1Hz) {
      if (!Double.isNaN(hr)) {
        trimp += weightedReserve(hr, t) / 60.0;
      }
    }
    return 100.0 * trimp / trimp(60.0, t.lthr(), t);
  }

  /** x · a·e^(b·x), the TRIMP per minute at heart rate {@code hr}. */
  private static double weightedReserve(double hr, Thresholds t) {
    double x = reserveFraction(hr, t);
    return t.sex() == Sex.FEMALE ? x * 0.86 * Math.exp(1.67 * x) : x * 0.64 * Math.exp(1.92 * x);
  }

  /** (HR − rest) ÷ (max − rest), clamped to [0, 1]: GC does not clamp at 1 and would over-score a wrong HRmax. */
  static double reserveFraction(double hr, Thresholds t) {
    double range = t.maxHr() - t.restingHr();
    if (!(range > 0)) {
      return Double.NaN;
    }
    return Math.min(1.0, Math.max(0.0, (hr - t.restingHr()) / range));
  }
}
