package fitcoach.activities;

import fitcoach.analysis.Moving;
import fitcoach.analysis.NormalizedPower;
import fitcoach.analysis.OneHertz;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the figures a source left out of its laps (a TCX lap has no power NP, a FIT lap may lack moving time) from the
 * activity's streams on the {@link OneHertz} grid, the grid every analysis uses. A figure the source gave is kept as
 * it is; one the streams cannot give either stays null: nothing is made up. Pure and CPU-bound: callers run it on a
 * worker thread (the parsers, the Strava streams fetch) or before writing (the demo).
 * <p>
 * Over the lap's grid seconds [start, start + elapsed): moving seconds by the one moving rule on the grid
 * ({@link Moving#onGrid}); distance from the distance grid at the lap's end minus its start;
 * average and maximum heart rate over seconds with heart rate; average power over every second (stops count as 0, as
 * coasting does); normalized power with {@link NormalizedPower} on the lap's seconds; average speed as distance over
 * moving time.
 */
public final class LapFigures {
  private LapFigures() {
  }

  /**
   * Samples aligned by index with {@code timeS} (seconds since the activity's start); a channel is null when absent,
   * NaN where a sample lacks it.
   */
  public record Samples(double[] timeS, double[] powerW, double[] heartRate, double[] speedMps, double[] distanceM) {
    public static Samples of(int[] timeS, double[] powerW, double[] heartRate, double[] speedMps, double[] distanceM) {
      double[] t = new double[timeS.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = timeS[i];
      }
      return new Samples(t, powerW, heartRate, speedMps, distanceM);
    }
  }

  /** The laps kept (see {@link ActivityLap#kept}) with missing figures filled from {@code samples} (null: none). */
  public static List<ActivityLap> fill(List<ActivityLap> laps, String sportFamily, Samples samples) {
    List<ActivityLap> kept = ActivityLap.kept(laps);
    if (kept.isEmpty() || samples == null || samples.timeS() == null || samples.timeS().length < 2) {
      return kept;
    }
    OneHertz grid;
    try {
      grid = OneHertz.of(samples.timeS());
    } catch (IllegalArgumentException e) {
      // Streams the analysis refuses (over 7 days, times that are not numbers) fill nothing.
      return kept;
    }
    int t0 = (int) Math.floor(samples.timeS()[0]);
    double[] power = hasPositive(samples.powerW()) ? grid.power(samples.powerW()) : null;
    double[] hr = grid.heartRate(samples.heartRate());
    double[] distance = grid.distance(samples.distanceM());
    double[] speed = grid.speed(samples.speedMps());
    if (speed == null && distance != null) {
      speed = Moving.speedFromDistance(distance);
    }
    boolean[] moving = Moving.onGrid(samples.timeS(), grid.seconds(), speed, Moving.speedRule(sportFamily));
    List<ActivityLap> out = new ArrayList<>(kept.size());
    for (ActivityLap lap : kept) {
      int from = Math.max(0, lap.startS() - t0);
      int to = Math.min(grid.seconds(), lap.startS() + lap.elapsedS() - t0);
      if (to - from < 1) {
        out.add(lap);
        continue;
      }
      Integer movingS = lap.movingS();
      if (movingS == null) {
        int m = 0;
        for (int k = from; k < to; k++) {
          m += moving[k] ? 1 : 0;
        }
        movingS = m;
      }
      Double dist = lap.distanceM();
      if (dist == null && distance != null) {
        dist = Math.max(0, distance[Math.min(to, distance.length - 1)] - distance[from]);
      }
      Double avgSpeed = lap.avgSpeedMps();
      if (avgSpeed == null && dist != null && movingS > 0) {
        avgSpeed = dist / movingS;
      }
      Double np = lap.normalizedPowerW();
      if (np == null && power != null) {
        var v = NormalizedPower.of(java.util.Arrays.copyOfRange(power, from, to));
        np = v.isPresent() ? v.getAsDouble() : null;
      }
      out.add(new ActivityLap(lap.index(), lap.startS(), lap.elapsedS(), movingS, dist,
          lap.avgHr() != null ? lap.avgHr() : mean(hr, from, to), lap.maxHr() != null ? lap.maxHr() : max(hr, from, to),
          lap.avgPowerW() != null ? lap.avgPowerW() : mean(power, from, to), np, avgSpeed, lap.ascentM(), lap.trigger()));
    }
    return List.copyOf(out);
  }

  private static boolean hasPositive(double[] values) {
    if (values != null) {
      for (double v : values) {
        if (v > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static Double mean(double[] grid, int from, int to) {
    if (grid == null) {
      return null;
    }
    double sum = 0;
    int n = 0;
    for (int k = from; k < to; k++) {
      if (!Double.isNaN(grid[k])) {
        sum += grid[k];
        n++;
      }
    }
    return n == 0 ? null : sum / n;
  }

  private static Double max(double[] grid, int from, int to) {
    if (grid == null) {
      return null;
    }
    double best = Double.NaN;
    for (int k = from; k < to; k++) {
      if (!Double.isNaN(grid[k]) && (Double.isNaN(best) || grid[k] > best)) {
        best = grid[k];
      }
    }
    return Double.isNaN(best) ? null : best;
  }
}
