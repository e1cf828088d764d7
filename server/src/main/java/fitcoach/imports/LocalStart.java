package fitcoach.imports;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Where an activity started in local time, and in which time zone. In order of trust:
 * <ol>
 *   <li>the device's own UTC offset (a FIT activity's local_timestamp) gives the local start exactly; the zone of the
 *       first position names it when its offset agrees at that instant (a watch left on home time would not). An
 *       offset of 0 that the position's zone disagrees with is taken as no offset at all (a device that writes UTC);</li>
 *   <li>otherwise the zone of the first position gives both;</li>
 *   <li>otherwise the athlete's time zone setting, which is UTC until the athlete sets one.</li>
 * </ol>
 * With a device offset that neither the position's zone nor the athlete's agrees with, the zone is stored as the
 * offset itself ("+09:00"), so the local start and the zone always agree.
 */
final class LocalStart {
  private LocalStart() {
  }

  /** The activity with the zone of its first position (and the local start in it) when the file had none. */
  static ParsedActivity fromPosition(ParsedActivity a) {
    if (a.timeZone() != null) {
      return a;
    }
    Optional<ZoneId> zone = firstPositionZone(a.streams());
    if (zone.isEmpty()) {
      return a;
    }
    ZoneId z = zone.get();
    if (a.startLocal() != null) {
      ZoneOffset device = deviceOffset(a);
      if (z.getRules().getOffset(a.startUtc()).equals(device)) {
        return a.withLocalStart(a.startLocal(), z.getId());
      }
      // An offset of exactly 0 where the position's zone has another is a device that never learnt its time zone (it
      // writes UTC as local time), not a watch kept on home time: the position knows better.
      return device.getTotalSeconds() == 0 ? a.withLocalStart(LocalDateTime.ofInstant(a.startUtc(), z), z.getId()) : a;
    }
    return a.withLocalStart(LocalDateTime.ofInstant(a.startUtc(), z), z.getId());
  }

  /** The zone to store for the activity: its own, else the athlete's, else (the device's offset disagreeing) the offset. */
  static String zone(ParsedActivity a, ZoneId athleteZone) {
    if (a.timeZone() != null) {
      return a.timeZone();
    }
    if (a.startLocal() == null) {
      return athleteZone.getId();
    }
    ZoneOffset device = deviceOffset(a);
    return athleteZone.getRules().getOffset(a.startUtc()).equals(device) ? athleteZone.getId() : device.getId();
  }

  /** The wall-clock start in {@link #zone}. */
  static LocalDateTime local(ParsedActivity a, ZoneId athleteZone) {
    return a.startLocal() != null ? a.startLocal() : LocalDateTime.ofInstant(a.startUtc(), ZoneId.of(zone(a, athleteZone)));
  }

  private static ZoneOffset deviceOffset(ParsedActivity a) {
    long seconds = Duration.between(LocalDateTime.ofInstant(a.startUtc(), ZoneOffset.UTC), a.startLocal()).getSeconds();
    return ZoneOffset.ofTotalSeconds((int) seconds);
  }

  private static Optional<ZoneId> firstPositionZone(Streams s) {
    if (s == null || s.lat() == null || s.lon() == null) {
      return Optional.empty();
    }
    for (int i = 0; i < s.lat().length; i++) {
      if (!Double.isNaN(s.lat()[i]) && !Double.isNaN(s.lon()[i])) {
        return PositionTimeZones.at(s.lat()[i], s.lon()[i]);
      }
    }
    return Optional.empty();
  }
}
