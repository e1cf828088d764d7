package fitcoach.privacy;

/**
 * Google's encoded polyline format (5 decimal places), the way Strava sends an activity's route: decoded, the points
 * inside a zone dropped, and encoded again. A route passing through a zone then runs straight across it.
 */
final class Polyline {
  private Polyline() {
  }

  /** The polyline without its points inside {@code zones}; null when none is left or the text is not a polyline. */
  static String without(String encoded, PrivacyZones zones) {
    StringBuilder out = new StringBuilder(encoded.length());
    long lastLat = 0;
    long lastLon = 0;
    long lat = 0;
    long lon = 0;
    int kept = 0;
    int[] at = {0};
    while (at[0] < encoded.length()) {
      Long dLat = next(encoded, at);
      Long dLon = dLat == null ? null : next(encoded, at);
      if (dLon == null) {
        return null;
      }
      lat += dLat;
      lon += dLon;
      if (!zones.hides(lat / 1e5, lon / 1e5)) {
        write(out, lat - lastLat);
        write(out, lon - lastLon);
        lastLat = lat;
        lastLon = lon;
        kept++;
      }
    }
    return kept == 0 ? null : out.toString();
  }

  /** One signed value, or null when the text ends mid-value or holds a character outside the format. */
  private static Long next(String s, int[] at) {
    long result = 0;
    int shift = 0;
    while (true) {
      if (at[0] >= s.length() || shift > 60) {
        return null;
      }
      int b = s.charAt(at[0]++) - 63;
      if (b < 0 || b > 63) {
        return null;
      }
      result |= (long) (b & 0x1f) << shift;
      shift += 5;
      if (b < 0x20) {
        break;
      }
    }
    return (result & 1) != 0 ? ~(result >> 1) : result >> 1;
  }

  private static void write(StringBuilder out, long value) {
    long v = value < 0 ? ~(value << 1) : value << 1;
    while (v >= 0x20) {
      out.append((char) ((0x20 | (v & 0x1f)) + 63));
      v >>= 5;
    }
    out.append((char) (v + 63));
  }

  /** Encodes points given as {lat, lon} pairs, for tests. */
  static String encode(double[][] points) {
    StringBuilder out = new StringBuilder();
    long lastLat = 0;
    long lastLon = 0;
    for (double[] p : points) {
      long lat = Math.round(p[0] * 1e5);
      long lon = Math.round(p[1] * 1e5);
      write(out, lat - lastLat);
      write(out, lon - lastLon);
      lastLat = lat;
      lastLon = lon;
    }
    return out.toString();
  }
}
