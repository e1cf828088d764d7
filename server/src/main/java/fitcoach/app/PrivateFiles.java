package fitcoach.app;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files that hold an athlete's data (the database, originals, uploads, exports, secrets): folders 0700,
 * files 0600, so another local user can read none of it. On file systems without POSIX permissions (Windows) the
 * calls do what they can and leave access to the platform.
 */
public final class PrivateFiles {
  public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {
  }

  /** Creates {@code dir} and any missing parents as 0700, and makes {@code dir} itself 0700 if it already existed. */
  public static Path directory(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      Path parent = absolute.getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        directory(parent);
      }
      try {
        Files.createDirectory(absolute, attribute(DIR));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(absolute);
      } catch (FileAlreadyExistsException e) {
        // Another thread made it first; the permissions are set below.
      }
    }
    restrict(absolute, DIR);
    return dir;
  }

  /** Creates an empty file readable only by its owner (fails if it exists). */
  public static Path newFile(Path file) throws IOException {
    try {
      return Files.createFile(file, attribute(FILE));
    } catch (UnsupportedOperationException e) {
      return Files.createFile(file);
    }
  }

  /** Creates a new temporary file, owner-only, in {@code dir} (which is made private first). */
  public static Path tempFile(Path dir, String prefix, String suffix) throws IOException {
    directory(dir);
    try {
      return Files.createTempFile(dir, prefix, suffix, attribute(FILE));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(dir, prefix, suffix);
    }
  }

  /** Makes an existing file owner-only (for files written by a library, such as an upload, or moved in). */
  public static Path restrictFile(Path file) throws IOException {
    restrict(file, FILE);
    return file;
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view != null && !view.readAttributes().permissions().equals(permissions)) {
      view.setPermissions(permissions);
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
