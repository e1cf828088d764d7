package fitcoach.activities;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One copy of a workout as a source delivers it, ready for {@link ActivityStore}: a device file, a Strava export row,
 * a Strava API activity, a manual entry or a demo session. Null means "not known".
 *
 * @param raw          what the row keeps of its origin (Strava's JSON; a file's format and device)
 * @param originalFile where the kept original of a file lies, relative to the data folder
 * @param legs         the legs of a multisport activity (see ActivityLeg), or null
 * @param streams      samples to store with it, or null
 * @param laps         its laps (see ActivityLap): null when the source did not say (stored laps stay as they are), empty
 *                     when it has none
 */
public record ActivityInput(
    ActivitySource source, String externalId, String sportType, String name, String description, String notes,
    Instant startDate, LocalDateTime startDateLocal, String timeZone, Integer movingTimeS, Integer elapsedTimeS,
    Double distanceM, Double elevationGainM, Double avgHr, Double maxHr, Double avgPowerW, Double weightedPowerW,
    Boolean deviceWatts, Double kilojoules, Double avgCadence, Double avgSpeedMps, Double maxSpeedMps, Double calories,
    Integer rpe, boolean trainer, boolean commute, boolean manual, String summaryPolyline, JsonObject raw,
    String originalFile, JsonArray legs, StreamData streams, java.util.List<ActivityLap> laps) {

  /** A copy whose source says nothing about laps. */
  public ActivityInput(
      ActivitySource source, String externalId, String sportType, String name, String description, String notes,
      Instant startDate, LocalDateTime startDateLocal, String timeZone, Integer movingTimeS, Integer elapsedTimeS,
      Double distanceM, Double elevationGainM, Double avgHr, Double maxHr, Double avgPowerW, Double weightedPowerW,
      Boolean deviceWatts, Double kilojoules, Double avgCadence, Double avgSpeedMps, Double maxSpeedMps, Double calories,
      Integer rpe, boolean trainer, boolean commute, boolean manual, String summaryPolyline, JsonObject raw,
      String originalFile, JsonArray legs, StreamData streams) {
    this(source, externalId, sportType, name, description, notes, startDate, startDateLocal, timeZone, movingTimeS,
        elapsedTimeS, distanceM, elevationGainM, avgHr, maxHr, avgPowerW, weightedPowerW, deviceWatts, kilojoules, avgCadence,
        avgSpeedMps, maxSpeedMps, calories, rpe, trainer, commute, manual, summaryPolyline, raw, originalFile, legs, streams,
        null);
  }

  /** The same copy with these laps. */
  public ActivityInput withLaps(java.util.List<ActivityLap> laps) {
    return new ActivityInput(source, externalId, sportType, name, description, notes, startDate, startDateLocal, timeZone,
        movingTimeS, elapsedTimeS, distanceM, elevationGainM, avgHr, maxHr, avgPowerW, weightedPowerW, deviceWatts, kilojoules,
        avgCadence, avgSpeedMps, maxSpeedMps, calories, rpe, trainer, commute, manual, summaryPolyline, raw, originalFile, legs,
        streams, laps);
  }

  /** Samples as stored: gzip-compressed JSON ({@code {"heartrate": [...], ...}}), how many points, which types. */
  public record StreamData(int points, byte[] gzippedJson, java.util.List<String> types) {
  }

  public String sportFamily() {
    return Sports.family(sportType);
  }
}
