package fitcoach.imports;

import fitcoach.app.PrivateFiles;
import fitcoach.app.UploadHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The folders under the data folder that hold an athlete's files, all owner-only (0700): {@code uploads} (requests in
 * flight), {@code imports} (files queued for the worker), {@code files} (kept originals) and the {@code inbox} with its
 * sub-folders. Blocking file-system work: call before Vert.x serves, or on a worker thread.
 */
final class ImportFolders {
  static final String UPLOADS = "uploads";
  static final String IMPORTS = "imports";
  static final String FILES = "files";
  static final String INBOX = "inbox";
  static final List<String> INBOX_FOLDERS = List.of("processing", "imported", "failed");

  private ImportFolders() {
  }

  /** Creates (or restricts) every folder, and removes temporary uploads a crash left behind. */
  static void prepare(Path dataDir) {
    try {
      for (String folder : List.of(IMPORTS, FILES, INBOX)) {
        PrivateFiles.directory(dataDir.resolve(folder));
      }
      for (String folder : INBOX_FOLDERS) {
        PrivateFiles.directory(dataDir.resolve(INBOX).resolve(folder));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot prepare the import folders under " + dataDir + ": " + e.getMessage(), e);
    }
    UploadHandler.clearLeftovers(dataDir.resolve(UPLOADS));
  }

  /**
   * Puts files back into the inbox that were claimed (moved to inbox/processing) but never recorded: a crash between
   * the move and the import row would otherwise leave them there, imported by nobody. Returns how many moved back.
   */
  static int reclaimInbox(Path dataDir, Set<String> referenced) throws IOException {
    Path processing = dataDir.resolve(ImportVerticle.INBOX_PROCESSING);
    if (!Files.isDirectory(processing)) {
      return 0;
    }
    Path inbox = processing.getParent();
    int moved = 0;
    try (var files = Files.list(processing)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        if (referenced.contains(ImportVerticle.INBOX_PROCESSING + p.getFileName())) {
          continue;
        }
        Path target = inbox.resolve(p.getFileName());
        for (int n = 1; Files.exists(target); n++) {
          target = inbox.resolve(n + "-" + p.getFileName());
        }
        Files.move(p, target);
        moved++;
      }
    }
    return moved;
  }

  /**
   * Deletes files under imports/ that no import row names (a crash between storing an upload and recording it), when
   * they are older than {@code startedAt} so that nothing of a request running now is touched; then empty folders.
   * {@code referenced} holds paths relative to the data folder. Returns how many files went.
   */
  static int sweep(Path dataDir, Set<String> referenced, Instant startedAt) throws IOException {
    Path imports = dataDir.resolve(IMPORTS);
    if (!Files.isDirectory(imports)) {
      return 0;
    }
    // Children before their folder; ages read before anything is deleted (a deletion touches its folder).
    List<Path> old = new java.util.ArrayList<>();
    try (var walk = Files.walk(imports)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(imports) && Files.getLastModifiedTime(p).toInstant().isBefore(startedAt)) {
          old.add(p);
        }
      }
    }
    int removed = 0;
    for (Path p : old) {
      if (Files.isRegularFile(p)) {
        if (!referenced.contains(dataDir.relativize(p).toString().replace('\\', '/'))) {
          Files.deleteIfExists(p);
          removed++;
        }
      } else if (Files.isDirectory(p)) {
        try (var entries = Files.list(p)) {
          if (entries.findAny().isEmpty()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
    return removed;
  }
}
