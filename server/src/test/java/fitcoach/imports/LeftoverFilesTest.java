package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.boot.FitCoachApp;
import fitcoach.testing.BlockedThreadDetector;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Files a crash left behind (an upload in flight, a file stored but never recorded) are gone after the next start. */
class LeftoverFilesTest {
  private static Path write(Path file, Instant modified) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "left behind");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  @Test
  @DisplayName("On start, temporary uploads and unrecorded files under imports/ from an earlier run are removed")
  void startRemovesLeftovers() throws Exception {
    TestDatabase.truncateAll();
    BlockedThreadDetector.drain();
    Path data = TestApp.tempDir();
    Instant earlier = Instant.now().minus(1, ChronoUnit.HOURS);
    Path upload = write(data.resolve("uploads").resolve(UUID.randomUUID() + ".upload"), earlier);
    Path partial = write(data.resolve("uploads").resolve(UUID.randomUUID().toString()), earlier);
    Path unrecorded = write(data.resolve("imports").resolve(UUID.randomUUID().toString()).resolve("x-run.gpx"), earlier);
    var env = TestApp.env(TestDatabase.url());
    env.put("FITCOACH_DATA_DIR", data.toString());
    try (FitCoachApp app = TestApp.start(env)) {
      assertThat(upload).doesNotExist();
      assertThat(partial).doesNotExist();
      assertThat(unrecorded).doesNotExist();
      assertThat(unrecorded.getParent()).doesNotExist();
      assertThat(data.resolve("imports")).isDirectory();
    }
    assertThat(BlockedThreadDetector.drain()).isEmpty();
  }

  @Test
  @DisplayName("The sweep keeps files an import row names and files newer than the start, and removes the rest")
  void sweepKeepsWhatIsRecordedOrNew() throws Exception {
    Path data = Files.createTempDirectory("fitcoach-sweep");
    Instant startedAt = Instant.now().minus(1, ChronoUnit.MINUTES);
    Instant before = startedAt.minus(1, ChronoUnit.HOURS);
    Path recorded = write(data.resolve("imports/job-1/a-run.gpx"), before);
    Path orphan = write(data.resolve("imports/job-1/b-ride.fit"), before);
    Path export = write(data.resolve("imports/export-9/activities/1.fit.gz"), before);
    Path fresh = write(data.resolve("imports/job-2/c-swim.fit"), Instant.now());

    int removed = ImportFolders.sweep(data, Set.of("imports/job-1/a-run.gpx"), startedAt);

    assertThat(removed).isEqualTo(2);
    assertThat(recorded).exists();
    assertThat(orphan).doesNotExist();
    assertThat(export).doesNotExist();
    assertThat(fresh).exists();
  }

  @Test
  @DisplayName("Inbox files claimed but never recorded (a crash between the move and the import row) go back to the inbox")
  void claimedButUnrecordedGoBack() throws Exception {
    Path data = Files.createTempDirectory("fitcoach-reclaim");
    Path recorded = write(data.resolve("inbox/processing/a-run.gpx"), Instant.now());
    write(data.resolve("inbox/processing/b-ride.fit"), Instant.now());
    write(data.resolve("inbox/b-ride.fit"), Instant.now());

    int back = ImportFolders.reclaimInbox(data, Set.of("inbox/processing/a-run.gpx"));

    assertThat(back).isEqualTo(1);
    assertThat(recorded).exists();
    assertThat(data.resolve("inbox/processing/b-ride.fit")).doesNotExist();
    // A file of the same name dropped in meanwhile is kept; the reclaimed one gets a name of its own.
    assertThat(data.resolve("inbox/b-ride.fit")).exists();
    assertThat(data.resolve("inbox/1-b-ride.fit")).exists();
  }

  @Test
  @DisplayName("Before the account exists, the inbox is left alone (nothing is claimed into processing with no import to own it)")
  void inboxWaitsForTheAccount() throws Exception {
    TestDatabase.truncateAll();
    BlockedThreadDetector.drain();
    Path data = TestApp.tempDir();
    Path waiting = write(data.resolve("inbox").resolve("morning-run.gpx"), Instant.now());
    var env = TestApp.env(TestDatabase.url());
    env.put("FITCOACH_DATA_DIR", data.toString());
    try (FitCoachApp app = TestApp.start(env)) {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(7); // past the first inbox scan (every 5 s)
      while (System.nanoTime() < deadline) {
        assertThat(waiting).exists();
        Thread.sleep(100);
      }
      assertThat(data.resolve("inbox/processing/morning-run.gpx")).doesNotExist();
    }
    assertThat(BlockedThreadDetector.drain()).isEmpty();
  }
}
