package fitcoach.imports;

import fitcoach.activities.ActivityLeg;
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
    List<ActivityLeg> legs) {

  public ParsedActivity {
    legs = legs == null ? List.of() : List.copyOf(legs);
  }

  /** An activity of one sport throughout (no legs). */
  public ParsedActivity(String format, String sportType, Instant startUtc, LocalDateTime startLocal, String timeZone,
      int elapsedTimeS, int movingTimeS, Double distanceM, Double elevationGainM, Double avgHr, Double maxHr,
      Double avgPowerW, Double normalizedPowerW, Double avgCadence, Double calories, String deviceName, Streams streams) {
    this(format, sportType, startUtc, startLocal, timeZone, elapsedTimeS, movingTimeS, distanceM, elevationGainM, avgHr, maxHr,
        avgPowerW, normalizedPowerW, avgCadence, calories, deviceName, streams, List.of());
  }

  ParsedActivity withLocalStart(LocalDateTime local, String zone) {
    return new ParsedActivity(format, sportType, startUtc, local, zone, elapsedTimeS, movingTimeS, distanceM, elevationGainM, avgHr,
        maxHr, avgPowerW, normalizedPowerW, avgCadence, calories, deviceName, streams, legs);
  }
}
