package fitcoach.activities;

import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import fitcoach.app.JsonFields;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** POST /api/activities: a session no device recorded. The start is local time in the given (or the athlete's) zone. */
public record ManualActivityRequest(String sportType, LocalDateTime startLocal, String timeZone, int durationS,
                                    Double distanceM, Integer rpe, String name, String notes) {

  public static ManualActivityRequest from(JsonObject body, String defaultZone) {
    JsonFields f = new JsonFields(body, "sportType", "startLocal", "timeZone", "durationS", "distanceM", "rpe", "name", "notes");
    String sport = Sports.canonical(f.requiredString("sportType", 50));
    if (sport == null) {
      throw ApiException.invalid("sportType", "invalid_value", "Unknown sport type; use one of " + String.join(", ",
          Sports.types().stream().sorted().toList()));
    }
    LocalDateTime start;
    try {
      start = LocalDateTime.parse(f.requiredString("startLocal", 30));
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("startLocal", "invalid_value", "'startLocal' must be a local date-time like 2026-11-24T07:30");
    }
    DateWindow.require("startLocal", start.toLocalDate());
    String zone = f.optionalString("timeZone", 64);
    try {
      zone = ZoneId.of(zone == null ? defaultZone : zone).getId();
    } catch (DateTimeException e) {
      throw ApiException.invalid("timeZone", "invalid_value", "Unknown time zone; use an IANA name like Europe/Berlin");
    }
    Integer duration = f.optionalInt("durationS", 60, 48 * 3600);
    if (duration == null) {
      throw ApiException.invalid("durationS", "required", "'durationS' is required");
    }
    if (start.atZone(ZoneId.of(zone)).toInstant().isAfter(java.time.Instant.now().plusSeconds(3600))) {
      throw ApiException.invalid("startLocal", "out_of_range", "A manual activity cannot start in the future");
    }
    return new ManualActivityRequest(sport, start, zone, duration, f.optionalDouble("distanceM", 0, 1_000_000),
        f.optionalInt("rpe", 1, 10), f.optionalString("name", 200), f.optionalString("notes", 2000));
  }

  /** The entry as a copy for the store: a manual entry has no samples and its own id. */
  public ActivityInput toInput() {
    return new ActivityInput(ActivitySource.MANUAL, java.util.UUID.randomUUID().toString(), sportType, name, null, notes,
        startLocal.atZone(ZoneId.of(timeZone)).toInstant(), startLocal, timeZone, durationS, durationS, distanceM, null, null,
        null, null, null, null, null, null, null, null, null, rpe, false, false, true, null, null, null, null, null);
  }
}
