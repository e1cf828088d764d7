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
    f.put("elapsed", a.elapsedTimeS() == null ? null : Formats.duration(a.elapsedTimeS()));
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
    f.put("elevation_gain_m", a.elevationGainM() == null ? null : Formats.round(a.elevationGainM(), 0));
    f.put("avg_hr", a.avgHr() == null ? null : Formats.round(a.avgHr(), 0));
    f.put("max_hr", a.maxHr() == null ? null : Formats.round(a.maxHr(), 0));
    f.put("avg_power_w", a.avgPowerW() == null ? null : Formats.round(a.avgPowerW(), 0));
    f.put("power_source", a.avgPowerW() == null ? null : Boolean.TRUE.equals(a.deviceWatts()) ? "power meter" : "estimated");
    f.put("normalized_power_w", a.weightedPowerW() == null ? null : Formats.round(a.weightedPowerW(), 0));
    f.put("calories", a.calories() == null ? null : Formats.round(a.calories(), 0));
    f.put("rpe", a.rpe());
    f.put("indoor", a.trainer() ? Boolean.TRUE : null);
    CoachLoad.ActivityLoadValue value = load.loads().get(a.id());
    if (value != null) {
      f.put("load", Formats.round(value.load(), 0));
      f.put("load_method", value.method().name().toLowerCase(java.util.Locale.ROOT));
    }
    f.values().removeIf(v -> v == null);
    return f;
  }
}
