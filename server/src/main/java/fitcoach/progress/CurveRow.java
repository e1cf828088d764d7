package fitcoach.progress;

import fitcoach.analysis.BestEfforts;
import fitcoach.analysis.MeanMax;
import fitcoach.analysis.NormalizedPower;
import fitcoach.analytics.ActivityGrid;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One activity's stored analysis (a row of activity_curves): its curves, run best efforts, NP, moving time and the
 * moving-time histograms zone times are summed from, computed from its streams with the engine of
 * {@link fitcoach.analysis} on the grid of {@link ActivityGrid} (the same one GET /api/activities/:id/analysis uses).
 * Arrays are positional: curve element i is {@link MeanMax#DURATIONS_S}[i], effort element i is
 * {@link BestEfforts#RUN_DISTANCES_M}[i]; null elements are absent windows. Pure and blocking: a worker thread's job.
 */
record CurveRow(Integer gridSeconds, Integer movingSeconds, Float normalizedPower, Float[] power, Integer[] powerStart,
                Float[] hr, Integer[] hrStart, Float[] speed, Integer[] speedStart, Float[] effortTime, Float[] effortStart,
                Integer[] hrHist, Integer[] powerHist) {
  /**
   * The engine's version: bump it whenever anything this row holds would come out differently (a formula, the grid,
   * the moving rule, the durations), and the worker recomputes every stored row from its streams.
   */
  static final int ENGINE_VERSION = 1;
  /**
   * Power histogram bins are 1 W wide up to this; everything above lands in the last bin (a zone bound above it, an
   * FTP over 1333 W, would count those seconds one zone low).
   */
  static final int MAX_POWER_BIN_W = 2000;
  /** Heart-rate histogram bins are 1 bpm wide up to this. */
  static final int MAX_HR_BIN_BPM = 255;
  /** Families with run best efforts. */
  static final String RUN = "run";

  /** A row for streams that cannot be analysed (no timed sample, unreadable): stored so it is not retried each run. */
  static final CurveRow EMPTY = new CurveRow(null, null, null, null, null, null, null, null, null, null, null, null, null);

  static CurveRow of(byte[] gzippedStreams, String sportFamily) {
    ActivityGrid g;
    try {
      g = ActivityGrid.of(gzippedStreams, sportFamily);
    } catch (RuntimeException unreadable) {
      // Unreadable data or a span the grid refuses: nothing to analyse, as the activity's own analysis says.
      return EMPTY;
    }
    if (g == null) {
      return EMPTY;
    }
    Curve power = curve(MeanMax.power(g.power()));
    Curve hr = curve(MeanMax.heartRate(g.heartRate()));
    Curve speed = curve(MeanMax.speed(g.speed()));
    Float[] effortTime = null;
    Float[] effortStart = null;
    if (RUN.equals(sportFamily) && g.distance() != null) {
      List<BestEfforts.Effort> efforts = BestEfforts.running(g.distance());
      if (!efforts.isEmpty()) {
        effortTime = new Float[BestEfforts.RUN_DISTANCES_M.size()];
        effortStart = new Float[effortTime.length];
        for (BestEfforts.Effort e : efforts) {
          int i = BestEfforts.RUN_DISTANCES_M.indexOf(e.distanceM());
          effortTime[i] = (float) e.timeS();
          effortStart[i] = (float) e.startS();
        }
      }
    }
    OptionalDouble np = g.power() == null ? OptionalDouble.empty() : NormalizedPower.of(g.power());
    return new CurveRow(g.seconds(), g.movingSeconds(), np.isPresent() ? (float) np.getAsDouble() : null,
        power.values, power.starts, hr.values, hr.starts, speed.values, speed.starts, effortTime, effortStart,
        histogram(g.onlyMoving(g.heartRate()), MAX_HR_BIN_BPM), histogram(g.onlyMoving(g.power()), MAX_POWER_BIN_W));
  }

  private record Curve(Float[] values, Integer[] starts) {
  }

  private static Curve curve(MeanMax.Curve c) {
    if (c.points().isEmpty()) {
      return new Curve(null, null);
    }
    Float[] values = new Float[MeanMax.DURATIONS_S.size()];
    Integer[] starts = new Integer[values.length];
    for (MeanMax.Point p : c.points()) {
      int i = MeanMax.DURATIONS_S.indexOf(p.durationS());
      values[i] = (float) p.value();
      starts[i] = p.startS();
    }
    return new Curve(values, starts);
  }

  /**
   * Seconds per whole unit: bin k counts values v with floor(v) = k (values above {@code maxBin} in the last bin, NaN
   * and negatives nowhere), trailing empty bins cut. Null when no second counts.
   */
  static Integer[] histogram(double[] values, int maxBin) {
    if (values == null) {
      return null;
    }
    int[] bins = new int[maxBin + 1];
    int top = -1;
    for (double v : values) {
      if (Double.isNaN(v) || v < 0) {
        continue;
      }
      int k = v >= maxBin ? maxBin : (int) v;
      bins[k]++;
      top = Math.max(top, k);
    }
    if (top < 0) {
      return null;
    }
    Integer[] out = new Integer[top + 1];
    for (int k = 0; k <= top; k++) {
      out[k] = bins[k];
    }
    return out;
  }

  /**
   * Seconds per zone from a histogram: bin k counts in the highest zone whose lower bound k reaches (as
   * {@link fitcoach.analysis.ZoneTimes} places a value), below the first bound in none. Exact for whole-number values
   * (devices record whole watts and bpm, and the 1 Hz grid keeps them whole where samples are 1 s apart); otherwise a
   * zone differs from an exact count by at most the seconds of the bins holding its two bounds.
   */
  static int[] zoneSeconds(Integer[] hist, double[] lowerBounds, int[] into) {
    if (hist == null) {
      return into;
    }
    int z = -1;
    for (int k = 0; k < hist.length; k++) {
      while (z + 1 < lowerBounds.length && k >= lowerBounds[z + 1]) {
        z++;
      }
      if (z >= 0 && hist[k] != null) {
        into[z] += hist[k];
      }
    }
    return into;
  }
}
