package fitcoach.backup;

import fitcoach.app.ApiException;
import fitcoach.app.AppConfig.BackupSettings;
import fitcoach.app.PrivateFiles;
import fitcoach.export.ExportService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up each account as the export zip ({@link ExportService}) into {@code $FITCOACH_DATA_DIR/backups}: written as a
 * hidden {@code .part} file, synced, then renamed, so a crash mid-write never leaves a file that looks like a backup;
 * then old backups are thinned out ({@link Retention}). One backup at a time per process; the data-folder lock keeps
 * a second process (the {@code backup} command beside a server) out.
 */
public final class BackupService {
  private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
  private static final String USERS = "SELECT id FROM users ORDER BY created_at, id";
  private final Vertx vertx;
  private final Pool pool;
  private final ExportService export;
  private final Path folder;
  private final BackupSettings settings;
  private final Clock clock;
  private final ZoneId zone;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Instant next;
  private volatile String lastError;

  /** {@code zone}: server-local time, in which backups are named and scheduled. */
  public BackupService(Vertx vertx, Pool pool, ExportService export, Path dataDir, BackupSettings settings, Clock clock,
                       ZoneId zone) {
    this.vertx = vertx;
    this.pool = pool;
    this.export = export;
    this.folder = dataDir.resolve("backups");
    this.settings = settings;
    this.clock = clock;
    this.zone = zone;
  }

  public Path folder() {
    return folder;
  }

  public BackupSettings settings() {
    return settings;
  }

  ZoneId zone() {
    return zone;
  }

  Clock clock() {
    return clock;
  }

  public boolean running() {
    return running.get();
  }

  /** When the scheduler runs the next backup; empty when nightly backups are off. */
  public Optional<Instant> next() {
    return Optional.ofNullable(next);
  }

  void scheduled(Instant at) {
    next = at;
  }

  /** The last failure since start, until a backup succeeds again. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  /**
   * Backs up every account now and applies retention; returns the files written. Fails with a 409 at once when
   * a backup is already running (the nightly one, or one asked for).
   */
  public Future<List<BackupFile>> runNow() {
    if (!running.compareAndSet(false, true)) {
      return Future.failedFuture(ApiException.conflict("backup_running", "A backup is running already; try again when it is done"));
    }
    LocalDateTime stamp = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
    return blocking(() -> {
      PrivateFiles.directory(folder);
      removeLeftovers();
      return null;
    }).compose(v -> pool.query(USERS).execute()).compose(rows -> {
      List<UUID> users = new ArrayList<>();
      for (Row r : rows) {
        users.add(r.getUUID("id"));
      }
      if (users.isEmpty()) {
        LOG.info("No account yet: nothing to back up");
      }
      return each(users, 0, stamp, new ArrayList<>());
    }).compose(written -> blocking(this::applyRetention).map(written))
        .onSuccess(written -> lastError = null)
        .onFailure(err -> {
          if (!(err instanceof ApiException)) {
            lastError = clock.instant().truncatedTo(ChronoUnit.SECONDS) + ": " + describe(err);
          }
        })
        .onComplete(done -> running.set(false));
  }

  private Future<List<BackupFile>> each(List<UUID> users, int i, LocalDateTime stamp, List<BackupFile> written) {
    if (i == users.size()) {
      return Future.succeededFuture(written);
    }
    UUID user = users.get(i);
    String account = users.size() == 1 ? "" : user.toString().substring(0, 8);
    return one(user, BackupFile.nameFor(stamp, account)).compose(file -> {
      written.add(file);
      return each(users, i + 1, stamp, written);
    });
  }

  private Future<BackupFile> one(UUID user, String name) {
    long t0 = System.nanoTime();
    Path part = folder.resolve(BackupFile.partName(name));
    Path target = folder.resolve(name);
    return blocking(() -> {
      Files.deleteIfExists(part);
      return PrivateFiles.newFile(part);
    }).compose(p -> export.writeTo(user, p)).compose(p -> blocking(() -> {
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      // A backup of the same minute (the command run twice) is replaced whole, never mixed.
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncFolder();
      long bytes = Files.size(target);
      LOG.info("Backup written: {} ({} bytes in {} ms)", target, bytes, (System.nanoTime() - t0) / 1_000_000);
      return BackupFile.parse(name, bytes).orElseThrow();
    })).recover(err -> {
      LOG.error("Backup of account {} into {} failed: {}", user, target, describe(err));
      return blocking(() -> Files.deleteIfExists(part)).transform(deleted -> Future.failedFuture(err));
    });
  }

  /** Backups in the folder, newest first (none when it does not exist yet). Blocking. */
  public List<BackupFile> list() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<BackupFile> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Optional<BackupFile> named = BackupFile.parse(f.getFileName().toString(), 0);
        if (named.isPresent() && Files.isRegularFile(f)) {
          try {
            found.add(named.get().withBytes(Files.size(f)));
          } catch (java.nio.file.NoSuchFileException gone) {
            // Deleted by retention while listed.
          }
        }
      }
    }
    found.sort(BackupFile.NEWEST_FIRST);
    return found;
  }

  /** The newest backup, read off the worker pool. */
  public Future<Optional<BackupFile>> latest() {
    return blocking(() -> list().stream().findFirst());
  }

  /** Deletes {@code .part} files a killed backup left behind; nothing else. Blocking. */
  void removeLeftovers() throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (BackupFile.isPart(f.getFileName().toString()) && Files.deleteIfExists(f)) {
          LOG.info("Removed an unfinished backup: {}", f);
        }
      }
    }
  }

  /** Start-up: tidies the folder and makes sure it is private; a failure is logged, not fatal. */
  public Future<Void> tidy() {
    return blocking(() -> {
      if (Files.isDirectory(folder)) {
        PrivateFiles.directory(folder);
        removeLeftovers();
      }
      return null;
    }).recover(err -> {
      LOG.warn("Cannot tidy the backups folder {}: {}", folder, describe(err));
      return Future.succeededFuture();
    }).mapEmpty();
  }

  private Void applyRetention() throws IOException {
    for (BackupFile old : Retention.toDelete(list(), settings.keepDaily(), settings.keepWeekly())) {
      if (Files.deleteIfExists(old.in(folder))) {
        LOG.info("Deleted an old backup: {}", old.in(folder));
      }
    }
    return null;
  }

  /** The rename is durable only once the folder's entry is on disk; not every platform can sync a folder. */
  private void syncFolder() {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("Cannot sync the folder {}: {}", folder, e.toString());
    }
  }

  private static String describe(Throwable err) {
    return err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage();
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }
}
