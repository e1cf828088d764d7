package fitcoach.imports;

import fitcoach.activities.Sports;
import fitcoach.analysis.Moving;
import fitcoach.analysis.NormalizedPower;
import fitcoach.analysis.OneHertz;

/**
 * Summary numbers computed from streams, for whatever a file does not record itself (and for the demo's generated
 * streams, so its summaries agree with them as an import's would). The rules:
 * <ul>
 *   <li><b>Elapsed</b>: first to last sample time.</li>
 *   <li><b>Moving</b>: the sum of the intervals between consecutive samples, leaving out every interval longer than
 *       {@value #PAUSE_GAP_S} s (the device was paused or lost the signal) and, for runs, rides, walks and skiing,
 *       every interval whose speed is below {@value #MIN_MOVING_SPEED_MPS} m/s (standing at a light). The speed is the
 *       recorded one, else distance gained over the interval, else the distance between the two positions.</li>
 *   <li><b>Averages</b> (HR, power, cadence) are taken on the one 1 Hz grid of the analysis ({@link OneHertz}: gaps up
 *       to 25 s interpolated, longer ones stops), over the recording seconds: every interval of at most
 *       {@value #PAUSE_GAP_S} s, both ends included; pauses are left out, standing still is not. Smart recording is
 *       therefore not biased towards the moments a device chose to write. Heart rate and
 *       cadence ignore zeros (no strap contact, coasting); power keeps them (coasting is part of the ride). A power
 *       channel that is never above zero counts as no power.</li>
 *   <li><b>Normalized power</b>: {@link NormalizedPower} on the whole grid (stops count as zeros), the same number the
 *       analysis shows; null with fewer than 30 s of power.</li>
 *   <li><b>Elevation gain</b>, with hysteresis: a climb starts once the altitude is {@value #ASCENT_HYSTERESIS_M} m
 *       above the lowest point since the last climb, and ends once it falls that much below the climb's highest
 *       point (or the recording ends); each climb then counts in full, low to high. Jitter of a metre or two
 *       adds nothing.</li>
 *   <li><b>Distance</b> from positions: haversine on a sphere of radius {@value #EARTH_RADIUS_M} m (IUGG mean).</li>
 * </ul>
 */
public final class ActivityMetrics {
  static final int PAUSE_GAP_S = Moving.PAUSE_GAP_S;
  static final double MIN_MOVING_SPEED_MPS = Moving.MIN_SPEED_MPS;
  static final double ASCENT_HYSTERESIS_M = 3.0;
  static final double EARTH_RADIUS_M = fitcoach.geo.GreatCircle.EARTH_RADIUS_M;


  private ActivityMetrics() {}

  /** What the streams alone say; the parsers prefer values the file records. */
  public record Computed(int elapsedS, int movingS, Double distanceM, Double elevationGainM, Double avgHr, Double maxHr,
      Double avgPowerW, Double normalizedPowerW, Double avgCadence) {
  }

  public static Computed compute(Streams s, String sportType) {
    Grid g = Grid.of(s);
    if (g == null) {
      // Longer than the grid accepts (a broken clock): what needs the grid is unknown rather than guessed.
      return new Computed(elapsedSeconds(s), movingSeconds(s, sportType), distance(s), elevationGain(s.altitudeM()),
          null, max(s.heartRate()), null, null, null);
    }
    return new Computed(elapsedSeconds(s), movingSeconds(s, sportType), distance(s), elevationGain(s.altitudeM()),
        g.mean(g.grid.heartRate(s.heartRate())), max(s.heartRate()), averagePower(g, s), normalizedPower(g, s),
        g.mean(g.grid.cadence(s.cadence())));
  }

  static int elapsedSeconds(Streams s) {
    int n = s.size();
    return n < 2 ? 0 : s.timeS()[n - 1] - s.timeS()[0];
  }

  static int movingSeconds(Streams s, String sportType) {
    boolean speedRule = Moving.speedRule(Sports.family(sportType));
    int[] t = s.timeS();
    long moving = 0;
    for (int i = 1; i < t.length; i++) {
      int dt = t[i] - t[i - 1];
      if (dt <= 0 || dt > PAUSE_GAP_S) {
        continue;
      }
      if (speedRule) {
        double speed = intervalSpeed(s, i, dt);
        if (!Double.isNaN(speed) && speed < MIN_MOVING_SPEED_MPS) {
          continue;
        }
      }
      moving += dt;
    }
    return (int) moving;
  }

  /** Speed over the interval ending at sample i, or NaN when nothing says how fast it was. */
  private static double intervalSpeed(Streams s, int i, int dt) {
    if (s.speedMps() != null && !Double.isNaN(s.speedMps()[i])) {
      return s.speedMps()[i];
    }
    double[] d = s.distanceM();
    if (d != null && !Double.isNaN(d[i]) && !Double.isNaN(d[i - 1])) {
      return Math.max(0, d[i] - d[i - 1]) / dt;
    }
    if (s.lat() != null && !Double.isNaN(s.lat()[i]) && !Double.isNaN(s.lat()[i - 1])) {
      return haversine(s.lat()[i - 1], s.lon()[i - 1], s.lat()[i], s.lon()[i]) / dt;
    }
    return Double.NaN;
  }

  /** The largest recorded distance, else the length of the positions, else null. */
  static Double distance(Streams s) {
    Double recorded = max(s.distanceM());
    if (recorded != null) {
      return recorded;
    }
    if (s.lat() == null) {
      return null;
    }
    double[] cumulative = cumulativeDistance(s.lat(), s.lon(), null);
    return cumulative.length == 0 ? null : cumulative[cumulative.length - 1];
  }

  /**
   * Cumulative haversine distance along the positions; samples without a position carry the running total.
   * {@code breaks[i]} true means sample i starts a new segment and is not joined to the one before (GPX trkseg).
   */
  static double[] cumulativeDistance(double[] lat, double[] lon, boolean[] breaks) {
    double[] out = new double[lat.length];
    double total = 0;
    int last = -1;
    for (int i = 0; i < lat.length; i++) {
      if (breaks != null && breaks[i]) {
        last = -1;
      }
      if (!Double.isNaN(lat[i]) && !Double.isNaN(lon[i])) {
        if (last >= 0) {
          total += haversine(lat[last], lon[last], lat[i], lon[i]);
        }
        last = i;
      }
      out[i] = total;
    }
    return out;
  }

  static double haversine(double lat1, double lon1, double lat2, double lon2) {
    return fitcoach.geo.GreatCircle.metres(lat1, lon1, lat2, lon2);
  }

  static Double elevationGain(double[] altitude) {
    if (altitude == null) {
      return null;
    }
    double gain = 0;
    double low = Double.NaN;
    double high = Double.NaN;
    boolean climbing = false;
    for (double a : altitude) {
      if (Double.isNaN(a)) {
        continue;
      }
      if (Double.isNaN(low)) {
        low = a;
      } else if (climbing) {
        if (a > high) {
          high = a;
        } else if (a <= high - ASCENT_HYSTERESIS_M) {
          gain += high - low;
          climbing = false;
          low = a;
        }
      } else if (a < low) {
        low = a;
      } else if (a >= low + ASCENT_HYSTERESIS_M) {
        climbing = true;
        high = a;
      }
    }
    if (climbing) {
      gain += high - low;
    }
    return Double.isNaN(low) ? null : gain;
  }

  static Double max(double[] values) {
    if (values == null) {
      return null;
    }
    double best = Double.NaN;
    for (double v : values) {
      if (!Double.isNaN(v) && (Double.isNaN(best) || v > best)) {
        best = v;
      }
    }
    return Double.isNaN(best) ? null : best;
  }

  static Double averagePower(Streams s) {
    return averagePower(Grid.of(s), s);
  }

  static Double normalizedPower(Streams s) {
    return normalizedPower(Grid.of(s), s);
  }

  private static Double averagePower(Grid g, Streams s) {
    return g != null && hasPower(s) ? g.mean(g.grid.power(s.powerW())) : null;
  }

  private static Double normalizedPower(Grid g, Streams s) {
    if (g == null || !hasPower(s)) {
      return null;
    }
    var np = NormalizedPower.of(g.grid.power(s.powerW()));
    return np.isPresent() ? np.getAsDouble() : null;
  }

  /** A power channel that never rises above zero is a file format's placeholder, not a power meter. */
  static boolean hasPower(Streams s) {
    Double peak = max(s.powerW());
    return peak != null && peak > 0;
  }

  /**
   * The activity's 1 Hz grid and the seconds averages cover: every recording interval of at most {@value #PAUSE_GAP_S} s,
   * both ends included (so a 1 Hz recording averages every sample, and the first sample after a pause counts).
   * Standing still counts, as on the device; only pauses are left out.
   */
  record Grid(OneHertz grid, boolean[] recording, boolean anyRecording) {
    /** Null when the recording spans more than {@link OneHertz#MAX_SPAN_S}. */
    static Grid of(Streams s) {
      int[] t = s.timeS();
      if (t.length > 1 && (long) t[t.length - 1] - t[0] > OneHertz.MAX_SPAN_S) {
        return null;
      }
      OneHertz grid = OneHertz.of(t);
      boolean[] recording = new boolean[grid.seconds()];
      boolean any = false;
      int t0 = t.length == 0 ? 0 : t[0];
      for (int i = 1; i < t.length; i++) {
        int dt = t[i] - t[i - 1];
        if (dt <= 0 || dt > PAUSE_GAP_S) {
          continue;
        }
        for (int k = Math.max(0, t[i - 1] - t0); k <= t[i] - t0 && k < recording.length; k++) {
          recording[k] = true;
          any = true;
        }
      }
      return new Grid(grid, recording, any);
    }

    /** The mean of a grid channel over the recording seconds (every second when there are none), NaN left out. */
    Double mean(double[] channel) {
      if (channel == null) {
        return null;
      }
      double sum = 0;
      long n = 0;
      for (int k = 0; k < channel.length; k++) {
        double v = channel[k];
        if ((!anyRecording || recording[k]) && !Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      return n == 0 ? null : sum / n;
    }
  }
}
