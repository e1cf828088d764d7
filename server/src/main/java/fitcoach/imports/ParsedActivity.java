package fitcoach.imports;

import fitcoach.activities.ActivityLap;
import fitcoach.activities.ActivityLeg;
import fitcoach.activities.LapFigures;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a device file says about one activity. Summary values come from the file when it records them (a FIT
 * session) and are otherwise computed from the streams by {@link ActivityMetrics}; null means "not known".
 *
 * @param format         "fit", "gpx" or "tcx"
 * @param sportType      Strava-style sport name (Run, Ride, Swim, ...; Triathlon, Duathlon or Multisport for a file of
 *                       several legs)
 * @param startLocal     wall-clock start from the device's UTC offset (FIT activity local_timestamp) or the time zone of
 *                       the first position, else null (see {@link LocalStart})
 * @param timeZone       IANA zone id of the first position (when it agrees with the device's offset), else null
 * @param movingTimeS    recorded time minus pauses, by the rule in {@link ActivityMetrics}
 * @param deviceName     e.g. "Garmin Forerunner 110" when known
 * @param streams        samples aligned by index with {@code streams.timeS()} (seconds since {@code startUtc})
 * @param legs           the sessions of a multisport file in order, transitions included; empty for one sport
 * @param laps           the file's laps with missing figures filled from the streams (see LapFigures); empty when the
 *                       file has one lap or none (GPX)
 * @param name           the activity's own name in the file (a GPX track's name), else null: the import names it
 *                       then (see {@link ActivityNames})
 */
public record ParsedActivity(
    String format,
    String sportType,
    Instant startUtc,
    LocalDateTime startLocal,
    String timeZone,
    int elapsedTimeS,
    int movingTimeS,
    Double distanceM,
    Double elevationGainM,
    Double avgHr,
    Double maxHr,
    Double avgPowerW,
    Double normalizedPowerW,
    Double avgCadence,
    Double calories,
    String deviceName,
    Streams streams,
    List<ActivityLeg> legs,
    List<ActivityLap> laps,
    String name) {

  public ParsedActivity {
    legs = legs == null ? List.of() : List.copyOf(legs);
    laps = laps == null ? List.of() : List.copyOf(laps);
  }

  /** An activity without a name of its own. */
  public ParsedActivity(String format, String sportType, Instant startUtc, LocalDateTime startLocal, String timeZone,
      int elapsedTimeS, int movingTimeS, Double distanceM, Double elevationGainM, Double avgHr, Double maxHr,
      Double avgPowerW, Double normalizedPowerW, Double avgCadence, Double calories, String deviceName, Streams streams,
      List<ActivityLeg> legs, List<ActivityLap> laps) {
    this(format, sportType, startUtc, startLocal, timeZone, elapsedTimeS, movingTimeS, distanceM, elevationGainM, avgHr, maxHr,
        avgPowerW, normalizedPowerW, avgCadence, calories, deviceName, streams, legs, laps, null);
  }

  /** An activity without laps. */
  public ParsedActivity(String format, String sportType, Instant startUtc, LocalDateTime startLocal, String timeZone,
      int elapsedTimeS, int movingTimeS, Double distanceM, Double elevationGainM, Double avgHr, Double maxHr,
      Double avgPowerW, Double normalizedPowerW, Double avgCadence, Double calories, String deviceName, Streams streams,
      List<ActivityLeg> legs) {
    this(format, sportType, startUtc, startLocal, timeZone, elapsedTimeS, movingTimeS, distanceM, elevationGainM, avgHr, maxHr,
        avgPowerW, normalizedPowerW, avgCadence, calories, deviceName, streams, legs, List.of());
  }

  /** An activity of one sport throughout (no legs). */
  public ParsedActivity(String format, String sportType, Instant startUtc, LocalDateTime startLocal, String timeZone,
      int elapsedTimeS, int movingTimeS, Double distanceM, Double elevationGainM, Double avgHr, Double maxHr,
      Double avgPowerW, Double normalizedPowerW, Double avgCadence, Double calories, String deviceName, Streams streams) {
    this(format, sportType, startUtc, startLocal, timeZone, elapsedTimeS, movingTimeS, distanceM, elevationGainM, avgHr, maxHr,
        avgPowerW, normalizedPowerW, avgCadence, calories, deviceName, streams, List.of(), List.of());
  }

  /** The same activity with these laps, their missing figures filled from its streams. */
  ParsedActivity withLaps(List<ActivityLap> raw) {
    List<ActivityLap> filled = LapFigures.fill(raw, fitcoach.activities.Sports.family(sportType), streams == null ? null
        : LapFigures.Samples.of(streams.timeS(), streams.powerW(), streams.heartRate(), streams.speedMps(), streams.distanceM()));
    return new ParsedActivity(format, sportType, startUtc, startLocal, timeZone, elapsedTimeS, movingTimeS, distanceM,
        elevationGainM, avgHr, maxHr, avgPowerW, normalizedPowerW, avgCadence, calories, deviceName, streams, legs, filled, name);
  }

  ParsedActivity withLocalStart(LocalDateTime local, String zone) {
    return new ParsedActivity(format, sportType, startUtc, local, zone, elapsedTimeS, movingTimeS, distanceM, elevationGainM, avgHr,
        maxHr, avgPowerW, normalizedPowerW, avgCadence, calories, deviceName, streams, legs, laps, name);
  }

  /** The same activity with the file's own name for it (blank: none). */
  ParsedActivity withName(String ownName) {
    String trimmed = ownName == null || ownName.isBlank() ? null : ownName.strip();
    return new ParsedActivity(format, sportType, startUtc, startLocal, timeZone, elapsedTimeS, movingTimeS, distanceM,
        elevationGainM, avgHr, maxHr, avgPowerW, normalizedPowerW, avgCadence, calories, deviceName, streams, legs, laps, trimmed);
  }
}
