package fitcoach.analysis;

import java.util.List;

/**
 * Seconds spent in each zone of a 1 Hz grid, given the zones' ascending lower bounds. A second belongs to the highest
 * zone whose lower bound it reaches (a value exactly on a bound is in the upper zone, as GoldenCheetah's
 * {@code Zones::whichZone} takes lo ≤ value &lt; hi). NaN seconds, and values below the first bound, count in no zone.
 *
 * <p>Standard bounds, as percentages of a threshold (training-science.md §5):
 * <ul>
 *   <li>Power, Coggan's 7 levels, % FTP (§5.1): GoldenCheetah's defaults 0/55/75/90/105/120/150
 *       ({@code src/Metrics/Zones.cpp}).
 *   <li>Heart rate, Coggan's 5 zones, % LTHR, the model §5.2 recommends: GoldenCheetah's 0/68/83/94/105
 *       ({@code src/Metrics/HrZones.cpp}).
 *   <li>Heart rate, 5 zones of % max HR, which §5.2 offers when only max HR is known: 50–60/60–70/70–80/80–90/90–100.
 *       Zone 1 starts at 0 here rather than 50 %, so that easy seconds count in zone 1 instead of in no zone.
 *   <li>Run pace, Friel's 7 zones (§5.2), given as % of threshold pace (time per km, so a higher % is slower):
 *       Z1 slower than 129, Z2 114–129, Z3 106–113, Z4 99–105, Z5a 97–100, Z5b 90–96, Z5c faster than 90. Zones are
 *       counted on speed (a stop is 0 m/s, not an infinite pace), so the bounds become % of threshold speed,
 *       100 ÷ pace %: with the gaps between Friel's integer bands split in the middle (113.5, 105.5, 96.5) and
 *       the overlap of Z4 and Z5a at 99, the lower bounds are 0 / 77.52 / 88.11 / 94.79 / 101.01 / 103.63 / 111.11.
 * </ul>
 */
public final class ZoneTimes {

  /** Coggan power levels 1–7, lower bounds in % of FTP. */
  public static final List<Double> COGGAN_POWER_PERCENT_FTP = List.of(0.0, 55.0, 75.0, 90.0, 105.0, 120.0, 150.0);
  /** Coggan heart-rate zones 1–5, lower bounds in % of LTHR. */
  public static final List<Double> COGGAN_HR_PERCENT_LTHR = List.of(0.0, 68.0, 83.0, 94.0, 105.0);
  /** Heart-rate zones 1–5, lower bounds in % of max HR. */
  public static final List<Double> HR_PERCENT_MAX = List.of(0.0, 60.0, 70.0, 80.0, 90.0);

  /** Friel's run pace zones Z1–Z5c, lower bounds in % of threshold speed (the pace percentages inverted). */
  public static final List<Double> FRIEL_PACE_PERCENT_THRESHOLD_SPEED = List.of(0.0, speedPercent(129), speedPercent(113.5),
      speedPercent(105.5), speedPercent(99), speedPercent(96.5), speedPercent(90));

  private ZoneTimes() {}

  /** The % of threshold speed that runs at {@code pacePercent} % of threshold pace. */
  private static double speedPercent(double pacePercent) {
    return 10_000 / pacePercent;
  }

  /** Absolute lower bounds: each percentage of the threshold (W, bpm or m/s). */
  public static double[] bounds(double threshold, List<Double> percents) {
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("the threshold must be a positive number, got " + threshold);
    }
    double[] bounds = new double[percents.size()];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = threshold * percents.get(i) / 100;
    }
    return bounds;
  }

  /** Seconds in each zone; element i is zone i + 1. */
  public static int[] seconds(double[] values, double[] lowerBounds) {
    if (lowerBounds.length == 0) {
      throw new IllegalArgumentException("at least one zone is needed");
    }
    for (int i = 0; i < lowerBounds.length; i++) {
      if (!Double.isFinite(lowerBounds[i]) || (i > 0 && !(lowerBounds[i] > lowerBounds[i - 1]))) {
        throw new IllegalArgumentException("zone lower bounds must be finite and strictly ascending");
      }
    }
    int[] seconds = new int[lowerBounds.length];
    for (double v : values) {
      if (Double.isNaN(v) || v < lowerBounds[0]) {
        continue;
      }
      seconds[zoneOf(v, lowerBounds)]++;
    }
    return seconds;
  }

  /** The highest index whose bound v reaches (binary search; v ≥ bounds[0] is given). */
  private static int zoneOf(double v, double[] bounds) {
    int lo = 0;
    int hi = bounds.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (v >= bounds[mid]) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
