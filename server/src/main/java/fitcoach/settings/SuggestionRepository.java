package fitcoach.settings;

import fitcoach.load.ThresholdKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for threshold_suggestions: offers of a better threshold, pending until the athlete accepts or dismisses them. */
final class SuggestionRepository {
  /**
   * Stores the offer as the kind's one pending suggestion, replacing a pending one only when better (higher; for pace,
   * lower), and never again once the athlete decided on the same evidence (same date, value and activity).
   */
  private static final String OFFER = """
      INSERT INTO threshold_suggestions (user_id, kind, value, valid_from, activity_id, evidence)
      SELECT $1::uuid, $2::text, $3::float8, $4::date, $5::uuid, $6::text
      WHERE NOT EXISTS (SELECT 1 FROM threshold_suggestions d WHERE d.user_id = $1 AND d.kind = $2 AND d.state <> 'pending'
                        AND d.valid_from = $4 AND d.value = $3 AND d.activity_id IS NOT DISTINCT FROM $5)
        AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM activities a WHERE a.id = $5 AND a.user_id = $1))
      ON CONFLICT (user_id, kind) WHERE state = 'pending' DO UPDATE SET id = gen_random_uuid(), value = EXCLUDED.value,
        valid_from = EXCLUDED.valid_from, activity_id = EXCLUDED.activity_id, evidence = EXCLUDED.evidence, created_at = now()
      WHERE CASE WHEN EXCLUDED.kind = 'threshold_pace' THEN EXCLUDED.value < threshold_suggestions.value
                 ELSE EXCLUDED.value > threshold_suggestions.value END
      RETURNING id""";
  private static final String COLUMNS = """
      s.id, s.kind, s.value, s.valid_from, s.activity_id, a.name AS activity_name, s.evidence, s.state, s.created_at""";
  private static final String PENDING = "SELECT " + COLUMNS
      + " FROM threshold_suggestions s LEFT JOIN activities a ON a.id = s.activity_id"
      + " WHERE s.user_id = $1 AND s.state = 'pending' ORDER BY s.created_at DESC, s.kind";
  private static final String FIND = "SELECT " + COLUMNS
      + " FROM threshold_suggestions s LEFT JOIN activities a ON a.id = s.activity_id WHERE s.user_id = $1 AND s.id = $2";
  private static final String DECIDE = """
      UPDATE threshold_suggestions SET state = $3, decided_at = now() WHERE user_id = $1 AND id = $2 AND state = 'pending'""";
  private static final String ACTIVITY_NAME = "SELECT name FROM activities WHERE user_id = $1 AND id = $2";

  /** One stored suggestion. */
  record Stored(UUID id, ThresholdKind kind, double value, LocalDate validFrom, UUID activityId, String activityName,
                String evidence, String state, Instant createdAt) {
  }

  private final Pool pool;

  SuggestionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Whether the offer was stored (as a new pending suggestion or replacing a worse one). */
  Future<Boolean> offer(UUID userId, ThresholdKind kind, double value, LocalDate validFrom, UUID activityId, String evidence) {
    return pool.preparedQuery(OFFER).execute(Tuple.of(userId, kind.code(), value, validFrom, activityId, evidence))
        .map(rows -> rows.rowCount() > 0);
  }

  Future<List<Stored>> pending(UUID userId) {
    return pool.preparedQuery(PENDING).execute(Tuple.of(userId)).map(rows -> {
      List<Stored> out = new ArrayList<>();
      rows.forEach(r -> out.add(stored(r)));
      return out;
    });
  }

  Future<Optional<Stored>> find(UUID userId, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(userId, id))
        .map(rows -> rows.iterator().hasNext() ? Optional.of(stored(rows.iterator().next())) : Optional.empty());
  }

  /** Marks a pending suggestion decided; false when it was no longer pending. */
  Future<Boolean> decide(SqlClient db, UUID userId, UUID id, String state) {
    return db.preparedQuery(DECIDE).execute(Tuple.of(userId, id, state)).map(rows -> rows.rowCount() > 0);
  }

  Future<Optional<String>> activityName(UUID userId, UUID activityId) {
    return pool.preparedQuery(ACTIVITY_NAME).execute(Tuple.of(userId, activityId))
        .map(rows -> rows.iterator().hasNext() ? Optional.ofNullable(rows.iterator().next().getString("name")) : Optional.empty());
  }

  private static Stored stored(Row r) {
    return new Stored(r.getUUID("id"), ThresholdKind.parse(r.getString("kind")).orElseThrow(), r.getDouble("value"),
        r.getLocalDate("valid_from"), r.getUUID("activity_id"), r.getString("activity_name"), r.getString("evidence"),
        r.getString("state"), r.getOffsetDateTime("created_at").toInstant());
  }
}
