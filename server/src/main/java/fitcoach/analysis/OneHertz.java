package fitcoach.analysis;

/**
 * The one 1 Hz resampling rule every analysis stands on (issue 14). The rule:
 * <ul>
 *   <li>Samples are put on a 1 s grid over elapsed time: grid second {@code k} is the time {@code t0 + k}, where
 *       {@code t0} is the first sample's time, up to the last sample's time (so a recording from 0 to 10 s has 11
 *       grid seconds, 0..10).</li>
 *   <li>Times must only go forward: a sample whose time is not after the previous kept sample's (a duplicate, or a
 *       clock stepping back) is dropped, so the first sample at a time wins.</li>
 *   <li>Gaps up to {@value #MAX_GAP_S} s (devices' "smart recording") are filled by linear interpolation between the
 *       two samples around the second.</li>
 *   <li>Longer gaps are stops: power and speed are 0, heart rate is missing (NaN), distance is held at its last value
 *       and continues from the next sample.</li>
 *   <li>A gap is measured per channel, between two samples that carry that channel (NaN means the sample has no value
 *       for it): a heart-rate strap that drops out for a minute while the power meter records is a minute of missing
 *       heart rate, not interpolated.</li>
 *   <li>Before a channel's first sample and after its last the channel is treated as stopped: power and speed 0, heart
 *       rate missing, distance held at its first/last value.</li>
 *   <li>A heart rate of 0 or below is no contact with the strap, so it counts as no sample.</li>
 *   <li>An activity may span at most {@value #MAX_SPAN_S} s (7 days, long enough for a multi-day ultra or a bikepacking
 *       file): a longer one is refused, so no input can make the grid grow without end.</li>
 * </ul>
 * A channel that is absent (null) or has no sample at all gives null, as in {@code fitcoach.imports.Streams}.
 * Moving time is not decided here: the rules in {@code fitcoach.imports.ActivityMetrics} stay as they are.
 */
public final class OneHertz {
  /** The longest gap that is still interpolated; one second longer is a stop. */
  public static final int MAX_GAP_S = 25;
  /** The longest activity the grid accepts: 7 days (a few MB per channel). */
  public static final int MAX_SPAN_S = 7 * 86_400;

  /** What a channel does in a stop. */
  public enum Channel {
    /** Watts: 0 in a stop. */
    POWER,
    /** Metres per second: 0 in a stop. */
    SPEED,
    /** Beats per minute: missing (NaN) in a stop; 0 or below is no sample. */
    HEART_RATE,
    /** Revolutions or steps per minute: as heart rate, 0 (coasting) is no sample and a stop is missing. */
    CADENCE,
    /** Cumulative metres: held at the last value in a stop. */
    DISTANCE
  }

  private final double[] relTimes; // kept samples' times minus t0, strictly increasing
  private final int[] kept; // index into the caller's arrays of each kept sample
  private final int inputLength;
  private final int seconds;

  private OneHertz(double[] times) {
    inputLength = times.length;
    double[] rel = new double[times.length];
    int[] idx = new int[times.length];
    int n = 0;
    double t0 = Double.NaN;
    for (int i = 0; i < times.length; i++) {
      double t = times[i];
      if (!Double.isFinite(t)) {
        throw new IllegalArgumentException("sample " + i + " has no valid time (" + t + ")");
      }
      if (n == 0) {
        t0 = t;
      } else if (t - t0 <= rel[n - 1]) {
        continue; // a duplicate or a backwards time: the first sample at a time wins
      }
      double r = t - t0;
      if (r > MAX_SPAN_S) {
        throw new IllegalArgumentException("the activity spans more than " + MAX_SPAN_S
            + " s (7 days), the longest the analysis accepts: sample " + i + " is " + r + " s after the first");
      }
      rel[n] = r;
      idx[n] = i;
      n++;
    }
    relTimes = java.util.Arrays.copyOf(rel, n);
    kept = java.util.Arrays.copyOf(idx, n);
    seconds = n == 0 ? 0 : (int) Math.floor(relTimes[n - 1]) + 1;
  }

  /** The grid for samples at these times (seconds, ascending; duplicates and backwards times are dropped). */
  public static OneHertz of(double[] timeS) {
    return new OneHertz(timeS);
  }

  /** The grid for samples at these whole-second times. */
  public static OneHertz of(int[] timeS) {
    double[] t = new double[timeS.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = timeS[i];
    }
    return new OneHertz(t);
  }

  /** Grid seconds: the index of the last one is the elapsed time, rounded down. */
  public int seconds() {
    return seconds;
  }

  public double[] power(double[] values) {
    return resample(values, Channel.POWER);
  }

  public double[] speed(double[] values) {
    return resample(values, Channel.SPEED);
  }

  public double[] heartRate(double[] values) {
    return resample(values, Channel.HEART_RATE);
  }

  public double[] cadence(double[] values) {
    return resample(values, Channel.CADENCE);
  }

  public double[] distance(double[] values) {
    return resample(values, Channel.DISTANCE);
  }

  /**
   * One channel on the grid: {@code values} is aligned by index with the times given to {@link #of}; NaN marks a
   * sample without this channel. Null when the channel is null or has no sample.
   */
  public double[] resample(double[] values, Channel channel) {
    if (values == null) {
      return null;
    }
    if (values.length != inputLength) {
      throw new IllegalArgumentException(channel + " has " + values.length + " values for " + inputLength + " times");
    }
    double[] out = new double[seconds];
    int prev = -1; // index into kept of the previous sample carrying this channel
    for (int s = 0; s < kept.length; s++) {
      double v = values[kept[s]];
      if (!carries(v, channel)) {
        continue;
      }
      double t = relTimes[s];
      if (prev < 0) {
        // before the channel's first sample: stopped
        fill(out, 0, ceil(t) - 1, stopValue(channel, v));
      } else {
        double ta = relTimes[prev];
        double va = values[kept[prev]];
        int from = ceil(ta);
        int to = ceil(t) - 1; // seconds strictly before t
        if (t - ta <= MAX_GAP_S) {
          // linear interpolation, v(k) = va + (v - va)·(k − ta)/(t − ta)
          for (int k = from; k <= to; k++) {
            out[k] = k == ta ? va : va + (v - va) * (k - ta) / (t - ta);
          }
        } else {
          if (from == ta && from <= to) {
            out[from++] = va; // the second of the sample itself keeps its value
          }
          fill(out, from, to, stopValue(channel, va));
        }
      }
      if (t == Math.floor(t)) {
        out[(int) t] = v;
      }
      prev = s;
    }
    if (prev < 0) {
      return null;
    }
    double tl = relTimes[prev];
    double vl = values[kept[prev]];
    int from = ceil(tl);
    if (from == tl) {
      from++; // already set to the sample's value
    }
    fill(out, from, seconds - 1, stopValue(channel, vl));
    return out;
  }

  private static boolean carries(double v, Channel channel) {
    if (Double.isNaN(v)) {
      return false;
    }
    return (channel != Channel.HEART_RATE && channel != Channel.CADENCE) || v > 0;
  }

  /** The value of a stopped second next to a sample of value {@code v}. */
  private static double stopValue(Channel channel, double v) {
    return switch (channel) {
      case POWER, SPEED -> 0;
      case HEART_RATE, CADENCE -> Double.NaN;
      case DISTANCE -> v;
    };
  }

  private static int ceil(double t) {
    return (int) Math.ceil(t);
  }

  private static void fill(double[] out, int from, int to, double value) {
    for (int k = Math.max(0, from); k <= to && k < out.length; k++) {
      out[k] = value;
    }
  }
}
