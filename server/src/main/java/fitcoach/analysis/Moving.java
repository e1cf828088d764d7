package fitcoach.analysis;

import java.util.Set;

/**
 * The moving-time rule, in one place for imports (fitcoach.imports.ActivityMetrics), the analysis of stored streams and
 * laps: a recording interval longer than {@value #PAUSE_GAP_S} s is a pause (the device was paused or lost the
 * signal), and for runs, rides, walks and skiing an interval slower than {@value #MIN_SPEED_MPS} m/s is standing (at a
 * light), so neither is moving. It is deliberately separate from the 1 Hz grid's gap rule ({@link OneHertz}): a 20 s
 * gap is interpolated on the grid and still not moving.
 */
public final class Moving {
  /** A recording gap longer than this is not moving. */
  public static final int PAUSE_GAP_S = 10;
  /** Slower than this is standing, for the families with the speed rule. */
  public static final double MIN_SPEED_MPS = 0.5;
  private static final Set<String> SPEED_RULE_FAMILIES = Set.of("run", "ride", "walk", "ski");

  private Moving() {
  }

  /** Whether standing still counts as not moving in this sport family (not for swims or strength sessions). */
  public static boolean speedRule(String sportFamily) {
    return SPEED_RULE_FAMILIES.contains(sportFamily);
  }

  /**
   * The rule on the grid: grid second k (the second ending at elapsed time k) moves when it lies in a recording interval
   * of at most {@value #PAUSE_GAP_S} s and, with the speed rule, the grid speed there is at least {@value #MIN_SPEED_MPS}
   * m/s. Second 0 ends no interval, so it never moves. {@code time} ascending as given to {@link OneHertz#of}.
   */
  public static boolean[] onGrid(double[] time, int seconds, double[] speed, boolean speedRule) {
    boolean[] m = new boolean[seconds];
    if (time.length == 0) {
      return m;
    }
    double t0 = time[0];
    double prev = 0;
    for (int i = 1; i < time.length; i++) {
      double cur = time[i] - t0;
      if (!(cur > prev)) {
        continue;
      }
      if (cur - prev <= PAUSE_GAP_S) {
        for (int k = (int) Math.floor(prev) + 1; k <= cur && k < seconds; k++) {
          m[k] = !speedRule || speed == null || !(speed[k] < MIN_SPEED_MPS);
        }
      }
      prev = cur;
    }
    return m;
  }

  /** Speed from the distance grid: the metres gained over each second (second 0 gains nothing). */
  public static double[] speedFromDistance(double[] distance) {
    double[] v = new double[distance.length];
    for (int k = 1; k < v.length; k++) {
      double d = distance[k] - distance[k - 1];
      v[k] = Double.isFinite(d) && d > 0 ? d : 0;
    }
    return v;
  }
}
