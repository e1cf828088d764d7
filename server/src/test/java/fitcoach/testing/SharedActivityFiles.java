package fitcoach.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real device files in {@code shared/data/activity-files} beside the repository. They are not part of the project
 * (a user's clone has no {@code shared}), so a test that reads one is skipped, not failed, when it is absent.
 */
public final class SharedActivityFiles {
  private static final Path FOLDER = folder();

  private SharedActivityFiles() {
  }

  private static Path folder() {
    Path here = Path.of(System.getProperty("user.dir"));
    for (String candidate : List.of("../../shared/data/activity-files", "../shared/data/activity-files")) {
      Path p = here.resolve(candidate).normalize();
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /** The file's path; skips the calling test when the folder or the file is not there. */
  public static Path path(String name) {
    assumeTrue(FOLDER != null, "shared/data/activity-files is not next to the repository");
    Path file = FOLDER.resolve(name);
    assumeTrue(Files.exists(file), name + " is not in shared/data/activity-files");
    return file;
  }

  /** The file's bytes; skips the calling test when the folder or the file is not there. */
  public static byte[] bytes(String name) throws IOException {
    return Files.readAllBytes(path(name));
  }
}
