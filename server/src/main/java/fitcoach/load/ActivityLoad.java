package fitcoach.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Per-activity load on the TSS scale (1 h at threshold = 100). The first method that applies wins:
 * MANUAL override → POWER → HEART_RATE (HRSS) → RPE (RPE × min ÷ 6) → HISTORY (rate × hours) → NONE (0).
 * A multisport activity (one with legs) is the sum of its legs, each by these rules for its own sport family.
 */
public final class ActivityLoad {
  /** The sport family of a multisport changeover leg (T1, T2). */
  public static final String TRANSITION_FAMILY = "transition";

  private ActivityLoad() {}

  /**
   * The load of one activity, with {@code historyRatePerHour} the athlete's rate for the activity's own family. The legs
   * of a multisport activity get no history rate this way (their families differ); use the overload taking a rate per
   * family for those.
   */
  public static LoadResult compute(ActivityData activity, Thresholds thresholds, OptionalDouble historyRatePerHour) {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(historyRatePerHour, "historyRatePerHour");
    return compute(activity, thresholds,
        family -> Objects.equals(family, activity.sportFamily()) ? historyRatePerHour : OptionalDouble.empty());
  }

  /**
   * The load of one activity and the method that produced it; {@code historyRatePerHour} gives the athlete's rate for
   * a sport family (empty when there is none).
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
   * An activity with legs (a triathlon) and no override is the sum of {@link #legLoads}: each leg counts once, by the
   * rules above for its own family, and the activity's own summary values are not used (a bike leg's NP over the whole
   * race, or one average HR over swim and run, would misstate it). Its method is that of the leg carrying the most load
   * (a measured method wins a tie with NONE), and it uses an estimated threshold when any leg did.
   *
   * {@code usesEstimatedThreshold} is set when POWER used an estimated FTP or HEART_RATE used any estimated HR value.
   */
  public static LoadResult compute(ActivityData activity, Thresholds thresholds,
      Function<String, OptionalDouble> historyRatePerHour) {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(historyRatePerHour, "historyRatePerHour");
    if (activity.legs().isEmpty()) {
      return single(activity, thresholds, rate(historyRatePerHour, activity.sportFamily()));
    }
    LoadResult manual = override(activity);
    return manual != null ? manual : combine(legLoads(activity, thresholds, historyRatePerHour));
  }

  /**
   * The load of each leg of a multisport activity, in order (empty for an activity without legs):
   * <ul>
   *   <li>a sport leg by {@link #compute} for its own family and history rate; a leg without its own RPE takes the
   *       activity's (the athlete rated the whole race), so RPE × minutes adds up over the legs as over the race;</li>
   *   <li>a transition ({@link #TRANSITION_FAMILY}) by heart rate only, and 0 (NONE) without it: a minute or two of
   *       jogging with a bike or pulling off a wetsuit has no power, RPE or history rate worth the name, but a strap
   *       that recorded it shows what it cost.</li>
   * </ul>
   * A leg's own legs are ignored.
   */
  public static List<LoadResult> legLoads(ActivityData activity, Thresholds thresholds,
      Function<String, OptionalDouble> historyRatePerHour) {
    List<LoadResult> out = new ArrayList<>(activity.legs().size());
    for (ActivityData leg : activity.legs()) {
      if (TRANSITION_FAMILY.equals(leg.sportFamily())) {
        LoadResult hr = heartRate(leg, thresholds);
        out.add(hr != null ? hr : new LoadResult(0.0, LoadMethod.NONE, false));
      } else {
        out.add(single(leg.rpe() != null ? leg : withRpe(leg, activity.rpe()), thresholds,
            rate(historyRatePerHour, leg.sportFamily())));
      }
    }
    return List.copyOf(out);
  }

  private static LoadResult single(ActivityData activity, Thresholds thresholds, OptionalDouble historyRatePerHour) {
    double minutes = activity.movingTimeS() / 60.0;

    LoadResult manual = override(activity);
    if (manual != null) {
      return manual;
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

    LoadResult hr = heartRate(activity, thresholds);
    if (hr != null) {
      return hr;
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

  private static LoadResult override(ActivityData activity) {
    Double override = activity.loadOverride();
    return override != null && Double.isFinite(override) && override >= 0
        ? new LoadResult(override, LoadMethod.MANUAL, false) : null;
  }

  /** HRSS from the HR stream, else from the average HR; null when HR load does not apply. */
  private static LoadResult heartRate(ActivityData activity, Thresholds thresholds) {
    if (!thresholds.heartRateUsable()) {
      return null;
    }
    double[] hr = activity.hrStream();
    if (hr != null && SampleStream.count(hr) > 0) {
      return heartRate(HeartRateLoad.hrssFromStream(hr, thresholds), thresholds);
    }
    Double avgHr = activity.avgHr();
    if (avgHr != null && Double.isFinite(avgHr) && avgHr > 0) {
      return heartRate(hrss(activity.movingTimeS() / 60.0, avgHr, thresholds), thresholds);
    }
    return null;
  }

  private static LoadResult combine(List<LoadResult> legs) {
    double total = 0;
    boolean estimated = false;
    LoadResult lead = null;
    for (LoadResult r : legs) {
      total += r.load();
      estimated |= r.usesEstimatedThreshold();
      if (lead == null || r.load() > lead.load()
          || (r.load() == lead.load() && lead.method() == LoadMethod.NONE && r.method() != LoadMethod.NONE)) {
        lead = r;
      }
    }
    return new LoadResult(total, lead == null ? LoadMethod.NONE : lead.method(), estimated);
  }

  private static OptionalDouble rate(Function<String, OptionalDouble> historyRatePerHour, String family) {
    OptionalDouble rate = historyRatePerHour.apply(family);
    return rate == null ? OptionalDouble.empty() : rate;
  }

  private static ActivityData withRpe(ActivityData leg, Integer rpe) {
    return new ActivityData(leg.sportFamily(), leg.movingTimeS(), leg.avgHr(), leg.avgPowerW(), leg.weightedPowerW(),
        leg.deviceWatts(), rpe, leg.loadOverride(), leg.hrStream(), leg.powerStream(), leg.legs());
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
