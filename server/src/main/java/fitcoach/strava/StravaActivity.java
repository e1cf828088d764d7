package fitcoach.strava;

import fitcoach.activities.Sports;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A Strava SummaryActivity or DetailedActivity mapped onto the activity columns. Strava omits or nulls any field but
 * the id, so everything else is optional; {@code start_date_local} is wall-clock time despite its trailing "Z".
 */
record StravaActivity(long id, String sportType, String sportFamily, String name, String description, Instant startDate,
                      LocalDateTime startDateLocal, String timeZone, Integer movingTimeS, Integer elapsedTimeS, Double distanceM,
                      Double elevationGainM, Double avgHr, Double maxHr, Double avgPowerW, Double weightedPowerW,
                      Boolean deviceWatts, Double kilojoules, Double avgCadence, Double avgSpeedMps, Double maxSpeedMps,
                      Double calories, Integer rpe, boolean trainer, boolean commute, boolean manual, String polyline,
                      JsonObject raw) {

  /** Maps one activity; null when it lacks what every activity needs (an id and a start). */
  static StravaActivity from(JsonObject a) {
    Long id = a.getLong("id");
    Instant start = instant(a.getString("start_date"));
    if (id == null || start == null) {
      return null;
    }
    String zone = zone(a.getString("timezone"));
    LocalDateTime local = local(a.getString("start_date_local"));
    if (local == null) {
      local = LocalDateTime.ofInstant(start, zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
    }
    String sport = a.getString("sport_type", a.getString("type", "Workout"));
    boolean hasHr = a.getBoolean("has_heartrate", a.getValue("average_heartrate") != null);
    JsonObject map = a.getJsonObject("map");
    Integer rpe = a.getValue("perceived_exertion") instanceof Number n && n.doubleValue() >= 1 && n.doubleValue() <= 10
        ? (int) Math.round(n.doubleValue()) : null;
    return new StravaActivity(id, sport, Sports.family(sport), a.getString("name"), a.getString("description"), start, local,
        zone, integer(a, "moving_time"), integer(a, "elapsed_time"), number(a, "distance"), number(a, "total_elevation_gain"),
        hasHr ? number(a, "average_heartrate") : null, hasHr ? number(a, "max_heartrate") : null,
        number(a, "average_watts"), number(a, "weighted_average_watts"), a.getBoolean("device_watts"), number(a, "kilojoules"),
        number(a, "average_cadence"), number(a, "average_speed"), number(a, "max_speed"), number(a, "calories"), rpe,
        a.getBoolean("trainer", false), a.getBoolean("commute", false), a.getBoolean("manual", false),
        map == null ? null : blankToNull(map.getString("summary_polyline")), a);
  }

  /** The start; null (the activity is skipped) when it is missing, unreadable or outside the {@link fitcoach.app.DateWindow}. */
  private static Instant instant(String s) {
    try {
      Instant start = s == null ? null : Instant.parse(s);
      return fitcoach.app.DateWindow.contains(start) ? start : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDateTime local(String s) {
    if (s == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** "(GMT+01:00) Europe/Berlin" → "Europe/Berlin", if Java knows the zone. */
  static String zone(String strava) {
    if (strava == null) {
      return null;
    }
    String id = strava.contains(") ") ? strava.substring(strava.indexOf(") ") + 2).trim() : strava.trim();
    try {
      return ZoneId.of(id).getId();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Double number(JsonObject a, String key) {
    return a.getValue(key) instanceof Number n ? n.doubleValue() : null;
  }

  // Strava sends some integers as floats; round rather than fail (the original FitCoach lost whole syncs to 870.2).
  private static Integer integer(JsonObject a, String key) {
    return a.getValue(key) instanceof Number n ? (int) Math.round(n.doubleValue()) : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The readable activities of a list page, in order; entries that are not activities are skipped. */
  static java.util.List<StravaActivity> page(io.vertx.core.json.JsonArray items) {
    java.util.List<StravaActivity> mapped = new java.util.ArrayList<>(items.size());
    for (Object o : items) {
      if (o instanceof io.vertx.core.json.JsonObject json) {
        StravaActivity a = from(json);
        if (a != null) {
          mapped.add(a);
        }
      }
    }
    return mapped;
  }
}
