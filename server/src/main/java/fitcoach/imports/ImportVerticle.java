package fitcoach.imports;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivitySource;
import fitcoach.activities.ActivityStore;
import fitcoach.analytics.LoadService;
import fitcoach.app.Json;
import fitcoach.app.PrivateFiles;
import fitcoach.metrics.Meters;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import worker: takes a job's pending files one at a time, parses each on a worker thread, stores its activities
 * (merging duplicates of the same workout from other sources), keeps the original, and reports progress on
 * {@code fitcoach.user.<id>.import}. A bad file fails alone; the batch goes on. Unfinished jobs resume on start.
 */
public final class ImportVerticle extends VerticleBase {
  static final String RUN = "fitcoach.import.run";
  static final String INBOX_PROCESSING = "inbox/processing/";
  private static final long INBOX_SCAN_MS = 5_000;
  private static final int PARSERS = 3;
  private static final int SAFE_NAME_LENGTH = 120;
  private static final Logger LOG = LoggerFactory.getLogger(ImportVerticle.class);
  private final ActivityStore store;
  private final ImportRepository repository;
  private final LoadService load;
  private final Path dataDir;
  private final boolean keepOriginals;
  private final Instant startedAt;
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  private final WellnessFiles wellness;
  private final Meters meters;

  /** {@code startedAt}: files under imports/ older than this that no import row names are a crash's leftovers. */
  ImportVerticle(ImportRepository repository, ActivityStore store, LoadService load, Path dataDir, boolean keepOriginals,
                 Instant startedAt, WellnessFiles wellness, Meters meters) {
    this.wellness = wellness;
    this.meters = meters;
    this.store = store;
    this.repository = repository;
    this.load = load;
    this.dataDir = dataDir;
    this.keepOriginals = keepOriginals;
    this.startedAt = startedAt;
  }

  public static String progressAddress(UUID userId) {
    return "fitcoach.user." + userId + ".import";
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<JsonObject>consumer(RUN, msg ->
        run(UUID.fromString(msg.body().getString("jobId")), UUID.fromString(msg.body().getString("userId"))));
    vertx.setPeriodic(INBOX_SCAN_MS, id -> scanInbox());
    return repository.releaseClaims().compose(v -> sweepOrphans()).compose(v -> repository.unfinishedJobs())
        .onSuccess(jobs -> jobs.forEach(j -> run(j.id(), j.userId())));
  }

  /**
   * Tidies what a crash left: files under imports/ that no import records are removed, and inbox files claimed but not
   * yet recorded go back to the inbox to be claimed again. A failure here is logged, not fatal.
   */
  private Future<Void> sweepOrphans() {
    return repository.storedPaths()
        .compose(paths -> vertx.executeBlocking(() -> {
          int back = ImportFolders.reclaimInbox(dataDir, paths);
          if (back > 0) {
            LOG.info("Put {} claimed but unrecorded files back into {} (left by an earlier run)", back, dataDir.resolve("inbox"));
          }
          return ImportFolders.sweep(dataDir, paths, startedAt);
        }, false))
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("Removed {} files under {} that no import knows (left by an earlier run)", n, dataDir.resolve("imports"));
          }
        })
        .otherwise(err -> {
          LOG.warn("Looking for leftover import files failed: {}", err.toString());
          return 0;
        }).mapEmpty();
  }

  /**
   * Files dropped into $FITCOACH_DATA_DIR/inbox are claimed (moved to inbox/processing) and imported like uploads. Only
   * once the account exists: a claimed file waits in processing for its import row, and without an account none comes.
   */
  private void scanInbox() {
    repository.anyUser().onSuccess(user -> {
      if (user.isEmpty()) {
        vertx.executeBlocking(this::inboxHasFiles, false).onSuccess(waiting -> {
          if (waiting) {
            LOG.warn("Files wait in the inbox: create the account first");
          }
        });
        return;
      }
      UUID userId = user.get();
      vertx.executeBlocking(this::claimInbox, false).onSuccess(claimed -> {
        if (claimed.isEmpty()) {
          return;
        }
        repository.jobFor(userId).onSuccess(jobId -> {
          Future<Void> chain = Future.succeededFuture();
          for (Claimed c : claimed) {
            chain = chain.compose(v -> repository.addFile(jobId, userId, c.name(), INBOX_PROCESSING + c.name(), c.bytes()).mapEmpty());
          }
          chain.onSuccess(v -> vertx.eventBus().send(RUN, new JsonObject().put("jobId", jobId.toString()).put("userId", userId.toString())));
        });
      }).onFailure(err -> LOG.warn("Scanning the inbox failed: {}", err.getMessage()));
    });
  }

  /** A file moved into inbox/processing, with its size read there (on the worker, not the event loop). */
  private record Claimed(String name, long bytes) {
  }

  private List<Claimed> claimInbox() throws java.io.IOException {
    Path inbox = dataDir.resolve("inbox");
    PrivateFiles.directory(inbox.resolve("processing"));
    List<Claimed> claimed = new java.util.ArrayList<>();
    try (var files = Files.list(inbox)) {
      for (Path f : files.filter(ImportVerticle::waitingInInbox).toList()) {
        Path target = inbox.resolve("processing").resolve(f.getFileName());
        Files.move(f, target, StandardCopyOption.REPLACE_EXISTING);
        PrivateFiles.restrictFile(target);
        claimed.add(new Claimed(target.getFileName().toString(), Files.size(target)));
      }
    }
    return claimed;
  }

  private boolean inboxHasFiles() {
    try (var files = Files.list(dataDir.resolve("inbox"))) {
      return files.anyMatch(ImportVerticle::waitingInInbox);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean waitingInInbox(Path f) {
    return Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".");
  }

  private void run(UUID jobId, UUID userId) {
    if (!running.add(jobId)) {
      return;
    }
    Job job = new Job(jobId, userId);
    vertx.executeBlocking(() -> {
      PositionTimeZones.warmUp();
      return null;
    }, false).onFailure(err -> LOG.warn("Warming up the time zone map failed: {}", err.toString()));
    for (int i = 0; i < PARSERS; i++) {
      spawn(job);
    }
  }

  /** Starts one more worker on the job; the last worker to run out of files finishes the job. */
  private void spawn(Job job) {
    job.active.incrementAndGet();
    work(job).onComplete(v -> {
      if (job.active.decrementAndGet() == 0) {
        // The job is done once loads and the chart include everything it stored.
        load.settled(job.userId)
            .transform(x -> repository.analyze())
            .transform(x -> repository.finishJob(job.id))
            .onComplete(x -> {
              running.remove(job.id);
              if (running.isEmpty()) {
                PositionTimeZones.release();
              }
              publish(job, true);
            });
      }
    });
  }

  /** One job's shared state: files are parsed in parallel, but stored one at a time so duplicates always see each other. */
  private static final class Job {
    final UUID id;
    final UUID userId;
    final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
    Future<?> storing = Future.succeededFuture();
    long lastPublished;

    Job(UUID id, UUID userId) {
      this.id = id;
      this.userId = userId;
    }
  }

  private Future<Void> work(Job job) {
    return repository.nextFile(job.id).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture();
      }
      ImportRepository.FileRow file = found.get();
      return process(job, file).transform(done -> {
        Outcome o = done.succeeded() ? done.result() : Outcome.failed(message(done.cause()));
        if (done.succeeded() && StravaExport.looksLikeExport(file.originalName())) {
          // The export's files are now queued: put the other parsers to work on them too.
          for (int i = 1; i < PARSERS; i++) {
            spawn(job);
          }
        }
        // The original is moved into place before the file counts as done: killed in between, the file is taken again
        // on restart and read from where it went (see readable), rather than left behind while its activity names files/.
        return settleOriginal(file, o).transform(settled -> repository.finishFile(file.id(),
            o.error() == null ? ImportFileState.DONE : ImportFileState.FAILED, o.added(),
            o.merged(), o.known(), o.error(), o.warning())).onSuccess(v -> meters.importFinished(file.originalName(),
                o.error() != null));
      }).transform(v -> {
        publish(job, false);
        return work(job);
      });
    });
  }

  /** What one file added: new activities, ones merged with other copies of their workouts, ones already imported. */
  private record Outcome(int added, int merged, int known, String error, String hash, String warning) {
    Outcome(int added, int merged, int known, String error, String hash) {
      this(added, merged, known, error, hash, null);
    }

    static Outcome failed(String error) {
      return new Outcome(0, 0, 0, error, null);
    }

    Outcome warn(String text) {
      return new Outcome(added, merged, known, error, hash, text);
    }
  }

  /** A parsed file with each activity's streams already encoded (gzip JSON): that work belongs on the worker thread. */
  private record Parsed(List<ParsedActivity> activities, List<EncodedStreams> streams, String hash, String warning) {
  }

  private Future<Outcome> process(Job job, ImportRepository.FileRow file) {
    UUID userId = job.userId;
    Path path = dataDir.resolve(file.storedPath());
    if (StravaExport.looksLikeExport(file.originalName())) {
      return unpackExport(userId, file, path);
    }
    long t0 = System.nanoTime();
    if (file.originalName().toLowerCase(java.util.Locale.ROOT).endsWith(".fit")) {
      // A watch's monitoring, HRV-status or sleep file (or a scale's) holds wellness, not an activity: the wellness
      // store takes it; any other FIT file is parsed as an activity below.
      return vertx.executeBlocking(() -> Files.readAllBytes(readable(file)), false).compose(bytes -> zone(userId)
          .compose(zone -> wellness.store(userId, bytes, zone)).compose(days -> days < 0 ? activity(job, file, t0)
              : Future.succeededFuture(new Outcome(0, 0, 0, null, null).warn(days == 0
                  ? "A wellness file with no HRV, resting heart rate, sleep or weight in it: nothing stored"
                  : "A wellness file: " + days + (days == 1 ? " day" : " days")
                      + " of HRV, resting heart rate, sleep or weight stored under Wellness"))));
    }
    return activity(job, file, t0);
  }

  private Future<Outcome> activity(Job job, ImportRepository.FileRow file, long t0) {
    UUID userId = job.userId;
    Future<Parsed> parsed = vertx.executeBlocking(() -> {
      byte[] bytes = Files.readAllBytes(readable(file));
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
        ParsedFile parsedFile = ActivityFileParser.parseFile(file.originalName(), in);
        List<ParsedActivity> activities = parsedFile.activities();
        String warning = parsedFile.warnings().isEmpty() ? null : String.join("; ", parsedFile.warnings());
        return new Parsed(activities, activities.stream().map(a -> EncodedStreams.of(a.streams())).toList(), hash, warning);
      }
    }, false);
    return parsed.compose(p -> {
      long t1 = System.nanoTime();
      return zone(userId).compose(zone -> serialStore(job, () -> {
        long t2 = System.nanoTime();
        return store(userId, p, zone, file).map(o -> p.warning() == null ? o : o.warn(p.warning())).onSuccess(o -> LOG.debug("Imported {}: parsed in {} ms, waited {} ms, stored in {} ms",
            file.originalName(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000));
      }));
    });
  }

  /** A Strava export becomes one queued file per activity file it holds, carrying the export's name and description. */
  private Future<Outcome> unpackExport(UUID userId, ImportRepository.FileRow file, Path zip) {
    Path target = dataDir.resolve("imports").resolve("export-" + file.id());
    // No zip but its folder: a run killed after settling it (the zip is deleted once unpacked) had queued its files already.
    return vertx.executeBlocking(() -> !Files.exists(zip) && Files.isDirectory(target) ? List.<StravaExport.Entry>of()
        : StravaExport.unpack(zip, dataDir, target), false).compose(entries -> {
      List<ImportRepository.NewFile> files = new java.util.ArrayList<>();
      for (StravaExport.Entry e : entries) {
        if (e.extractedFile() != null) {
          JsonObject meta = new JsonObject().put("stravaId", e.stravaId()).put("name", e.name()).put("description", e.description())
              .put("rpe", e.rpe()).put("gear", e.gear());
          files.add(new ImportRepository.NewFile(e.fileName(), e.extractedFile(), 0, meta));
        }
      }
      int count = files.size();
      Future<Void> chain = repository.jobOf(file.id()).compose(jobId -> repository.addFiles(jobId, userId, files));
      // Rows without a file (entered by hand on Strava) become activities from the row itself.
      List<StravaExport.Entry> rowsOnly = entries.stream()
          .filter(e -> e.extractedFile() == null && e.start() != null && e.stravaId() != null).toList();
      LOG.info("Strava export {}: {} activity files queued, {} activities from rows alone", file.originalName(), count, rowsOnly.size());
      return chain.compose(v -> zone(userId)).compose(zone -> {
        Future<Outcome> rows = Future.succeededFuture(new Outcome(0, 0, 0, null, null));
        for (StravaExport.Entry e : rowsOnly) {
          rows = rows.compose(o -> storeRow(userId, e, zone).map(stored -> new Outcome(
              o.added() + (stored == Stored.NEW ? 1 : 0), o.merged() + (stored == Stored.MERGED ? 1 : 0),
              o.known() + (stored == Stored.KNOWN ? 1 : 0), null, null)));
        }
        return rows;
      });
    });
  }

  private <T> Future<T> serialStore(Job job, java.util.function.Supplier<Future<T>> work) {
    synchronized (job) {
      Future<T> next = job.storing.transform(v -> work.get());
      job.storing = next;
      return next;
    }
  }

  private Future<Stored> storeRow(UUID userId, StravaExport.Entry e, ZoneId zone) {
    int elapsed = e.elapsedS() == null ? 0 : e.elapsedS();
    LocalDateTime local = LocalDateTime.ofInstant(e.start(), zone);
    ActivityInput row = new ActivityInput(ActivitySource.STRAVA_EXPORT, e.stravaId(), e.sportType(),
        e.name() == null ? e.sportType() : e.name(), e.description(), null, e.start(), local, zone.getId(),
        e.movingS() == null ? elapsed : e.movingS(), elapsed, e.distanceM(), null, null, null, null, null, null, null, null,
        null, null, null, e.rpe(), false, false, false, null, FileCopies.raw("csv", null, e.gear(), null), null, null, null);
    return save(userId, row);
  }

  private Future<ZoneId> zone(UUID userId) {
    return load.series(userId).map(LoadService.Snapshot::zone);
  }

  private Future<Outcome> store(UUID userId, Parsed parsed, ZoneId athleteZone, ImportRepository.FileRow file) {
    Future<Outcome> chain = Future.succeededFuture(new Outcome(0, 0, 0, null, parsed.hash()));
    List<ParsedActivity> activities = parsed.activities();
    for (int i = 0; i < activities.size(); i++) {
      ParsedActivity a = activities.get(i);
      String base = file.source() == ActivitySource.STRAVA_EXPORT ? file.meta().getString("stravaId") : parsed.hash();
      String externalId = base + (activities.size() > 1 ? "-" + i : "");
      EncodedStreams encoded = parsed.streams().get(i);
      chain = chain.compose(o -> storeOne(userId, a, encoded, externalId, athleteZone, file).map(r -> new Outcome(
          o.added() + (r == Stored.NEW ? 1 : 0), o.merged() + (r == Stored.MERGED ? 1 : 0), o.known() + (r == Stored.KNOWN ? 1 : 0), null, o.hash())));
    }
    return chain;
  }

  private enum Stored { NEW, MERGED, KNOWN }

  private Future<Stored> storeOne(UUID userId, ParsedActivity a, EncodedStreams encoded, String externalId, ZoneId athleteZone,
                                  ImportRepository.FileRow file) {
    boolean export = file.source() == ActivitySource.STRAVA_EXPORT;
    LocalDateTime local = LocalStart.local(a, athleteZone);
    // The export's name, else the file's own, else one as devices and Strava give it; the file's name is kept beside it.
    String name = export && file.meta().getString("name") != null ? file.meta().getString("name")
        : a.name() != null ? a.name() : ActivityNames.of(a.sportType(), local);
    String description = export ? file.meta().getString("description") : null;
    Integer rpe = export ? file.meta().getInteger("rpe") : null;
    String gear = export ? file.meta().getString("gear") : null;
    String original = keepOriginals && !fromInbox(file) ? originalRelative(file) : null;
    return save(userId, FileCopies.input(file.source(), externalId, name, description, rpe, gear, a,
        local, LocalStart.zone(a, athleteZone), encoded, original, file.originalName()));
  }

  /**
   * Stores one copy through the activity store, which groups it with any other copy of the same workout whichever
   * arrived first. The import does not wait for loads file by file: the store signals them, and the job waits at its end.
   */
  private Future<Stored> save(UUID userId, ActivityInput row) {
    return store.writeInBulk(userId, w -> w.insert(List.of(row), false).compose(saved -> saved.isEmpty()
        ? Future.succeededFuture(Stored.KNOWN)
        : w.regroup().map(v -> w.isMerged(saved.get(0).id()) ? Stored.MERGED : Stored.NEW)));
  }

  /** Keeps the original under files/ (or removes it when originals are not kept); inbox files move to imported/ or failed/. */
  private Future<Void> settleOriginal(ImportRepository.FileRow file, Outcome o) {
    return vertx.executeBlocking(() -> {
      Path stored = dataDir.resolve(file.storedPath());
      if (!Files.exists(stored)) {
        return null;
      }
      if (fromInbox(file)) {
        Path target = PrivateFiles.directory(dataDir.resolve(o.error() == null ? "inbox/imported" : "inbox/failed"));
        Path moved = target.resolve(stored.getFileName());
        Files.move(stored, moved, StandardCopyOption.REPLACE_EXISTING);
        if (o.error() != null) {
          PrivateFiles.restrictFile(Files.writeString(target.resolve(stored.getFileName() + ".error.txt"), o.error() + "\n",
              StandardCharsets.UTF_8));
        }
        return null;
      }
      if (keepOriginals && o.error() == null && o.hash() != null) {
        Path target = dataDir.resolve(originalRelative(file));
        PrivateFiles.directory(target.getParent());
        PrivateFiles.restrictFile(Files.move(stored, target, StandardCopyOption.REPLACE_EXISTING));
      } else {
        Files.deleteIfExists(stored);
      }
      return null;
    }, false).mapEmpty();
  }

  /** Where the file is: where it was stored, or where settling it moved it if a run was killed before marking it done. */
  private Path readable(ImportRepository.FileRow file) {
    Path stored = dataDir.resolve(file.storedPath());
    if (Files.exists(stored)) {
      return stored;
    }
    Path settled = fromInbox(file) ? dataDir.resolve("inbox/imported").resolve(stored.getFileName()) : dataDir.resolve(originalRelative(file));
    return Files.exists(settled) ? settled : stored;
  }

  private static String originalRelative(ImportRepository.FileRow file) {
    return "files/" + file.id() + "-" + safe(file.originalName());
  }

  private static boolean fromInbox(ImportRepository.FileRow file) {
    return file.storedPath().startsWith(INBOX_PROCESSING);
  }

  /**
   * A file name safe on any file system, from what the athlete called the file: its last segment, ASCII letters, digits,
   * dots, dashes and underscores only, at most {@link #SAFE_NAME_LENGTH} characters (the end kept, for the extension) so
   * that with the id in front it stays within the 255 bytes a name may have.
   */
  static String safe(String name) {
    String replaced = name.replace('\\', '/');
    String base = replaced.substring(replaced.lastIndexOf('/') + 1);
    String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_");
    if (cleaned.length() > SAFE_NAME_LENGTH) {
      cleaned = cleaned.substring(cleaned.length() - SAFE_NAME_LENGTH);
    }
    return cleaned.isEmpty() || cleaned.startsWith(".") ? "file" + cleaned : cleaned;
  }

  /** Progress at most twice a second (and always at the end): the report lists every file, so it is not free. */
  private void publish(Job job, boolean last) {
    long now = System.currentTimeMillis();
    if (!last && now - job.lastPublished < 500) {
      return;
    }
    job.lastPublished = now;
    repository.job(job.userId, job.id).onSuccess(view -> view.ifPresent(v ->
        vertx.eventBus().publish(progressAddress(job.userId), Json.toJsonObject(v))));
  }

  private static String message(Throwable t) {
    if (t instanceof ImportException) {
      return t.getMessage();
    }
    LOG.warn("Import of a file failed unexpectedly", t);
    return "This file could not be imported (" + t.getClass().getSimpleName() + ")";
  }
}
