package fitcoach.analytics;

import fitcoach.analysis.Moving;
import fitcoach.analysis.OneHertz;

/**
 * An activity's stored streams on the one 1 Hz grid ({@link OneHertz}) with its moving seconds: the part every
 * analysis of stored streams shares (one activity's analysis on request, the stored curves of fitcoach.progress), so
 * both read the same channels, fill the same gaps and count the same seconds as moving. Pure and blocking (gunzip,
 * parse): run it on a worker thread.
 *
 * @param power W per grid second, null without a power channel
 * @param heartRate bpm, NaN in stops, null without heart rate
 * @param distance cumulative metres, null without distance
 * @param speed m/s, from the speed channel or else from the distance grid; null without either
 * @param moving whether each grid second moves ({@link Moving#onGrid})
 */
public record ActivityGrid(int seconds, double[] power, double[] heartRate, double[] distance, double[] speed,
                           boolean[] moving, int movingSeconds) {
  /**
   * The grid of gzipped stored streams, or null when they hold no timed sample. Throws UncheckedIOException for
   * unreadable data and IllegalArgumentException for streams the grid refuses (longer than 7 days).
   */
  public static ActivityGrid of(byte[] gzippedStreams, String sportFamily) {
    if (gzippedStreams == null) {
      return null;
    }
    Samples samples = Samples.of(StoredStreams.read(gzippedStreams));
    if (samples == null || samples.time.length == 0) {
      return null;
    }
    OneHertz grid = OneHertz.of(samples.time);
    double[] power = grid.power(samples.power);
    double[] hr = grid.heartRate(samples.hr);
    double[] distance = grid.distance(samples.distance);
    double[] speed = grid.speed(samples.speed);
    if (speed == null && distance != null) {
      speed = Moving.speedFromDistance(distance);
    }
    boolean[] moving = Moving.onGrid(samples.time, grid.seconds(), speed, Moving.speedRule(sportFamily));
    int movingSeconds = 0;
    for (boolean m : moving) {
      movingSeconds += m ? 1 : 0;
    }
    return new ActivityGrid(grid.seconds(), power, hr, distance, speed, moving, movingSeconds);
  }

  /** {@code channel} with every second that does not move set to NaN (zone times count moving seconds only). */
  public double[] onlyMoving(double[] channel) {
    if (channel == null) {
      return null;
    }
    double[] out = channel.clone();
    for (int k = 0; k < out.length; k++) {
      if (k >= moving.length || !moving[k]) {
        out[k] = Double.NaN;
      }
    }
    return out;
  }

  /** The samples with a valid time, channels aligned with them (a sample without a time cannot be placed). */
  private record Samples(double[] time, double[] power, double[] hr, double[] speed, double[] distance) {
    static Samples of(StoredStreams s) {
      if (s.timeS() == null) {
        return null;
      }
      int n = 0;
      for (double t : s.timeS()) {
        n += Double.isFinite(t) ? 1 : 0;
      }
      if (n == s.timeS().length) {
        return new Samples(s.timeS(), s.powerW(), s.heartRate(), s.speedMps(), s.distanceM());
      }
      int[] keep = new int[n];
      for (int i = 0, j = 0; i < s.timeS().length; i++) {
        if (Double.isFinite(s.timeS()[i])) {
          keep[j++] = i;
        }
      }
      return new Samples(pick(s.timeS(), keep), pick(s.powerW(), keep), pick(s.heartRate(), keep),
          pick(s.speedMps(), keep), pick(s.distanceM(), keep));
    }

    private static double[] pick(double[] a, int[] keep) {
      if (a == null) {
        return null;
      }
      double[] out = new double[keep.length];
      for (int j = 0; j < keep.length; j++) {
        out[j] = a[keep[j]];
      }
      return out;
    }
  }
}
