package fitcoach.analytics;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** SQL for estimated thresholds: the last estimate per kind, and each recorded change of one. */
final class EstimateRepository {
  /**
   * One comparison of estimates per athlete at a time, across instances: without it two recomputes read the same last
   * estimate and both record its move.
   */
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 1209))";
  private static final String LAST = "SELECT kind, value, evidence FROM threshold_estimates WHERE user_id = $1";
  private static final String SAVE_LAST = """
      INSERT INTO threshold_estimates (user_id, kind, value, evidence) VALUES ($1, $2, $3, $4)
      ON CONFLICT (user_id, kind) DO UPDATE SET value = EXCLUDED.value, evidence = EXCLUDED.evidence, updated_at = now()""";
  private static final String FORGET_LAST = "DELETE FROM threshold_estimates WHERE user_id = $1 AND kind = $2";
  private static final String RECORD = """
      INSERT INTO threshold_estimate_changes (user_id, kind, old_value, new_value, basis, evidence, cause_activity_id,
                                              loads_changed)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";
  private static final String CHANGES = """
      SELECT id, kind, old_value, new_value, basis, evidence, cause_activity_id, loads_changed, changed_at, dismissed_at
      FROM threshold_estimate_changes WHERE user_id = $1 ORDER BY changed_at DESC, kind LIMIT $2""";
  private static final String DISMISS = """
      UPDATE threshold_estimate_changes SET dismissed_at = now()
      WHERE user_id = $1 AND id = ANY($2::uuid[]) AND dismissed_at IS NULL""";

  /** The last estimate of one kind and the evidence it rested on. */
  record Last(double value, JsonArray evidence) {
  }

  /** One recorded change. */
  record Change(String kind, double oldValue, double newValue, String basis, JsonArray evidence, UUID causeActivityId,
                int loadsChanged) {
  }

  private final Pool pool;

  EstimateRepository(Pool pool) {
    this.pool = pool;
  }

  /** The last estimates and their saving, inside one transaction that holds the athlete's estimate lock. */
  interface Exclusive {
    Future<Map<String, Last>> last();

    /** Saves the new last estimates, forgets kinds no longer estimated and records the changes. */
    Future<Void> save(Map<String, Last> now, List<String> forget, List<Change> changes);
  }

  /**
   * Runs {@code work} in one transaction that first takes the athlete's estimate lock, so what it reads stays what is
   * stored until it commits: a change is never recorded twice nor lost between two recomputes.
   */
  <T> Future<T> exclusive(UUID userId, Function<Exclusive, Future<T>> work) {
    return pool.withTransaction(conn -> conn.preparedQuery(LOCK).execute(Tuple.of(userId.toString()))
        .compose(locked -> work.apply(new Exclusive() {
          @Override
          public Future<Map<String, Last>> last() {
            return conn.preparedQuery(LAST).execute(Tuple.of(userId)).map(rows -> {
              Map<String, Last> last = new HashMap<>();
              for (Row r : rows) {
                last.put(r.getString("kind"), new Last(r.getDouble("value"), evidence(r.getValue("evidence"))));
              }
              return last;
            });
          }

          @Override
          public Future<Void> save(Map<String, Last> now, List<String> forget, List<Change> changes) {
            Future<?> chain = Future.succeededFuture();
            for (var e : now.entrySet()) {
              chain = chain.compose(v -> conn.preparedQuery(SAVE_LAST)
                  .execute(Tuple.of(userId, e.getKey(), e.getValue().value(), e.getValue().evidence())));
            }
            for (String kind : forget) {
              chain = chain.compose(v -> conn.preparedQuery(FORGET_LAST).execute(Tuple.of(userId, kind)));
            }
            for (Change c : changes) {
              chain = chain.compose(v -> conn.preparedQuery(RECORD).execute(Tuple.wrap(new Object[] {userId, c.kind(),
                  c.oldValue(), c.newValue(), c.basis(), c.evidence(), c.causeActivityId(), c.loadsChanged()})));
            }
            return chain.mapEmpty();
          }
        })));
  }

  Future<List<EstimateChangeView>> changes(UUID userId, int limit) {
    return pool.preparedQuery(CHANGES).execute(Tuple.of(userId, limit)).map(rows -> {
      List<EstimateChangeView> list = new ArrayList<>();
      for (Row r : rows) {
        list.add(new EstimateChangeView(r.getUUID("id"), r.getString("kind"), r.getDouble("old_value"), r.getDouble("new_value"),
            r.getString("basis"), evidence(r.getValue("evidence")).getList(), r.getUUID("cause_activity_id"),
            r.getInteger("loads_changed"), instant(r, "changed_at"), instant(r, "dismissed_at")));
      }
      return list;
    });
  }

  Future<Integer> dismiss(UUID userId, UUID[] ids) {
    return pool.preparedQuery(DISMISS).execute(Tuple.wrap(new Object[] {userId, ids})).map(rows -> rows.rowCount());
  }

  private static JsonArray evidence(Object value) {
    return value instanceof JsonArray a ? a : new JsonArray();
  }

  private static Instant instant(Row r, String column) {
    var t = r.getOffsetDateTime(column);
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
  }
}
