package fitcoach.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When the nightly backup runs: pure functions of the time now, so tests need no clock that waits. */
public final class BackupSchedule {
  /** A backup older than this at start-up means the machine was off (or the server stopped) when one was due. */
  static final Duration MISSED_AFTER = Duration.ofHours(24);

  private BackupSchedule() {
  }

  /**
   * The first {@code at} in {@code zone} strictly after {@code now}: today's if it is still ahead, else tomorrow's. On a
   * day when the clocks spring forward over {@code at} the run moves forward by the gap (02:30 becomes 03:30); when they
   * fall back it runs once, at the first 01:30.
   */
  public static Instant next(Instant now, ZoneId zone, LocalTime at) {
    LocalDate today = now.atZone(zone).toLocalDate();
    Instant candidate = ZonedDateTime.of(today, at, zone).toInstant();
    return candidate.isAfter(now) ? candidate : ZonedDateTime.of(today.plusDays(1), at, zone).toInstant();
  }

  /** Whether a backup is owed now: none yet, or the newest is more than a day old. */
  public static boolean missed(Optional<Instant> newest, Instant now) {
    return newest.map(t -> t.plus(MISSED_AFTER).isBefore(now)).orElse(true);
  }
}
