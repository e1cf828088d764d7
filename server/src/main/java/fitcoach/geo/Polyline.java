package fitcoach.geo;

import java.util.Arrays;

/** Google's encoded polyline format at precision 5 (what Strava's summary_polyline and the UI's decoder use). */
public final class Polyline {
  private Polyline() {
  }

  /** Points as {lat, lon} pairs. */
  public static String encode(double[][] points) {
    StringBuilder sb = new StringBuilder(points.length * 6);
    long lastLat = 0;
    long lastLon = 0;
    for (double[] p : points) {
      long lat = Math.round(p[0] * 1e5);
      long lon = Math.round(p[1] * 1e5);
      value(sb, lat - lastLat);
      value(sb, lon - lastLon);
      lastLat = lat;
      lastLon = lon;
    }
    return sb.toString();
  }

  private static void value(StringBuilder sb, long v) {
    long s = v < 0 ? ~(v << 1) : v << 1;
    while (s >= 0x20) {
      sb.append((char) ((0x20 | (s & 0x1f)) + 63));
      s >>= 5;
    }
    sb.append((char) (s + 63));
  }

  /** The points of an encoded polyline; a truncated or garbled tail is dropped, never thrown. */
  public static double[][] decode(String encoded) {
    double[][] out = new double[Math.max(1, encoded.length() / 2)][];
    int n = 0;
    int i = 0;
    long lat = 0;
    long lon = 0;
    while (i < encoded.length()) {
      long[] d = new long[2];
      for (int k = 0; k < 2; k++) {
        long result = 0;
        int shift = 0;
        int b;
        do {
          if (i >= encoded.length() || shift > 60) {
            return Arrays.copyOf(out, n);
          }
          b = encoded.charAt(i++) - 63;
          if (b < 0 || b > 63) {
            return Arrays.copyOf(out, n);
          }
          result |= (long) (b & 0x1f) << shift;
          shift += 5;
        } while (b >= 0x20);
        d[k] = (result & 1) != 0 ? ~(result >> 1) : result >> 1;
      }
      lat += d[0];
      lon += d[1];
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = new double[] {lat / 1e5, lon / 1e5};
    }
    return Arrays.copyOf(out, n);
  }
}
