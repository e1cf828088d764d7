package fitcoach.imports;

import fitcoach.app.JobState;
import fitcoach.app.SyncMode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for imports: jobs (sync_jobs of kind "import") and their files. Activities go through the activity store. */
final class ImportRepository {
  // The unfinished states are spelt out (not a parameter): the same predicate as the one-active-job index.
  private static final String START_JOB = """
      INSERT INTO sync_jobs (user_id, kind, state, mode, started_at) VALUES ($1, 'import', %s, %s, now())
      ON CONFLICT (user_id, kind) WHERE state IN %s DO NOTHING RETURNING id"""
      .formatted(JobState.RUNNING.sql(), SyncMode.BACKFILL.sql(), JobState.UNFINISHED_SQL);
  private static final String ACTIVE_JOB = """
      SELECT id FROM sync_jobs WHERE user_id = $1 AND kind = 'import' AND state IN %s""".formatted(JobState.UNFINISHED_SQL);
  private static final String UNFINISHED_JOBS = """
      SELECT id, user_id FROM sync_jobs WHERE kind = 'import' AND state IN %s ORDER BY created_at""".formatted(JobState.UNFINISHED_SQL);
  private static final String ADD_FILE = """
      INSERT INTO import_files (job_id, user_id, original_name, stored_path, size_bytes, meta) VALUES ($1, $2, $3, $4, $5, $6)
      RETURNING id""";
  // One statement for all of an export's files; created_at steps by a microsecond per file so they are taken (and listed)
  // in the export's order, as when they were added one by one.
  private static final String ADD_FILES = """
      INSERT INTO import_files (job_id, user_id, original_name, stored_path, size_bytes, meta, created_at)
      SELECT $1, $2, f.name, f.path, f.size, f.meta::jsonb, now() + f.n * interval '1 microsecond'
      FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[]) WITH ORDINALITY AS f(name, path, size, meta, n)""";
  // Claims the next pending file; several workers may claim concurrently without taking the same one.
  private static final String NEXT_FILE = """
      UPDATE import_files SET state = %s WHERE id = (
        SELECT id FROM import_files WHERE job_id = $1 AND state = %s ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, original_name, stored_path, meta""".formatted(ImportFileState.PROCESSING.sql(), ImportFileState.PENDING.sql());
  private static final String RELEASE_CLAIMS = "UPDATE import_files SET state = %s WHERE state = %s"
      .formatted(ImportFileState.PENDING.sql(), ImportFileState.PROCESSING.sql());
  private static final String FINISH_FILE = """
      UPDATE import_files SET state = $2, activities_new = $3, activities_merged = $4, activities_known = $5, error = $6,
        warning = $7, processed_at = now() WHERE id = $1""";
  private static final String JOB_VIEW = """
      SELECT j.id, j.state, j.created_at, j.finished_at,
        count(f.id) AS files, count(f.id) FILTER (WHERE f.state = %s) AS done, count(f.id) FILTER (WHERE f.state = %s) AS failed,
        coalesce(sum(f.activities_new), 0) AS new, coalesce(sum(f.activities_merged), 0) AS merged,
        coalesce(sum(f.activities_known), 0) AS known
      FROM sync_jobs j LEFT JOIN import_files f ON f.job_id = j.id WHERE j.id = $1 AND j.user_id = $2 GROUP BY j.id"""
      .formatted(ImportFileState.DONE.sql(), ImportFileState.FAILED.sql());
  private static final String LATEST_JOB = """
      SELECT id FROM sync_jobs WHERE user_id = $1 AND kind = 'import' ORDER BY created_at DESC LIMIT 1""";
  private static final String FILES = """
      SELECT original_name, state, activities_new, activities_merged, activities_known, error, warning FROM import_files
      WHERE job_id = $1 ORDER BY created_at, id""";
  private static final String FINISH_JOB = """
      UPDATE sync_jobs SET state = %s, updated_at = now(), finished_at = now() WHERE id = $1""".formatted(JobState.DONE.sql());
  private static final String ANY_USER = "SELECT id FROM users LIMIT 1";
  private static final String JOB_OF = "SELECT job_id FROM import_files WHERE id = $1";
  private static final String STORED_PATHS = "SELECT stored_path FROM import_files";

  record FileRow(UUID id, String originalName, String storedPath, JsonObject meta) {
    /** Where its activities come from: a device file, or a file inside the athlete's Strava export. */
    fitcoach.activities.ActivitySource source() {
      return meta != null && meta.getString("stravaId") != null ? fitcoach.activities.ActivitySource.STRAVA_EXPORT
          : fitcoach.activities.ActivitySource.FILE;
    }
  }

  /** A file to queue: what the athlete called it, where it lies under the data folder, and the export row it came with. */
  record NewFile(String originalName, String storedPath, long sizeBytes, JsonObject meta) {
  }

  /** An unfinished import job to resume. */
  record UnfinishedJob(UUID id, UUID userId) {
  }

  record JobView(UUID jobId, JobState state, int files, int filesDone, int filesFailed, int activitiesNew, int activitiesMerged,
                 int activitiesKnown, Instant createdAt, Instant finishedAt, List<FileView> fileResults) {
  }

  record FileView(String name, ImportFileState state, int activitiesNew, int activitiesMerged, int activitiesKnown, String error,
                  String warning) {
  }

  private final Pool pool;

  ImportRepository(Pool pool) {
    this.pool = pool;
  }

  /** The running import of the user, or a new one: files uploaded while an import runs join it. */
  Future<UUID> jobFor(UUID userId) {
    return pool.preparedQuery(START_JOB).execute(Tuple.of(userId)).compose(rows -> rows.size() > 0
        ? Future.succeededFuture(rows.iterator().next().getUUID("id"))
        : pool.preparedQuery(ACTIVE_JOB).execute(Tuple.of(userId)).map(r -> r.iterator().next().getUUID("id")));
  }

  Future<List<UnfinishedJob>> unfinishedJobs() {
    return pool.query(UNFINISHED_JOBS).execute().map(rows -> {
      List<UnfinishedJob> list = new ArrayList<>();
      rows.forEach(r -> list.add(new UnfinishedJob(r.getUUID("id"), r.getUUID("user_id"))));
      return list;
    });
  }

  /** After a restart nothing is being processed: files claimed by the previous run go back to pending. */
  Future<Void> releaseClaims() {
    return pool.query(RELEASE_CLAIMS).execute().mapEmpty();
  }

  Future<UUID> addFile(UUID jobId, UUID userId, String name, String storedPath, long size) {
    return addFile(jobId, userId, name, storedPath, size, null);
  }

  Future<UUID> addFile(UUID jobId, UUID userId, String name, String storedPath, long size, JsonObject meta) {
    return pool.preparedQuery(ADD_FILE).execute(Tuple.of(jobId, userId, name, storedPath, size, meta))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  /** Queues many files at once (the thousands of files of an export). */
  Future<Void> addFiles(UUID jobId, UUID userId, List<NewFile> files) {
    if (files.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = files.size();
    String[] names = new String[n];
    String[] paths = new String[n];
    Long[] sizes = new Long[n];
    String[] metas = new String[n];
    for (int i = 0; i < n; i++) {
      NewFile f = files.get(i);
      names[i] = f.originalName();
      paths[i] = f.storedPath();
      sizes[i] = f.sizeBytes();
      metas[i] = f.meta() == null ? null : f.meta().encode();
    }
    return pool.preparedQuery(ADD_FILES).execute(Tuple.of(jobId, userId, names, paths, sizes, metas)).mapEmpty();
  }

  Future<Optional<FileRow>> nextFile(UUID jobId) {
    return pool.preparedQuery(NEXT_FILE).execute(Tuple.of(jobId)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(new FileRow(rows.iterator().next().getUUID("id"), rows.iterator().next().getString("original_name"),
            rows.iterator().next().getString("stored_path"), (JsonObject) rows.iterator().next().getValue("meta"))));
  }

  Future<Void> finishFile(UUID fileId, ImportFileState state, int added, int merged, int known, String error, String warning) {
    return pool.preparedQuery(FINISH_FILE).execute(Tuple.wrap(new Object[] {fileId, state.value(), added, merged, known,
        error, warning})).mapEmpty();
  }

  /** Fresh planner statistics after a bulk import (see StravaRepository#analyze). */
  Future<Void> analyze() {
    return pool.query("ANALYZE activities").execute().mapEmpty();
  }

  Future<Void> finishJob(UUID jobId) {
    return pool.preparedQuery(FINISH_JOB).execute(Tuple.of(jobId)).mapEmpty();
  }

  /** The athlete's own import job: another account's job id finds nothing. */
  Future<Optional<JobView>> job(UUID userId, UUID jobId) {
    return Future.all(pool.preparedQuery(JOB_VIEW).execute(Tuple.of(jobId, userId)), pool.preparedQuery(FILES).execute(Tuple.of(jobId)))
        .map(all -> {
          io.vertx.sqlclient.RowSet<Row> rows = all.resultAt(0);
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          List<FileView> files = new ArrayList<>();
          for (Row f : all.<io.vertx.sqlclient.RowSet<Row>>resultAt(1)) {
            files.add(new FileView(f.getString("original_name"), ImportFileState.of(f.getString("state")), f.getInteger("activities_new"),
                f.getInteger("activities_merged"), f.getInteger("activities_known"), f.getString("error"), f.getString("warning")));
          }
          var finished = r.getOffsetDateTime("finished_at");
          return Optional.of(new JobView(r.getUUID("id"), JobState.of(r.getString("state")), r.getLong("files").intValue(),
              r.getLong("done").intValue(), r.getLong("failed").intValue(), r.getLong("new").intValue(),
              r.getLong("merged").intValue(), r.getLong("known").intValue(), r.getOffsetDateTime("created_at").toInstant(),
              finished == null ? null : finished.toInstant(), files));
        });
  }

  Future<Optional<UUID>> latestJob(UUID userId) {
    return pool.preparedQuery(LATEST_JOB).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
  }

  Future<UUID> jobOf(UUID fileId) {
    return pool.preparedQuery(JOB_OF).execute(Tuple.of(fileId)).map(rows -> rows.iterator().next().getUUID("job_id"));
  }

  Future<Optional<UUID>> anyUser() {
    return pool.query(ANY_USER).execute()
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
  }

  /** Every path an import row names (relative to the data folder): files under imports/ that none names are orphans. */
  Future<java.util.Set<String>> storedPaths() {
    return pool.query(STORED_PATHS).execute().map(rows -> {
      java.util.Set<String> paths = new java.util.HashSet<>();
      rows.forEach(r -> paths.add(r.getString("stored_path")));
      return paths;
    });
  }
}
