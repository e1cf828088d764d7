package fitcoach.load;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Per-activity load on the TSS scale (1 h at threshold = 100). The first method that applies wins:
 * MANUAL override → POWER → HEART_RATE (HRSS) → RPE (RPE × min ÷ 6) → HISTORY (rate × hours) → NONE (0).
 */
public final class ActivityLoad {

  private ActivityLoad() {}

  /**
   * The load of one activity and the method that produced it.
   *
   * <ul>
   *   <li>MANUAL: {@code loadOverride} when it is a finite number ≥ 0.
   *   <li>POWER: only with {@code deviceWatts} (estimated watts are not power) and a known FTP. NP comes from
   *       the power stream when it has ≥ 30 samples (TSS seconds = its samples), else from
   *       {@code weightedPowerW} over the moving time. Average power is never used: it under-reads NP.
   *   <li>HEART_RATE: needs max HR and LTHR above resting HR. Summed per second over the HR stream when it has
   *       any sample, else from {@code avgHr} (&gt; 0) over the moving time.
   *   <li>RPE: {@code rpe} in 1..10, over the moving time.
   *   <li>HISTORY: {@code historyRatePerHour} (the athlete's median for the sport family, finite and ≥ 0) × moving hours.
   * </ul>
   *
   * {@code usesEstimatedThreshold} is set when POWER used an estimated FTP or HEART_RATE used any estimated HR value.
   */
  public static LoadResult compute(ActivityData activity, Thresholds thresholds, OptionalDouble historyRatePerHour) {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(historyRatePerHour, "historyRatePerHour");
    double minutes = activity.movingTimeS() / 60.0;

    Double override = activity.loadOverride();
    if (override != null && Double.isFinite(override) && override >= 0) {
      return new LoadResult(override, LoadMethod.MANUAL, false);
    }

    if (activity.deviceWatts() && thresholds.ftpKnown()) {
      double ftp = thresholds.ftpW();
      double[] watts = activity.powerStream();
      double np = watts == null ? Double.NaN : normalizedPower(watts);
      if (!Double.isNaN(np)) {
        return power(powerTss(SampleStream.count(watts), np, ftp), thresholds);
      }
      Double weighted = activity.weightedPowerW();
      if (weighted != null && Double.isFinite(weighted) && weighted >= 0) {
        return power(powerTss(activity.movingTimeS(), weighted, ftp), thresholds);
      }
    }

    if (thresholds.heartRateUsable()) {
      double[] hr = activity.hrStream();
      if (hr != null && SampleStream.count(hr) > 0) {
        return heartRate(HeartRateLoad.hrssFromStream(hr, thresholds), thresholds);
      }
      Double avgHr = activity.avgHr();
      if (avgHr != null && Double.isFinite(avgHr) && avgHr > 0) {
        return heartRate(hrss(minutes, avgHr, thresholds), thresholds);
      }
    }

    Integer rpe = activity.rpe();
    if (rpe != null && rpe >= 1 && rpe <= 10) {
      return new LoadResult(rpeLoad(rpe, minutes), LoadMethod.RPE, false);
    }

    double rate = historyRatePerHour.orElse(Double.NaN);
    if (Double.isFinite(rate) && rate >= 0) {
      return new LoadResult(rate * minutes / 60.0, LoadMethod.HISTORY, false);
    }

    return new LoadResult(0.0, LoadMethod.NONE, false);
  }

  /** Banister TRIMP with the sex constants, x clamped to [0, 1]; see {@link HeartRateLoad#trimp}. */
  public static double trimp(double minutes, double avgHr, Thresholds t) {
    return HeartRateLoad.trimp(minutes, avgHr, t);
  }

  /** HRSS from an average HR; see {@link HeartRateLoad#hrss}. */
  public static double hrss(double minutes, double avgHr, Thresholds t) {
    return HeartRateLoad.hrss(minutes, avgHr, t);
  }

  /** Coggan NP of a 1 Hz stream; see {@link PowerLoad#normalizedPower}. */
  public static double normalizedPower(double[] watts1Hz) {
    return PowerLoad.normalizedPower(watts1Hz);
  }

  /** Power TSS; see {@link PowerLoad#tss}. */
  public static double powerTss(double seconds, double np, double ftp) {
    return PowerLoad.tss(seconds, np, ftp);
  }

  /** Session RPE mapped to the TSS scale: RPE × minutes ÷ 6, i.e. 10·RPE per hour (§2.4). */
  public static double rpeLoad(int rpe, double minutes) {
    return rpe * minutes / 6.0;
  }

  private static LoadResult power(double load, Thresholds t) {
    return new LoadResult(load, LoadMethod.POWER, t.ftpEstimated());
  }

  private static LoadResult heartRate(double load, Thresholds t) {
    boolean estimated = t.maxHrEstimated() || t.restingHrEstimated() || t.lthrEstimated();
    return new LoadResult(load, LoadMethod.HEART_RATE, estimated);
  }
}
