package fitcoach.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers where the PostgreSQL programs were unpacked, so a restart does not pay for finding them again: the library
 * reads and digests the whole bundled archive (15 MB) on every start to name its cache folder, which was the largest
 * part of a warm start. The note lives in the data folder (private, unlike the shared temporary folder) and is keyed by
 * the class path's files, their sizes and times: a new jar checks the archive again, once.
 */
final class UnpackedBinaries {
  private static final Logger LOG = LoggerFactory.getLogger(UnpackedBinaries.class);
  static final String NOTE = "pg-binaries";
  private static final String[] PROGRAMS = {"postgres", "initdb", "pg_ctl"};

  private UnpackedBinaries() {
  }

  /** Where the programs are and whether they run in a user namespace (as root: see {@link PostgresBinaries}). */
  record Found(Path dir, boolean unshare) {
  }

  /** The folder named in the note, when the note is for this class path and the programs are still there and ours. */
  static Optional<Found> recalled(Path dataDir) {
    Path note = dataDir.resolve(NOTE);
    try {
      if (!Files.isRegularFile(note, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      String[] lines = Files.readString(note, StandardCharsets.UTF_8).split("\n");
      if (lines.length < 3 || !lines[0].equals(classPathKey())) {
        return Optional.empty();
      }
      Path dir = Path.of(lines[1]);
      return complete(dir) ? Optional.of(new Found(dir, "unshare".equals(lines[2]))) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Ignoring the note on unpacked PostgreSQL programs: {}", e.toString());
      return Optional.empty();
    }
  }

  /** Notes where the programs are; a failure to write only costs the next start the slower way. */
  static void remember(Path dataDir, Found found) {
    try {
      if (!complete(found.dir())) {
        return;
      }
      Path part = dataDir.resolve(NOTE + ".part");
      Files.writeString(part, classPathKey() + "\n" + found.dir().toAbsolutePath() + "\n"
          + (found.unshare() ? "unshare" : "direct") + "\n", StandardCharsets.UTF_8);
      Files.move(part, dataDir.resolve(NOTE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not note where the PostgreSQL programs are: {}", e.toString());
    }
  }

  /** Unpacked completely (the library writes .exists last) and the programs belong to whoever runs FitCoach. */
  private static boolean complete(Path dir) throws IOException {
    if (!Files.exists(dir.resolve(".exists"))) {
      return false;
    }
    String me = Files.getOwner(dir.resolve(".exists")).getName();
    for (String program : PROGRAMS) {
      Path exe = dir.resolve("bin").resolve(isWindows() ? program + ".exe" : program);
      if (!Files.isExecutable(exe) || !Files.getOwner(exe).getName().equals(me)) {
        return false;
      }
    }
    return me.equals(System.getProperty("user.name")) || isWindows();
  }

  /** A digest of each class-path entry's path, size and modification time. */
  static String classPathKey() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
        Path path = Path.of(entry).toAbsolutePath();
        String stamp = Files.isRegularFile(path)
            ? Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis()
            : "-";
        digest.update((path + "|" + stamp + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
