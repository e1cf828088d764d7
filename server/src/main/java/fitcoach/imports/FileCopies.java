package fitcoach.imports;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivityLeg;
import fitcoach.activities.ActivitySource;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;

/** A parsed device file (or a file of the Strava export) as a copy for the activity store. */
final class FileCopies {
  private FileCopies() {
  }

  static ActivityInput input(ActivitySource source, String externalId, String name, String description, Integer rpe, String gear,
                             ParsedActivity a, LocalDateTime local, String zone, EncodedStreams streams, String originalFile,
                             String fileName) {
    boolean power = a.avgPowerW() != null && a.avgPowerW() > 0;
    return new ActivityInput(source, externalId, a.sportType(), name, description, null, a.startUtc(), local, zone,
        a.movingTimeS(), a.elapsedTimeS(), a.distanceM(), a.elevationGainM(), a.avgHr(), a.maxHr(), power ? a.avgPowerW() : null,
        power ? a.normalizedPowerW() : null, power ? Boolean.TRUE : null, null, a.avgCadence(), null, null, a.calories(), rpe,
        false, false, false, null, raw(a.format(), a.deviceName(), gear, fileName), originalFile,
        a.legs() == null || a.legs().isEmpty() ? null : ActivityLeg.toJson(a.legs()),
        streams == null ? null : new ActivityInput.StreamData(streams.points(), streams.gzippedJson(), streams.types()),
        a.laps());
  }

  /**
   * What the row keeps of its origin: the file format, the recording device, the name of the file it came from (shown
   * on the activity as {@code fileName}), and the export's gear when it names one.
   */
  static JsonObject raw(String format, String device, String gear, String fileName) {
    JsonObject raw = new JsonObject().put("format", format).put("device", device).put("file", fileName);
    return gear == null || gear.isBlank() ? raw : raw.put("gear", gear.trim());
  }
}
