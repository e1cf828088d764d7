package fitcoach.strava;

import fitcoach.activities.ActivityLap;
import fitcoach.activities.LapFigures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strava's laps of an activity (the DetailedActivity's {@code laps}, the same objects {@code GET /activities/{id}/laps}
 * serves) as the store keeps them, with NP and whatever else Strava leaves out filled from the streams fetched with
 * them. Strava data: stored with the activity like its streams, never sent anywhere. Pure and CPU-bound.
 */
final class StravaLaps {
  private StravaLaps() {
  }

  /**
   * The laps, or null when the detail carries none (stored laps then stay). A lap starts at the time stream's value at
   * its {@code start_index}, else at its {@code start_date} minus the activity's start.
   */
  static List<ActivityLap> of(JsonObject detail, Instant activityStart, String sportFamily, JsonObject streams) {
    JsonArray laps = detail == null ? null : detail.getJsonArray("laps");
    if (laps == null) {
      return null;
    }
    double[] time = channel(streams, "time");
    List<ActivityLap> out = new ArrayList<>();
    for (int i = 0; i < laps.size() && out.size() < ActivityLap.MAX_PER_ACTIVITY; i++) {
      if (!(laps.getValue(i) instanceof JsonObject l) || integer(l, "elapsed_time") == null) {
        continue;
      }
      Integer start = null;
      Integer index = integer(l, "start_index");
      if (time != null && index != null && index >= 0 && index < time.length && Double.isFinite(time[index])) {
        start = (int) Math.round(time[index] - time[0]);
      } else if (activityStart != null && l.getString("start_date") != null) {
        try {
          start = (int) (Instant.parse(l.getString("start_date")).getEpochSecond() - activityStart.getEpochSecond());
        } catch (DateTimeParseException e) {
          start = null;
        }
      }
      if (start == null) {
        continue;
      }
      // Strava estimates watts for rides without a meter: only a meter's watts are power.
      boolean meter = !Boolean.FALSE.equals(l.getValue("device_watts") instanceof Boolean b ? b : null);
      out.add(new ActivityLap(out.size(), start, Math.max(0, integer(l, "elapsed_time")), integer(l, "moving_time"),
          number(l, "distance"), positive(l, "average_heartrate"), positive(l, "max_heartrate"),
          meter ? positive(l, "average_watts") : null, null, number(l, "average_speed"), number(l, "total_elevation_gain"),
          null));
    }
    return LapFigures.fill(out, sportFamily, time == null ? null : new LapFigures.Samples(time, channel(streams, "watts"),
        channel(streams, "heartrate"), channel(streams, "velocity_smooth"), channel(streams, "distance")));
  }

  /** A stream as numbers (NaN where Strava sent null), or null when absent or not the time stream's length. */
  private static double[] channel(JsonObject streams, String type) {
    JsonArray a = streams == null ? null : streams.getJsonArray(type);
    JsonArray t = streams == null ? null : streams.getJsonArray("time");
    if (a == null || t == null || a.size() != t.size()) {
      return null;
    }
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.getValue(i) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
    return out;
  }

  private static Integer integer(JsonObject l, String key) {
    return l.getValue(key) instanceof Number n ? Integer.valueOf((int) Math.round(n.doubleValue())) : null;
  }

  private static Double number(JsonObject l, String key) {
    return l.getValue(key) instanceof Number n && Double.isFinite(n.doubleValue()) ? Double.valueOf(n.doubleValue()) : null;
  }

  private static Double positive(JsonObject l, String key) {
    Double v = number(l, key);
    return v == null || v <= 0 ? null : v;
  }
}
