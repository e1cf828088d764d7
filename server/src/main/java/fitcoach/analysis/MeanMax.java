package fitcoach.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mean-maximal curves (GoldenCheetah {@code src/Metrics/PeakPower.cpp}, {@code PeakHr.cpp}, {@code PeakPace.cpp}):
 * for each duration d, the highest mean of any d consecutive seconds of a {@link OneHertz} grid, and the second that
 * window starts at (the earliest, when several windows tie). A window holding a missing value (NaN, e.g. a heart rate
 * in a stop) does not count; durations longer than the activity, or without any complete window, are absent.
 * Each duration costs one pass over prefix sums, O(n).
 */
public final class MeanMax {
  /**
   * The durations of every curve, in seconds: 1 s to 6 h, about log-spaced (neighbours differ by at most ×2, mostly
   * ×1.25 to ×1.5) so a chart on a log axis has no holes, and including the points athletes quote (1, 5, 10, 15,
   * 30 s; 1, 2, 3, 5, 8, 10, 12, 20, 30, 45, 60, 90 min; 2, 3, 4, 5, 6 h).
   */
  public static final List<Integer> DURATIONS_S = List.of(
      1, 2, 3, 5, 8, 10, 15, 20, 30, 45,
      60, 90, 120, 180, 240, 300, 480, 600, 720, 900,
      1200, 1800, 2700, 3600, 5400, 7200, 10800, 14400, 18000, 21600);

  /** One point of a curve: the best mean over {@code durationS} seconds, in the window starting at {@code startS}. */
  public record Point(int durationS, double value, int startS) {
  }

  /** A curve: its points in the order of {@link #DURATIONS_S}, the absent durations left out. */
  public record Curve(List<Point> points) {
    public Curve {
      points = List.copyOf(points);
    }

    public Optional<Point> at(int durationS) {
      return points.stream().filter(p -> p.durationS() == durationS).findFirst();
    }
  }

  private MeanMax() {}

  /** Power curve (W) from the 1 Hz power grid. */
  public static Curve power(double[] watts1Hz) {
    return curve(watts1Hz, DURATIONS_S);
  }

  /** Heart-rate curve (bpm): windows with a missing second (NaN) do not count. */
  public static Curve heartRate(double[] bpm1Hz) {
    return curve(bpm1Hz, DURATIONS_S);
  }

  /** Speed curve (m/s) from the 1 Hz speed grid. */
  public static Curve speed(double[] mps1Hz) {
    return curve(mps1Hz, DURATIONS_S);
  }

  /**
   * The curve over the given durations. A null grid (no such channel) gives an empty curve. Prefix sums:
   * {@code sum[i]} = the sum of the first i seconds (NaN counted as 0) and {@code gaps[i]} = how many of them are NaN,
   * so the window [s, s + d) has mean (sum[s + d] − sum[s]) / d and counts only when gaps[s + d] = gaps[s].
   */
  public static Curve curve(double[] grid, List<Integer> durationsS) {
    if (grid == null) {
      return new Curve(List.of());
    }
    int n = grid.length;
    double[] sum = new double[n + 1];
    int[] gaps = new int[n + 1];
    for (int i = 0; i < n; i++) {
      double v = grid[i];
      boolean missing = Double.isNaN(v);
      sum[i + 1] = sum[i] + (missing ? 0 : v);
      gaps[i + 1] = gaps[i] + (missing ? 1 : 0);
    }
    List<Point> points = new ArrayList<>(durationsS.size());
    for (int d : durationsS) {
      if (d < 1) {
        throw new IllegalArgumentException("a curve duration must be at least 1 s, not " + d);
      }
      double best = Double.NEGATIVE_INFINITY;
      int bestStart = -1;
      for (int s = 0; s + d <= n; s++) {
        if (gaps[s + d] != gaps[s]) {
          continue;
        }
        double windowSum = sum[s + d] - sum[s];
        if (windowSum > best) {
          best = windowSum;
          bestStart = s;
        }
      }
      if (bestStart >= 0) {
        points.add(new Point(d, best / d, bestStart));
      }
    }
    return new Curve(points);
  }

  /** Pace in seconds per kilometre for a speed in m/s; empty when standing still (no pace). */
  public static java.util.OptionalDouble paceSecondsPerKm(double speedMps) {
    return speedMps > 0 && Double.isFinite(speedMps)
        ? java.util.OptionalDouble.of(1000.0 / speedMps)
        : java.util.OptionalDouble.empty();
  }

  /**
   * The pace curve for runs and swims (s/km, lower is better) from the speed curve: the fastest mean speed over a
   * duration is its fastest pace over that duration (1000 / v). Points whose best speed is 0 have no pace and are left
   * out.
   */
  public static Curve pace(Curve speed) {
    List<Point> out = new ArrayList<>(speed.points().size());
    for (Point p : speed.points()) {
      paceSecondsPerKm(p.value()).ifPresent(pace -> out.add(new Point(p.durationS(), pace, p.startS())));
    }
    return new Curve(out);
  }
}
