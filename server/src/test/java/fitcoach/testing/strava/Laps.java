package fitcoach.testing.strava;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;

/** Laps (about one per 20 minutes) and 1 km splits for runs, computed from the activity's own streams (B.9). */
public final class Laps {
  private Laps() {
  }

  public static JsonArray of(JsonObject a, Streams s) {
    int n = s.size();
    int count = (int) Math.max(1, Math.round(n / 1200.0));
    int length = (int) Math.ceil(n / (double) count);
    JsonArray laps = new JsonArray();
    for (int lap = 0; lap < count; lap++) {
      int from = lap * length;
      int to = Math.min(n - 1, from + length - 1);
      if (from > to) {
        break;
      }
      JsonObject json = new JsonObject()
          .put("id", a.getLong("id") * 10 + lap)
          .put("resource_state", 2)
          .put("name", "Lap " + (lap + 1))
          .put("activity", new JsonObject().put("id", a.getLong("id")).put("resource_state", 1))
          .put("athlete", a.getJsonObject("athlete").copy())
          .put("elapsed_time", to - from + 1)
          .put("moving_time", to - from + 1)
          .put("start_date", ActivityFactory.UTC.format(Instant.parse(a.getString("start_date")).plusSeconds(from)))
          .put("start_date_local", ActivityFactory.LOCAL_WITH_Z.format(localStart(a).plusSeconds(from)));
      putSegment(json, s, a, from, to);
      laps.add(json.put("lap_index", lap + 1).put("split", lap + 1));
    }
    return laps;
  }

  /** splits_metric: one per full kilometre plus the remainder; only runs have them. */
  public static JsonArray metricSplits(JsonObject a, Streams s) {
    JsonArray splits = new JsonArray();
    if (!"Run".equals(a.getString("type")) || s.distance == null) {
      return splits;
    }
    int from = 0;
    for (int i = 0; i < s.size(); i++) {
      if (s.distance[i] < (splits.size() + 1) * 1000.0 && i < s.size() - 1) {
        continue;
      }
      double distance = ActivityFactory.round1(s.distance[i] - (from == 0 ? 0 : s.distance[from - 1]));
      int time = i - from + 1;
      JsonObject split = new JsonObject().put("distance", distance).put("elapsed_time", time)
          .put("elevation_difference", s.altitude == null ? 0.0 : ActivityFactory.round1(s.altitude[i] - s.altitude[from]))
          .put("moving_time", time).put("split", splits.size() + 1)
          .put("average_speed", ActivityFactory.round3(distance / time))
          .put("average_grade_adjusted_speed", ActivityFactory.round3(distance / time));
      if (s.heartrate != null) {
        split.put("average_heartrate", ActivityFactory.round1(mean(s.heartrate, from, i)));
      }
      splits.add(split.put("pace_zone", 0));
      from = i + 1;
    }
    return splits;
  }

  private static void putSegment(JsonObject json, Streams s, JsonObject a, int from, int to) {
    double distance = s.distance == null ? 0 : s.distance[to] - (from == 0 ? 0 : s.distance[from - 1]);
    double gain = 0;
    double maxSpeed = 0;
    for (int i = from; i <= to; i++) {
      if (s.altitude != null && i > from) {
        gain += Math.max(0, s.altitude[i] - s.altitude[i - 1]);
      }
      maxSpeed = s.velocity == null ? 0 : Math.max(maxSpeed, s.velocity[i]);
    }
    json.put("distance", ActivityFactory.round1(distance))
        .put("start_index", from).put("end_index", to)
        .put("total_elevation_gain", ActivityFactory.round1(gain))
        .put("average_speed", ActivityFactory.round3(distance / (to - from + 1)))
        .put("max_speed", maxSpeed);
    if (s.cadence != null) {
      json.put("average_cadence", ActivityFactory.round1(mean(s.cadence, from, to)));
    }
    if (a.getValue("device_watts") != null) {
      json.put("device_watts", a.getBoolean("device_watts"));
      json.put("average_watts", s.watts == null ? a.getDouble("average_watts") : ActivityFactory.round1(mean(s.watts, from, to)));
    }
    if (s.heartrate != null) {
      int max = 0;
      for (int i = from; i <= to; i++) {
        max = Math.max(max, s.heartrate[i]);
      }
      json.put("average_heartrate", ActivityFactory.round1(mean(s.heartrate, from, to))).put("max_heartrate", (double) max);
    }
  }

  private static LocalDateTime localStart(JsonObject a) {
    String local = a.getString("start_date_local");
    return LocalDateTime.parse(local.endsWith("Z") ? local.substring(0, local.length() - 1) : local);
  }

  private static double mean(int[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i <= to; i++) {
      sum += values[i];
    }
    return sum / (to - from + 1);
  }
}
