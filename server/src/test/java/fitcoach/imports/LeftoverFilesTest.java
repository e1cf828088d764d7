package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.app.FitCoachApp;
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
}
