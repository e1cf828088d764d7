package fitcoach.imports;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What a device file says about one activity. Summary values come from the file when it records them (a FIT
 * session) and are otherwise computed from the streams by {@link ActivityMetrics}; null means "not known".
 *
 * @param format         "fit", "gpx" or "tcx"
 * @param sportType      Strava-style sport name (Run, Ride, Swim, ...; "Transition" for a multisport changeover)
 * @param startLocal     wall-clock start when the file records a UTC offset (FIT activity local_timestamp), else null
 * @param timeZone       IANA zone id when the file names one, else null (device files carry offsets, not zones)
 * @param movingTimeS    recorded time minus pauses, by the rule in {@link ActivityMetrics}
 * @param deviceName     e.g. "Garmin Forerunner 110" when known
 * @param streams        samples aligned by index with {@code streams.timeS()} (seconds since {@code startUtc})
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
    Streams streams) {
}
