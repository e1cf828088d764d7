package fitcoach.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetentionTest {

  private static BackupFile file(String stamp) {
    return file(stamp, "");
  }

  private static BackupFile file(String stamp, String account) {
    String name = BackupFile.nameFor(LocalDateTime.parse(stamp), account);
    return BackupFile.parse(name, 100).orElseThrow();
  }

  private static List<String> kept(List<BackupFile> all, int daily, int weekly) {
    List<BackupFile> delete = Retention.toDelete(all, daily, weekly);
    return all.stream().filter(b -> !delete.contains(b)).map(BackupFile::name).sorted().toList();
  }

  @Test
  @DisplayName("Of sixty nightly backups, the newest seven days and the newest of each of the four newest ISO weeks are kept")
  void sevenDailyFourWeekly() {
    List<BackupFile> all = new ArrayList<>();
    LocalDateTime first = LocalDateTime.parse("2026-10-09T03:30");
    for (int i = 0; i < 60; i++) {
      all.add(file(first.plusDays(i).toString()));
    }
    // Newest: Monday 7 December. Seven days: 1–7 December. Weeks: 7 Dec (W50), 6 Dec (Sunday of W49), 29 Nov (W48), 22 Nov (W47).
    assertThat(kept(all, 7, 4)).containsExactly(
        "fitcoach-2026-11-22T0330.zip", "fitcoach-2026-11-29T0330.zip",
        "fitcoach-2026-12-01T0330.zip", "fitcoach-2026-12-02T0330.zip", "fitcoach-2026-12-03T0330.zip",
        "fitcoach-2026-12-04T0330.zip", "fitcoach-2026-12-05T0330.zip", "fitcoach-2026-12-06T0330.zip",
        "fitcoach-2026-12-07T0330.zip");
  }

  @Test
  @DisplayName("Several backups on one day count as that day's newest; days and weeks without a backup do not count")
  void sameDayAndGaps() {
    List<BackupFile> all = List.of(
        file("2026-12-07T03:30"), file("2026-12-07T14:02"), file("2026-12-07T09:15"),
        // The machine was off for weeks: these must not all go because their weeks are "old".
        file("2026-10-01T03:30"), file("2026-09-30T03:30"), file("2026-09-10T03:30"), file("2026-08-01T03:30"));
    assertThat(kept(all, 3, 2)).containsExactly(
        "fitcoach-2026-09-30T0330.zip", "fitcoach-2026-10-01T0330.zip", "fitcoach-2026-12-07T1402.zip");
    assertThat(kept(all, 1, 4)).containsExactly("fitcoach-2026-08-01T0330.zip", "fitcoach-2026-09-10T0330.zip",
        "fitcoach-2026-10-01T0330.zip", "fitcoach-2026-12-07T1402.zip");
  }

  @Test
  @DisplayName("With nothing to keep the newest backup still stays; each account is thinned on its own")
  void newestAlwaysAndPerAccount() {
    List<BackupFile> all = List.of(file("2026-12-05T03:30"), file("2026-12-06T03:30"), file("2026-12-07T03:30"));
    assertThat(kept(all, 0, 0)).containsExactly("fitcoach-2026-12-07T0330.zip");

    List<BackupFile> two = List.of(file("2026-12-06T03:30", "aaaaaaaa"), file("2026-12-07T03:30", "aaaaaaaa"),
        file("2026-12-05T03:30", "bbbbbbbb"), file("2026-12-06T03:30", "bbbbbbbb"));
    assertThat(kept(two, 1, 0)).containsExactly("fitcoach-2026-12-06T0330-bbbbbbbb.zip", "fitcoach-2026-12-07T0330-aaaaaaaa.zip");
  }

  @Test
  @DisplayName("Only our own names are backups: other files and unfinished .part files are never listed")
  void names() {
    assertThat(BackupFile.parse("fitcoach-2026-12-07T0330.zip", 1)).isPresent();
    assertThat(BackupFile.parse("fitcoach-2026-12-07T0330-0a1b2c3d.zip", 1)).hasValueSatisfying(b -> {
      assertThat(b.account()).isEqualTo("0a1b2c3d");
      assertThat(b.local()).isEqualTo(LocalDateTime.parse("2026-12-07T03:30"));
    });
    for (String other : new String[] {".fitcoach-2026-12-07T0330.zip.part", "fitcoach-2026-12-07T0330.zip.part",
        "fitcoach-export-2026-12-07.zip", "fitcoach-2026-13-07T0330.zip", "fitcoach-2026-12-07T2561.zip", "my-fitcoach-2026-12-07T0330.zip",
        "fitcoach-2026-12-07T0330.ZIP", "notes.txt"}) {
      assertThat(BackupFile.parse(other, 1)).as(other).isEmpty();
    }
    assertThat(BackupFile.isPart(".fitcoach-2026-12-07T0330.zip.part")).isTrue();
    assertThat(BackupFile.isPart(".fitcoach-2026-12-07T0330-0a1b2c3d.zip.part")).isTrue();
    assertThat(BackupFile.isPart("other.part")).isFalse();
    assertThat(BackupFile.partName("fitcoach-2026-12-07T0330.zip")).isEqualTo(".fitcoach-2026-12-07T0330.zip.part");
  }
}
