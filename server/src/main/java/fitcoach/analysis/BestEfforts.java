package fitcoach.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Best efforts for runs (GoldenCheetah {@code src/Metrics/PeakPace.cpp} in spirit, by distance instead of duration):
 * the fastest time over each standard distance, from the {@link OneHertz} cumulative distance grid.
 *
 * <p>Between grid seconds the distance is taken as linear, so an effort may start and end inside a second. Over a
 * piecewise-linear distance the time to cover D, as a function of the start, is itself piecewise linear with corners
 * only where the start or the end crosses a grid second; so the fastest effort starts or ends on a grid second, and
 * two monotone two-pointer passes find it in O(n) per distance: (a) start on second i, end where the distance first
 * reaches d(i) + D; (b) end on second j, start where the distance last was d(j) − D. Ties go to the earliest start.
 *
 * <p>The grid is made non-decreasing first (a running maximum; a missing second holds the value before it), since a
 * device's distance only moves backwards by error. Distances the activity does not cover are absent.
 */
public final class BestEfforts {
  /** 400 m, 1 km, 1 mile (1609.344 m), 5 km, 10 km, half marathon (21.0975 km), marathon (42.195 km). */
  public static final List<Double> RUN_DISTANCES_M =
      List.of(400.0, 1000.0, 1609.344, 5000.0, 10_000.0, 21_097.5, 42_195.0);

  /**
   * The fastest cover of {@code distanceM}: {@code timeS} seconds from {@code startS} (elapsed seconds from the
   * activity's start; both may be fractional).
   */
  public record Effort(double distanceM, double timeS, double startS) {
  }

  private BestEfforts() {}

  /** The run distances covered, in order. Empty for a null grid. */
  public static List<Effort> running(double[] distance1Hz) {
    return of(distance1Hz, RUN_DISTANCES_M);
  }

  public static List<Effort> of(double[] distance1Hz, List<Double> distancesM) {
    if (distance1Hz == null || distance1Hz.length < 2) {
      return List.of();
    }
    double[] c = nonDecreasing(distance1Hz);
    List<Effort> out = new ArrayList<>(distancesM.size());
    for (double d : distancesM) {
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("a best-effort distance must be a positive number of metres, not " + d);
      }
      Effort e = fastest(c, d);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private static Effort fastest(double[] c, double d) {
    int n = c.length;
    if (Double.isNaN(c[0]) || c[n - 1] - c[0] < d) {
      return null;
    }
    double bestTime = Double.POSITIVE_INFINITY;
    double bestStart = 0;
    // (a) start on grid second i; j = the first second with c[j] >= c[i] + d (moves only forward as i does)
    int j = 0;
    for (int i = 0; i < n; i++) {
      double target = c[i] + d;
      if (j <= i) {
        j = i + 1;
      }
      while (j < n && c[j] < target) {
        j++;
      }
      if (j == n) {
        break; // no later start covers d either
      }
      // c[j-1] < target <= c[j] (j - 1 >= i since c[i] < target): end = j - 1 + (target − c[j−1]) / (c[j] − c[j−1])
      double end = (j - 1) + (target - c[j - 1]) / (c[j] - c[j - 1]);
      double time = end - i;
      if (time < bestTime || (time == bestTime && i < bestStart)) {
        bestTime = time;
        bestStart = i;
      }
    }
    // (b) end on grid second k; i = the last second with c[i] <= c[k] − d (moves only forward as k does)
    int i = -1;
    for (int k = 1; k < n; k++) {
      double target = c[k] - d;
      if (target < c[0]) {
        continue;
      }
      while (i + 1 < k && c[i + 1] <= target) {
        i++;
      }
      // c[i] <= target < c[i+1] (or c[i] == target): start = i + (target − c[i]) / (c[i+1] − c[i])
      double start = c[i] == target ? i : i + (target - c[i]) / (c[i + 1] - c[i]);
      double time = k - start;
      if (time < bestTime || (time == bestTime && start < bestStart)) {
        bestTime = time;
        bestStart = start;
      }
    }
    return new Effort(d, bestTime, bestStart);
  }

  /** A running maximum of the grid; a NaN second holds the value before it, leading NaNs take the first value. */
  private static double[] nonDecreasing(double[] g) {
    double[] c = new double[g.length];
    double m = Double.NaN;
    int firstKnown = -1;
    for (int k = 0; k < g.length; k++) {
      double v = g[k];
      if (!Double.isNaN(v)) {
        m = Double.isNaN(m) ? v : Math.max(m, v);
        if (firstKnown < 0) {
          firstKnown = k;
        }
      }
      c[k] = m;
    }
    for (int k = 0; k < firstKnown; k++) {
      c[k] = c[firstKnown];
    }
    return c;
  }
}
