package fitcoach.privacy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Positions in a source's raw JSON, wherever they are: Strava names them {@code start_latlng}, {@code end_latlng}
 * (a [lat, lng] pair) and {@code map.summary_polyline} / {@code map.polyline}; segment efforts nest more of the same.
 * Walked by key name so a field Strava adds later under the same naming is covered too.
 */
final class RawPositions {
  private RawPositions() {
  }

  static JsonObject hide(JsonObject raw, PrivacyZones zones) {
    JsonObject out = raw.copy();
    walk(out, zones, 0);
    return out;
  }

  private static void walk(Object node, PrivacyZones zones, int depth) {
    if (depth > 32) {
      return;
    }
    if (node instanceof JsonObject o) {
      for (String key : o.fieldNames()) {
        Object v = o.getValue(key);
        String k = key.toLowerCase(java.util.Locale.ROOT);
        if (k.endsWith("latlng") && v instanceof JsonArray pair) {
          if (inside(pair, zones)) {
            o.putNull(key);
          }
        } else if (k.endsWith("polyline") && v instanceof String s) {
          o.put(key, zones.polyline(s));
        } else {
          walk(v, zones, depth + 1);
        }
      }
    } else if (node instanceof JsonArray a) {
      for (Object v : a) {
        walk(v, zones, depth + 1);
      }
    }
  }

  private static boolean inside(JsonArray pair, PrivacyZones zones) {
    return pair.size() >= 2 && pair.getValue(0) instanceof Number lat && pair.getValue(1) instanceof Number lon
        && zones.hides(lat.doubleValue(), lon.doubleValue());
  }
}
