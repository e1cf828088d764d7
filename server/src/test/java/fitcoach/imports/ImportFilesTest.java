package fitcoach.imports;

import fitcoach.testing.DataFolder;
import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What imports leave on disk: originals and inbox files readable by the owner only, and nothing of a failed file. */
class ImportFilesTest extends ApiTest {
  private final Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  private Path data() {
    return app.config().dataDir();
  }

  private static String mode(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }


  private void awaitImportDone() {
    ImportRoutesTest.await(() -> "done".equals(client.get("/api/imports/latest").json().getString("state")));
  }

  @Test
  @DisplayName("After an import the original is 0600 in 0700 folders, and the uploads and imports folders are 0700")
  void uploadedOriginalsArePrivate() throws IOException {
    signedIn();
    var r = client.upload("/api/imports", "files", Map.of("run.gpx", ImportRoutesTest.gpx(start, 10).getBytes(StandardCharsets.UTF_8)));
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    awaitImportDone();
    try (var originals = Files.list(data().resolve("files"))) {
      Path original = originals.filter(p -> p.getFileName().toString().endsWith("run.gpx")).findFirst().orElseThrow();
      assertThat(mode(original)).isEqualTo("rw-------");
    }
    for (String folder : new String[] {"files", "uploads", "imports"}) {
      assertThat(mode(data().resolve(folder))).as(folder).isEqualTo("rwx------");
    }
  }

  @Test
  @DisplayName("Inbox files end up 0600 in 0700 folders, whatever mode they were dropped with, and so does the error note")
  void inboxFilesArePrivate() throws IOException {
    signedIn();
    Path inbox = data().resolve("inbox");
    Path good = Files.writeString(inbox.resolve("dropped.gpx"), ImportRoutesTest.gpx(start, 15));
    Path bad = Files.writeString(inbox.resolve("junk.tcx"), "nope");
    Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-rw-rw-"));
    ImportRoutesTest.await(() -> Files.exists(inbox.resolve("imported/dropped.gpx")) && Files.exists(inbox.resolve("failed/junk.tcx.error.txt")));
    for (String folder : new String[] {"inbox", "inbox/processing", "inbox/imported", "inbox/failed"}) {
      assertThat(mode(data().resolve(folder))).as(folder).isEqualTo("rwx------");
    }
    for (String file : new String[] {"imported/dropped.gpx", "failed/junk.tcx", "failed/junk.tcx.error.txt"}) {
      assertThat(mode(inbox.resolve(file))).as(file).isEqualTo("rw-------");
    }
  }

  @Test
  @DisplayName("A file that cannot be parsed leaves nothing on disk: not under uploads, imports or files")
  void failedFileLeavesNothing() {
    signedIn();
    var r = client.upload("/api/imports", "files", Map.of("junk.gpx", "not xml".getBytes(StandardCharsets.UTF_8),
        "junk.fit", new byte[] {1, 2, 3}));
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    awaitImportDone();
    assertThat(client.get("/api/imports/latest").json().getInteger("filesFailed")).isEqualTo(2);
    for (String folder : new String[] {"uploads", "imports"}) {
      assertThat(DataFolder.regularFiles(data().resolve(folder))).as(folder).isZero();
    }
    try (var originals = Files.list(data().resolve("files"))) {
      assertThat(originals.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("junk"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
