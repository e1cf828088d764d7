package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The note on where PostgreSQL was unpacked is trusted only while it still describes this jar and complete programs. */
class UnpackedBinariesTest {
  @TempDir
  Path data;
  @TempDir
  Path unpacked;

  @Test
  void recallsOnlyACompleteUnpackForThisClassPath() throws Exception {
    assertThat(UnpackedBinaries.recalled(data)).as("no note yet").isEmpty();

    UnpackedBinaries.remember(data, new UnpackedBinaries.Found(unpacked, true));
    assertThat(data.resolve(UnpackedBinaries.NOTE)).as("an incomplete unpack is not noted").doesNotExist();

    Files.createFile(unpacked.resolve(".exists"));
    Files.createDirectories(unpacked.resolve("bin"));
    for (String program : new String[] {"postgres", "initdb", "pg_ctl"}) {
      Files.createFile(unpacked.resolve("bin").resolve(program), PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
    }
    UnpackedBinaries.remember(data, new UnpackedBinaries.Found(unpacked, true));
    assertThat(UnpackedBinaries.recalled(data)).contains(new UnpackedBinaries.Found(unpacked.toAbsolutePath(), true));

    // Another jar (another class path) checks the archive again.
    String note = Files.readString(data.resolve(UnpackedBinaries.NOTE));
    Files.writeString(data.resolve(UnpackedBinaries.NOTE), note.replaceFirst("^[0-9a-f]+", "0".repeat(64)));
    assertThat(UnpackedBinaries.recalled(data)).isEmpty();
    Files.writeString(data.resolve(UnpackedBinaries.NOTE), note);
    assertThat(UnpackedBinaries.recalled(data)).isPresent();

    // Programs removed since (a cleaned temporary folder): unpack again.
    Files.delete(unpacked.resolve("bin").resolve("pg_ctl"));
    assertThat(UnpackedBinaries.recalled(data)).isEmpty();

    // A damaged note is ignored, not fatal.
    Files.writeString(data.resolve(UnpackedBinaries.NOTE), "\u0000garbage");
    assertThat(UnpackedBinaries.recalled(data)).isEmpty();
  }
}
