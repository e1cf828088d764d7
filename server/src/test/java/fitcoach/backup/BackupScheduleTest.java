package fitcoach.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackupScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalTime AT = LocalTime.of(3, 30);

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  @DisplayName("A time still ahead today runs today; one already past today, or exactly now, runs tomorrow")
  void todayOrTomorrow() {
    assertThat(BackupSchedule.next(at("2026-12-07T01:00:00Z"), ZoneOffset.UTC, AT)).isEqualTo(at("2026-12-07T03:30:00Z"));
    assertThat(BackupSchedule.next(at("2026-12-07T12:22:00Z"), ZoneOffset.UTC, AT)).isEqualTo(at("2026-12-08T03:30:00Z"));
    assertThat(BackupSchedule.next(at("2026-12-07T03:30:00Z"), ZoneOffset.UTC, AT)).isEqualTo(at("2026-12-08T03:30:00Z"));
    // Server-local time: 03:30 in Berlin (CET, UTC+1) is 02:30 UTC; at 02:45 UTC it has passed.
    assertThat(BackupSchedule.next(at("2026-12-07T02:00:00Z"), BERLIN, AT)).isEqualTo(at("2026-12-07T02:30:00Z"));
    assertThat(BackupSchedule.next(at("2026-12-07T02:45:00Z"), BERLIN, AT)).isEqualTo(at("2026-12-08T02:30:00Z"));
    // Just before midnight local (23:59 CET), the next is the 03:30 a few hours later, not a day later.
    assertThat(BackupSchedule.next(at("2026-12-07T22:59:00Z"), BERLIN, AT)).isEqualTo(at("2026-12-08T02:30:00Z"));
  }

  @Test
  @DisplayName("Across the spring change the run keeps its local time, and a time inside the skipped hour runs an hour later")
  void springForward() {
    // 29 March 2026: Berlin jumps from 02:00 CET to 03:00 CEST. 03:30 CEST is 01:30 UTC.
    Instant eve = at("2026-03-28T12:00:00Z");
    Instant night = BackupSchedule.next(eve, BERLIN, AT);
    assertThat(night).isEqualTo(at("2026-03-29T01:30:00Z"));
    assertThat(BackupSchedule.next(night, BERLIN, AT)).isEqualTo(at("2026-03-30T01:30:00Z"));
    // The night before is 23 hours before, as the clock on the wall says 03:30 both times.
    assertThat(Duration.between(BackupSchedule.next(at("2026-03-27T12:00:00Z"), BERLIN, AT), night)).isEqualTo(Duration.ofHours(23));
    // 02:30 does not exist that night: it runs at 03:30 CEST, once.
    LocalTime skipped = LocalTime.of(2, 30);
    Instant moved = BackupSchedule.next(eve, BERLIN, skipped);
    assertThat(moved).isEqualTo(at("2026-03-29T01:30:00Z"));
    assertThat(BackupSchedule.next(moved, BERLIN, skipped)).isEqualTo(at("2026-03-30T00:30:00Z"));
  }

  @Test
  @DisplayName("Across the autumn change a time in the repeated hour runs once, at its first occurrence")
  void fallBack() {
    // 25 October 2026: Berlin goes from 03:00 CEST back to 02:00 CET, so 02:30 happens twice (00:30 and 01:30 UTC).
    LocalTime twice = LocalTime.of(2, 30);
    Instant first = BackupSchedule.next(at("2026-10-24T12:00:00Z"), BERLIN, twice);
    assertThat(first).isEqualTo(at("2026-10-25T00:30:00Z"));
    assertThat(BackupSchedule.next(first, BERLIN, twice)).as("not again an hour later").isEqualTo(at("2026-10-26T01:30:00Z"));
    // 03:30 that day is 25 hours after the day before's.
    Instant sunday = BackupSchedule.next(at("2026-10-24T12:00:00Z"), BERLIN, AT);
    assertThat(sunday).isEqualTo(at("2026-10-25T02:30:00Z"));
    assertThat(Duration.between(at("2026-10-24T01:30:00Z"), sunday)).isEqualTo(Duration.ofHours(25));
  }

  @Test
  @DisplayName("A backup is owed at start when there is none, or the newest is more than a day old")
  void missed() {
    Instant now = at("2026-12-07T12:00:00Z");
    assertThat(BackupSchedule.missed(Optional.empty(), now)).isTrue();
    assertThat(BackupSchedule.missed(Optional.of(now.minus(Duration.ofHours(23))), now)).isFalse();
    assertThat(BackupSchedule.missed(Optional.of(now.minus(Duration.ofHours(25))), now)).isTrue();
    assertThat(BackupSchedule.missed(Optional.of(now.plus(Duration.ofHours(2))), now)).as("a stamp ahead of the clock").isFalse();
  }
}
