package fitcoach.testing.strava;

import java.util.List;

/**
 * Google's encoded polyline format (precision 5), as in Strava's {@code map.summary_polyline}. The fake Strava server
 * encodes with this copy on purpose, not with the app's {@code fitcoach.geo.Polyline}: the fake stands in for Strava,
 * and a mistake in the app's codec (a sign, a rounding) would otherwise be made on both sides and pass unseen.
 */
public final class Polyline {
  private Polyline() {
  }

  public static String encode(List<double[]> points) {
    StringBuilder out = new StringBuilder();
    long lastLat = 0;
    long lastLng = 0;
    for (double[] p : points) {
      long lat = Math.round(p[0] * 1e5);
      long lng = Math.round(p[1] * 1e5);
      value(out, lat - lastLat);
      value(out, lng - lastLng);
      lastLat = lat;
      lastLng = lng;
    }
    return out.toString();
  }

  private static void value(StringBuilder out, long delta) {
    long v = delta < 0 ? ~(delta << 1) : delta << 1;
    while (v >= 0x20) {
      out.append((char) ((0x20 | (v & 0x1f)) + 63));
      v >>= 5;
    }
    out.append((char) (v + 63));
  }
}
