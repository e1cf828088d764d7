package fitcoach.imports;

import java.time.Instant;
import java.util.Arrays;

/**
 * Collects samples one at a time, in recording order, and turns them into {@link Streams}. A channel that never
 * received a value comes out as null; a sample without a value for a channel is NaN.
 */
final class StreamBuilder {
  private static final int LAT = 0;
  private static final int LON = 1;
  private static final int ALT = 2;
  private static final int HR = 3;
  private static final int POWER = 4;
  private static final int SPEED = 5;
  private static final int CADENCE = 6;
  private static final int DISTANCE = 7;
  private static final int CHANNELS = 8;

  private long[] epochMillis = new long[256];
  private final double[][] values = new double[CHANNELS][256];
  private final boolean[] seen = new boolean[CHANNELS];
  private int size;

  /** Starts a new sample at the given time; the setters below fill it in. */
  StreamBuilder add(Instant time) {
    return add(time.toEpochMilli());
  }

  StreamBuilder add(long timeEpochMillis) {
    if (size == epochMillis.length) {
      int grown = size * 2;
      epochMillis = Arrays.copyOf(epochMillis, grown);
      for (int c = 0; c < CHANNELS; c++) {
        values[c] = Arrays.copyOf(values[c], grown);
      }
    }
    epochMillis[size] = timeEpochMillis;
    for (int c = 0; c < CHANNELS; c++) {
      values[c][size] = Double.NaN;
    }
    size++;
    return this;
  }

  // The setters take NaN (or null) for "not recorded"; the double forms spare the FIT decoder a box per value.

  StreamBuilder position(Double lat, Double lon) {
    return position(orNaN(lat), orNaN(lon));
  }

  StreamBuilder position(double lat, double lon) {
    // (0, 0) is what some devices write before a fix; nobody trains at that point in the Gulf of Guinea.
    if (Double.isFinite(lat) && Double.isFinite(lon) && !(lat == 0 && lon == 0) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      set(LAT, lat);
      set(LON, lon);
    }
    return this;
  }

  StreamBuilder altitude(Double metres) {
    return altitude(orNaN(metres));
  }

  StreamBuilder altitude(double metres) {
    return set(ALT, metres);
  }

  StreamBuilder heartRate(Double bpm) {
    return heartRate(orNaN(bpm));
  }

  /** Zero beats per minute means the strap lost contact, so it is stored as missing. */
  StreamBuilder heartRate(double bpm) {
    return set(HR, bpm > 0 ? bpm : Double.NaN);
  }

  StreamBuilder power(Double watts) {
    return power(orNaN(watts));
  }

  StreamBuilder power(double watts) {
    return set(POWER, watts >= 0 ? watts : Double.NaN);
  }

  StreamBuilder speed(Double metresPerSecond) {
    return speed(orNaN(metresPerSecond));
  }

  StreamBuilder speed(double metresPerSecond) {
    return set(SPEED, metresPerSecond >= 0 ? metresPerSecond : Double.NaN);
  }

  StreamBuilder cadence(Double perMinute) {
    return cadence(orNaN(perMinute));
  }

  StreamBuilder cadence(double perMinute) {
    return set(CADENCE, perMinute >= 0 ? perMinute : Double.NaN);
  }

  StreamBuilder distance(Double metres) {
    return distance(orNaN(metres));
  }

  StreamBuilder distance(double metres) {
    return set(DISTANCE, metres >= 0 ? metres : Double.NaN);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  Instant firstTime() {
    return Instant.ofEpochMilli(epochMillis[0]);
  }

  /** The streams with times in whole seconds since {@code start} (rounded to the nearest second). */
  Streams build(Instant start) {
    long startMillis = start.toEpochMilli();
    int[] time = new int[size];
    for (int i = 0; i < size; i++) {
      time[i] = (int) Math.round((epochMillis[i] - startMillis) / 1000.0);
    }
    return new Streams(time, channel(LAT), channel(LON), channel(ALT), channel(HR), channel(POWER), channel(SPEED),
        channel(CADENCE), channel(DISTANCE));
  }

  /**
   * The samples timed in {@code [fromMillis, toMillis)}, in recording order, as a builder of their own: one session
   * of a multisport file. A channel counts as recorded only if the slice holds a value for it.
   */
  StreamBuilder within(long fromMillis, long toMillis) {
    StreamBuilder slice = new StreamBuilder();
    for (int i = 0; i < size; i++) {
      if (epochMillis[i] >= fromMillis && epochMillis[i] < toMillis) {
        slice.add(epochMillis[i]);
        for (int c = 0; c < CHANNELS; c++) {
          slice.set(c, values[c][i]);
        }
      }
    }
    return slice;
  }

  private StreamBuilder set(int channel, double value) {
    if (size == 0) {
      throw new IllegalStateException("add(time) must come before the sample's values");
    }
    if (Double.isFinite(value)) {
      values[channel][size - 1] = value;
      seen[channel] = true;
    }
    return this;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  private double[] channel(int channel) {
    return seen[channel] ? Arrays.copyOf(values[channel], size) : null;
  }
}
