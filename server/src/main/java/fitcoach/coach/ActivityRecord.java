package fitcoach.coach;

import fitcoach.analytics.CoachLoad;
import java.util.LinkedHashMap;
import java.util.Map;

/** One activity as the coach reads it: the recorded fields that are present, and its load from the engine. */
final class ActivityRecord {
  private ActivityRecord() {
  }

  static Map<String, Object> of(CoachActivity a, CoachLoad load) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("date", a.localDate().toString());
    f.put("start", a.startLocal().toLocalTime().toString());
    f.put("sport", a.sportType());
    f.put("name", a.name());
    f.put("description", a.description());
    f.put("notes", a.notes());
    f.put("duration", Formats.duration(a.durationS()));
    // Elapsed only where it says something moving time does not (stops, a long lunch).
    String elapsed = a.elapsedTimeS() == null ? null : Formats.duration(a.elapsedTimeS());
    f.put("elapsed", elapsed == null || elapsed.equals(Formats.duration(a.durationS())) ? null : elapsed);
    if (a.distanceM() != null && a.distanceM() > 0) {
      f.put("distance_km", Formats.round(a.distanceM() / 1000, 2));
      if (a.durationS() > 0) {
        // Each sport in its own unit: runs and walks per km, swims per 100 m, everything else km/h.
        switch (Formats.speedUnit(a.sportFamily())) {
          case PER_KM -> f.put("pace", Formats.pace(a.durationS() / (a.distanceM() / 1000)));
          case PER_100M -> f.put("pace", Formats.pace100(a.durationS() / (a.distanceM() / 100)));
          default -> f.put("speed_kmh", Formats.round(a.distanceM() / a.durationS() * 3.6, 1));
        }
      }
    }
    f.put("elevation_gain_m", a.elevationGainM() == null ? null : Math.round(a.elevationGainM()));
    f.put("avg_hr", a.avgHr() == null ? null : Math.round(a.avgHr()));
    f.put("max_hr", a.maxHr() == null ? null : Math.round(a.maxHr()));
    f.put("avg_power_w", a.avgPowerW() == null ? null : Math.round(a.avgPowerW()));
    f.put("power_source", a.avgPowerW() == null ? null : Boolean.TRUE.equals(a.deviceWatts()) ? "power meter" : "estimated");
    f.put("normalized_power_w", a.weightedPowerW() == null ? null : Math.round(a.weightedPowerW()));
    f.put("calories", a.calories() == null ? null : Math.round(a.calories()));
    f.put("rpe", a.rpe());
    f.put("indoor", a.trainer() ? Boolean.TRUE : null);
    CoachLoad.ActivityLoadValue value = load.loads().get(a.id());
    if (value != null) {
      f.put("load", Math.round(value.load()));
      f.put("load_method", value.method().name().toLowerCase(java.util.Locale.ROOT));
    }
    f.values().removeIf(v -> v == null);
    return f;
  }
}
