package fitcoach.strava;

import fitcoach.app.JobState;
import fitcoach.app.SyncMode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for Strava: connections, OAuth states, sync jobs, webhook events and the push subscription (activities: StravaCopies). */
final class StravaRepository {
  /** The sync_jobs kinds of this feature. */
  static final String SYNC = "strava";
  static final String REFRESH = "strava_refresh";
  private static final String CONNECTION_COLUMNS = """
      user_id, athlete_id, encrypted_access_token, encrypted_refresh_token, expires_at, scopes, athlete, needs_reauth, last_sync_at""";
  private static final String CONNECTION = "SELECT " + CONNECTION_COLUMNS + " FROM strava_connections WHERE user_id = $1";
  private static final String CONNECTION_BY_ATHLETE = "SELECT " + CONNECTION_COLUMNS + " FROM strava_connections WHERE athlete_id = $1";
  private static final String SAVE_CONNECTION = """
      INSERT INTO strava_connections (user_id, athlete_id, encrypted_access_token, encrypted_refresh_token, expires_at, scopes, athlete)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (user_id) DO UPDATE SET athlete_id = EXCLUDED.athlete_id,
        encrypted_access_token = EXCLUDED.encrypted_access_token, encrypted_refresh_token = EXCLUDED.encrypted_refresh_token,
        expires_at = EXCLUDED.expires_at, scopes = EXCLUDED.scopes, athlete = EXCLUDED.athlete, needs_reauth = false,
        updated_at = now()""";
  private static final String SAVE_TOKENS = """
      UPDATE strava_connections SET encrypted_access_token = $2, encrypted_refresh_token = $3, expires_at = $4,
        needs_reauth = false, updated_at = now() WHERE user_id = $1""";
  private static final String MARK_REAUTH = "UPDATE strava_connections SET needs_reauth = true, updated_at = now() WHERE user_id = $1";
  // FOR SHARE: a disconnect (which deletes the row) waits for a write that found it connected, and the reverse.
  private static final String IS_CONNECTED = "SELECT 1 FROM strava_connections WHERE user_id = $1 FOR SHARE";
  private static final String DELETE_CONNECTION = "DELETE FROM strava_connections WHERE user_id = $1";
  private static final String SYNCED = "UPDATE strava_connections SET last_sync_at = now() WHERE user_id = $1";

  private static final String SAVE_STATE = "INSERT INTO oauth_states (state, user_id, expires_at) VALUES ($1, $2, $3)";
  private static final String CONSUME_STATE = """
      UPDATE oauth_states SET used_at = now() WHERE state = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id""";
  private static final String STATE = "SELECT used_at IS NOT NULL AS used, expires_at <= now() AS expired FROM oauth_states WHERE state = $1";

  private static final String JOB_COLUMNS = """
      id, user_id, state, mode, cursor, pages_fetched, activities_fetched, activities_new, activities_updated, resume_at, error,
      created_at, updated_at, finished_at""";
  // The unfinished states are spelt out (not a parameter): the same predicate as the one-active-job index.
  private static final String START_JOB = """
      INSERT INTO sync_jobs (user_id, kind, state, mode, cursor, started_at) VALUES ($1, $5, $2, $3, $4, now())
      ON CONFLICT (user_id, kind) WHERE state IN %s DO NOTHING
      RETURNING %s""".formatted(JobState.UNFINISHED_SQL, JOB_COLUMNS);
  private static final String ACTIVE_JOB = "SELECT " + JOB_COLUMNS
      + " FROM sync_jobs WHERE user_id = $1 AND kind = $2 AND state IN " + JobState.UNFINISHED_SQL;
  private static final String LATEST_JOB = "SELECT " + JOB_COLUMNS
      + " FROM sync_jobs WHERE user_id = $1 AND kind = $2 ORDER BY created_at DESC LIMIT 1";
  private static final String UNFINISHED_JOBS = "SELECT " + JOB_COLUMNS
      + " FROM sync_jobs WHERE kind = $1 AND state IN " + JobState.UNFINISHED_SQL + " ORDER BY created_at";
  private static final String SAVE_JOB = """
      UPDATE sync_jobs SET state = $2, cursor = $3, pages_fetched = $4, activities_fetched = $5, activities_new = $6,
        activities_updated = $7, resume_at = $8, error = $9, updated_at = now(),
        finished_at = CASE WHEN $10::boolean THEN now() ELSE NULL END
      WHERE id = $1""";

  /** The Strava API copies an athlete has, and when Strava last confirmed the least recently confirmed one. */
  private static final String COPIES = """
      SELECT count(*) AS n, min(refreshed_at) AS oldest FROM activities WHERE user_id = $1 AND source = 'strava'""";
  /**
   * Connected athletes with a Strava copy not confirmed since $1, and neither a sync nor a refresh under way: their
   * copies are due to be re-confirmed.
   */
  private static final String REFRESH_DUE = """
      SELECT c.user_id FROM strava_connections c
      WHERE NOT c.needs_reauth
        AND EXISTS (SELECT 1 FROM activities a WHERE a.user_id = c.user_id AND a.source = 'strava' AND a.refreshed_at < $1)
        AND NOT EXISTS (SELECT 1 FROM sync_jobs j WHERE j.user_id = c.user_id AND j.kind IN ('strava', 'strava_refresh')
                          AND j.state IN """ + JobState.UNFINISHED_SQL + ")";
  /** Copies a refresh walk did not see (not confirmed since $2), after Strava id $3, in id order: to be asked one by one. */
  private static final String UNCONFIRMED = """
      SELECT external_id::bigint AS strava_id FROM activities
      WHERE user_id = $1 AND source = 'strava' AND refreshed_at < $2 AND external_id::bigint > $3
      ORDER BY external_id::bigint LIMIT $4""";
  private static final String NEWEST_START = "SELECT max(start_date) AS newest FROM activities WHERE user_id = $1 AND source = 'strava'";
  /** Workouts the athlete has, each once (a merged workout's copies count once). */
  private static final String COUNT_WORKOUTS = "SELECT count(*) AS n FROM activities WHERE user_id = $1 AND primary_activity_id IS NULL";

  private static final String STRAVA_ID = """
      SELECT external_id FROM activities WHERE user_id = $1 AND id = $2 AND source = 'strava'""";
  private static final String OWNED = "SELECT 1 FROM activities WHERE user_id = $1 AND id = $2";
  /** The athlete's own activity's streams only: an id from another account finds nothing. */
  private static final String STREAMS = """
      SELECT s.data FROM activity_streams s JOIN activities a ON a.id = s.activity_id
      WHERE s.activity_id = $1 AND a.user_id = $2""";
  // The user an event is about, only when it names this instance's push subscription and a connected athlete; with the
  // number of events still waiting, so a flood cannot queue work without end.
  private static final String EVENT_OWNER = """
      SELECT c.user_id, (SELECT count(*) FROM webhook_events WHERE processed_at IS NULL AND attempts < $3) AS pending
      FROM strava_subscriptions s JOIN strava_connections c ON c.athlete_id = $2 WHERE s.id = $1""";
  private static final String INSERT_EVENT = """
      INSERT INTO webhook_events (payload, subscription_id, owner_id, object_type, object_id, aspect_type, event_time, user_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id""";
  private static final String FINISH_EVENT = """
      UPDATE webhook_events SET processed_at = CASE WHEN $3::text IS NULL THEN now() ELSE processed_at END, outcome = $2,
        error = $3, attempts = attempts + 1, user_id = coalesce($4, user_id) WHERE id = $1""";
  // Waiting for Strava's rate limit is not a failed attempt: the event keeps all its attempts for later.
  private static final String DEFER_EVENT = "UPDATE webhook_events SET error = $2 WHERE id = $1 AND processed_at IS NULL";
  private static final String PENDING_EVENTS = """
      SELECT id, payload FROM webhook_events WHERE processed_at IS NULL AND attempts < $1 ORDER BY id LIMIT 100""";
  private static final String PENDING_EVENT = """
      SELECT id, payload FROM webhook_events WHERE id = $1 AND processed_at IS NULL AND attempts < $2""";
  // Processed events are kept a while to explain what happened; ones that never could be processed go as old hints.
  private static final String PRUNE_EVENTS = """
      DELETE FROM webhook_events WHERE coalesce(processed_at, received_at) < now() - make_interval(days => $1)""";
  private static final String SUBSCRIPTION = "SELECT id, callback_url, created_at FROM strava_subscriptions ORDER BY created_at DESC LIMIT 1";
  private static final String SAVE_SUBSCRIPTION = """
      INSERT INTO strava_subscriptions (id, callback_url) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET callback_url = EXCLUDED.callback_url""";
  private static final String DELETE_SUBSCRIPTIONS = "DELETE FROM strava_subscriptions";

  record Connection(UUID userId, long athleteId, byte[] encryptedAccess, byte[] encryptedRefresh, Instant expiresAt,
                    List<String> scopes, JsonObject athlete, boolean needsReauth, Instant lastSyncAt) {
  }

  record Event(long id, JsonObject payload) {
  }

  record Copies(long count, Instant oldestRefreshedAt) {
  }

  record Subscription(long id, String callbackUrl, Instant createdAt) {
  }

  record EventOwner(UUID userId, long pendingEvents) {
  }

  private final Pool pool;

  StravaRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Optional<Connection>> connection(UUID userId) {
    return pool.preparedQuery(CONNECTION).execute(Tuple.of(userId)).map(StravaRepository::connection);
  }

  Future<Optional<Connection>> connectionByAthlete(long athleteId) {
    return pool.preparedQuery(CONNECTION_BY_ATHLETE).execute(Tuple.of(athleteId)).map(StravaRepository::connection);
  }

  Future<Void> saveConnection(UUID userId, long athleteId, byte[] access, byte[] refresh, Instant expiresAt, List<String> scopes,
                              JsonObject athlete) {
    return pool.preparedQuery(SAVE_CONNECTION).execute(Tuple.of(userId, athleteId, Buffer.buffer(access), Buffer.buffer(refresh),
        expiresAt.atOffset(ZoneOffset.UTC), scopes.toArray(new String[0]), athlete)).mapEmpty();
  }

  /** Both tokens and the expiry in one statement: a rotated refresh token must never be half-stored. */
  Future<Void> saveTokens(UUID userId, byte[] access, byte[] refresh, Instant expiresAt) {
    return pool.preparedQuery(SAVE_TOKENS).execute(Tuple.of(userId, Buffer.buffer(access), Buffer.buffer(refresh),
        expiresAt.atOffset(ZoneOffset.UTC))).mapEmpty();
  }

  Future<Void> markNeedsReauth(UUID userId) {
    return pool.preparedQuery(MARK_REAUTH).execute(Tuple.of(userId)).mapEmpty();
  }

  /** Whether the athlete is connected, read on {@code client} (a write's own transaction). */
  static Future<Boolean> connected(io.vertx.sqlclient.SqlClient client, UUID userId) {
    return client.preparedQuery(IS_CONNECTED).execute(Tuple.of(userId)).map(rows -> rows.size() > 0);
  }

  /** Forgets the connection (tokens included) on {@code client}, a write's own transaction. */
  static Future<Boolean> deleteConnection(io.vertx.sqlclient.SqlClient client, UUID userId) {
    return client.preparedQuery(DELETE_CONNECTION).execute(Tuple.of(userId)).map(r -> r.rowCount() > 0);
  }

  Future<Void> markSynced(UUID userId) {
    return pool.preparedQuery(SYNCED).execute(Tuple.of(userId)).mapEmpty();
  }

  Future<Void> saveState(String state, UUID userId, Instant expiresAt) {
    return pool.preparedQuery(SAVE_STATE).execute(Tuple.of(state, userId, expiresAt.atOffset(ZoneOffset.UTC))).mapEmpty();
  }

  /** Marks a state used and returns its user, or why it cannot be used: "unknown", "expired" or "reused". */
  Future<Object> consumeState(String state) {
    return pool.preparedQuery(CONSUME_STATE).execute(Tuple.of(state)).compose(rows -> {
      if (rows.size() > 0) {
        return Future.succeededFuture(rows.iterator().next().getUUID("user_id"));
      }
      return pool.preparedQuery(STATE).execute(Tuple.of(state)).map(found -> {
        if (found.size() == 0) {
          return "unknown";
        }
        Row r = found.iterator().next();
        return r.getBoolean("used") ? "reused" : "expired";
      });
    });
  }

  /** A new running sync, or empty when the user already has an unfinished one. */
  Future<Optional<SyncJob>> startJob(UUID userId, SyncMode mode, SyncCursor cursor) {
    return pool.preparedQuery(START_JOB).execute(Tuple.of(userId, JobState.RUNNING.value(), mode.value(), cursor.toJson(), SYNC))
        .map(StravaRepository::job);
  }

  Future<Optional<SyncJob>> activeJob(UUID userId) {
    return pool.preparedQuery(ACTIVE_JOB).execute(Tuple.of(userId, SYNC)).map(StravaRepository::job);
  }

  Future<Optional<SyncJob>> latestJob(UUID userId) {
    return pool.preparedQuery(LATEST_JOB).execute(Tuple.of(userId, SYNC)).map(StravaRepository::job);
  }

  Future<List<SyncJob>> unfinishedJobs() {
    return pool.preparedQuery(UNFINISHED_JOBS).execute(Tuple.of(SYNC)).map(rows -> {
      List<SyncJob> jobs = new ArrayList<>();
      rows.forEach(r -> jobs.add(job(r)));
      return jobs;
    });
  }

  // --- Refreshes: jobs of their own kind, beside the sync ---

  /** A new running refresh, or empty when the user already has one under way. */
  Future<Optional<RefreshJob>> startRefresh(UUID userId, RefreshCursor cursor) {
    return pool.preparedQuery(START_JOB).execute(Tuple.of(userId, JobState.RUNNING.value(), SyncMode.REFRESH.value(), cursor.toJson(),
        REFRESH)).map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(refresh(rows.iterator().next())));
  }

  Future<Optional<RefreshJob>> latestRefresh(UUID userId) {
    return pool.preparedQuery(LATEST_JOB).execute(Tuple.of(userId, REFRESH))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(refresh(rows.iterator().next())));
  }

  Future<List<RefreshJob>> unfinishedRefreshes() {
    return pool.preparedQuery(UNFINISHED_JOBS).execute(Tuple.of(REFRESH)).map(rows -> {
      List<RefreshJob> jobs = new ArrayList<>();
      rows.forEach(r -> jobs.add(refresh(r)));
      return jobs;
    });
  }

  Future<Void> saveRefresh(RefreshJob j) {
    return pool.preparedQuery(SAVE_JOB).execute(Tuple.wrap(new Object[] {j.id(), j.state().value(), j.cursor().toJson(),
        j.pages(), j.listed(), j.added(), j.confirmed(),
        j.resumeAt() == null ? null : j.resumeAt().atOffset(ZoneOffset.UTC), j.error(), j.state().finished()})).mapEmpty();
  }

  /** Athletes whose copies are due to be re-confirmed: some copy was last confirmed before {@code cutoff}. */
  Future<List<UUID>> refreshDue(Instant cutoff) {
    return pool.preparedQuery(REFRESH_DUE).execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC))).map(rows -> {
      List<UUID> users = new ArrayList<>();
      rows.forEach(r -> users.add(r.getUUID("user_id")));
      return users;
    });
  }

  /** Up to {@code limit} Strava ids of copies not confirmed since {@code since}, after {@code afterId}, in id order. */
  Future<List<Long>> unconfirmed(UUID userId, Instant since, long afterId, int limit) {
    return pool.preparedQuery(UNCONFIRMED).execute(Tuple.of(userId, since.atOffset(ZoneOffset.UTC), afterId, limit)).map(rows -> {
      List<Long> ids = new ArrayList<>();
      rows.forEach(r -> ids.add(r.getLong("strava_id")));
      return ids;
    });
  }

  /** How many Strava API copies the athlete has, and the oldest confirmation among them (null when none). */
  Future<Copies> copies(UUID userId) {
    return pool.preparedQuery(COPIES).execute(Tuple.of(userId)).map(rows -> {
      Row r = rows.iterator().next();
      OffsetDateTime oldest = r.getOffsetDateTime("oldest");
      return new Copies(r.getLong("n"), oldest == null ? null : oldest.toInstant());
    });
  }

  Future<Void> saveJob(SyncJob j) {
    return pool.preparedQuery(SAVE_JOB).execute(Tuple.wrap(new Object[] {j.id(), j.state().value(), j.cursor().toJson(),
        j.pagesFetched(), j.activitiesFetched(), j.activitiesNew(), j.activitiesUpdated(),
        j.resumeAt() == null ? null : j.resumeAt().atOffset(ZoneOffset.UTC), j.error(), j.state().finished()})).mapEmpty();
  }

  Future<Optional<Instant>> newestStart(UUID userId) {
    return pool.preparedQuery(NEWEST_START).execute(Tuple.of(userId)).map(rows -> {
      OffsetDateTime t = rows.iterator().next().getOffsetDateTime("newest");
      return Optional.ofNullable(t == null ? null : t.toInstant());
    });
  }

  Future<Long> countWorkouts(UUID userId) {
    return pool.preparedQuery(COUNT_WORKOUTS).execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getLong("n"));
  }

  /** The Strava id of one of the athlete's Strava activities, if it is one. */
  Future<Optional<Long>> stravaId(UUID userId, UUID activityId) {
    return pool.preparedQuery(STRAVA_ID).execute(Tuple.of(userId, activityId)).map(rows -> rows.size() == 0
        ? Optional.empty() : Optional.of(Long.parseLong(rows.iterator().next().getString("external_id"))));
  }

  /** The athlete has this activity (an id from another account: false). */
  Future<Boolean> owns(UUID userId, UUID activityId) {
    return pool.preparedQuery(OWNED).execute(Tuple.of(userId, activityId)).map(rows -> rows.size() > 0);
  }

  /** Stored streams as gzip-compressed JSON ({@code {"heartrate": [...], ...}}). */
  Future<Optional<byte[]>> streams(UUID userId, UUID activityId) {
    return pool.preparedQuery(STREAMS).execute(Tuple.of(activityId, userId)).map(rows -> rows.size() == 0
        ? Optional.empty() : Optional.of(rows.iterator().next().getBuffer("data").getBytes()));
  }

  /** Fresh planner statistics after a bulk change, so list queries keep their index plans without waiting for autovacuum. */
  Future<Void> analyze() {
    return pool.query("ANALYZE activities").execute().mapEmpty();
  }

  /** The user a webhook event may be stored for, and how many events wait; empty when it is not for this instance. */
  Future<Optional<EventOwner>> eventOwner(long subscriptionId, long athleteId) {
    return pool.preparedQuery(EVENT_OWNER).execute(Tuple.of(subscriptionId, athleteId, WebhookEvent.MAX_ATTEMPTS)).map(rows -> rows.size() == 0
        ? Optional.empty()
        : Optional.of(new EventOwner(rows.iterator().next().getUUID("user_id"), rows.iterator().next().getLong("pending"))));
  }

  /** Stores a webhook event once; empty when it is a redelivery of one already stored. */
  Future<Optional<Long>> insertEvent(WebhookEvent event, UUID userId) {
    return pool.preparedQuery(INSERT_EVENT).execute(Tuple.wrap(new Object[] {event.toJson(), event.subscriptionId(),
            event.ownerId(), event.objectType(), event.objectId(), event.aspectType(), event.eventTime(), userId}))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("id")));
  }

  /** Records the outcome; with an error the event stays pending and is retried. */
  Future<Void> finishEvent(long id, String outcome, String error, UUID userId) {
    return pool.preparedQuery(FINISH_EVENT).execute(Tuple.of(id, outcome, error, userId)).mapEmpty();
  }

  /** Says why a pending event waits, without spending one of its attempts. */
  Future<Void> deferEvent(long id, String reason) {
    return pool.preparedQuery(DEFER_EVENT).execute(Tuple.of(id, reason)).mapEmpty();
  }

  Future<List<Event>> pendingEvents() {
    return pool.preparedQuery(PENDING_EVENTS).execute(Tuple.of(WebhookEvent.MAX_ATTEMPTS)).map(StravaRepository::events);
  }

  Future<Optional<Event>> pendingEvent(long id) {
    return pool.preparedQuery(PENDING_EVENT).execute(Tuple.of(id, WebhookEvent.MAX_ATTEMPTS)).map(rows -> events(rows).stream().findFirst());
  }

  /** Deletes events processed (or, if never processed, received) more than {@code days} ago; how many went. */
  Future<Integer> pruneEvents(int days) {
    return pool.preparedQuery(PRUNE_EVENTS).execute(Tuple.of(days)).map(RowSet::rowCount);
  }

  Future<Optional<Subscription>> subscription() {
    return pool.query(SUBSCRIPTION).execute().map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new Subscription(
        rows.iterator().next().getLong("id"), rows.iterator().next().getString("callback_url"),
        rows.iterator().next().getOffsetDateTime("created_at").toInstant())));
  }

  Future<Void> saveSubscription(long id, String callbackUrl) {
    return pool.query(DELETE_SUBSCRIPTIONS).execute()
        .compose(v -> pool.preparedQuery(SAVE_SUBSCRIPTION).execute(Tuple.of(id, callbackUrl))).mapEmpty();
  }

  Future<Void> deleteSubscriptions() {
    return pool.query(DELETE_SUBSCRIPTIONS).execute().mapEmpty();
  }

  private static List<Event> events(RowSet<Row> rows) {
    List<Event> events = new ArrayList<>();
    rows.forEach(r -> events.add(new Event(r.getLong("id"), (JsonObject) r.getValue("payload"))));
    return events;
  }

  private static Optional<Connection> connection(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    String[] scopes = r.getArrayOfStrings("scopes");
    OffsetDateTime last = r.getOffsetDateTime("last_sync_at");
    return Optional.of(new Connection(r.getUUID("user_id"), r.getLong("athlete_id"), r.getBuffer("encrypted_access_token").getBytes(),
        r.getBuffer("encrypted_refresh_token").getBytes(), r.getOffsetDateTime("expires_at").toInstant(),
        scopes == null ? List.of() : List.of(scopes), (JsonObject) r.getValue("athlete"), r.getBoolean("needs_reauth"),
        last == null ? null : last.toInstant()));
  }

  private static Optional<SyncJob> job(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(job(rows.iterator().next()));
  }

  private static RefreshJob refresh(Row r) {
    OffsetDateTime resume = r.getOffsetDateTime("resume_at");
    OffsetDateTime finished = r.getOffsetDateTime("finished_at");
    return new RefreshJob(r.getUUID("id"), r.getUUID("user_id"), JobState.of(r.getString("state")),
        RefreshCursor.fromJson(r.getValue("cursor") instanceof JsonObject c ? c : null), r.getInteger("pages_fetched"),
        r.getInteger("activities_fetched"), r.getInteger("activities_new"), r.getInteger("activities_updated"),
        resume == null ? null : resume.toInstant(), r.getString("error"), r.getOffsetDateTime("updated_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }

  private static SyncJob job(Row r) {
    OffsetDateTime resume = r.getOffsetDateTime("resume_at");
    OffsetDateTime finished = r.getOffsetDateTime("finished_at");
    return new SyncJob(r.getUUID("id"), r.getUUID("user_id"), JobState.of(r.getString("state")), SyncMode.of(r.getString("mode")),
        SyncCursor.fromJson(r.getValue("cursor") instanceof JsonObject c ? c : null), r.getInteger("pages_fetched"), r.getInteger("activities_fetched"),
        r.getInteger("activities_new"), r.getInteger("activities_updated"), resume == null ? null : resume.toInstant(),
        r.getString("error"), r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }
}
