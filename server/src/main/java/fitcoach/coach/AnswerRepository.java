package fitcoach.coach;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for the coach's stored answers: the day's recommendation, weekly reports and activity insights. A complete
 * answer replaces the stored one; a failed or stopped one is kept only where there was nothing before, so a good
 * answer is never lost to a failed regeneration.
 */
final class AnswerRepository {
  private static final String RECOMMENDATION = """
      SELECT id, day, content, status, model, input_tokens, output_tokens, context_activity_ids, created_at, basis, tool_calls
      FROM recommendations WHERE user_id = $1 AND day = $2""";
  private static final String SAVE_RECOMMENDATION = """
      INSERT INTO recommendations AS r (user_id, day, content, status, model, input_tokens, output_tokens, context_activity_ids,
                                        basis, tool_calls)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      ON CONFLICT (user_id, day) DO UPDATE SET content = EXCLUDED.content, status = EXCLUDED.status, model = EXCLUDED.model,
        input_tokens = EXCLUDED.input_tokens, output_tokens = EXCLUDED.output_tokens,
        context_activity_ids = EXCLUDED.context_activity_ids, basis = EXCLUDED.basis, tool_calls = EXCLUDED.tool_calls,
        created_at = now()
      WHERE EXCLUDED.status = 'complete' OR r.status <> 'complete'
      RETURNING id""";
  /** Ten years of weekly reports: the most the list returns. */
  static final int MAX_REPORTS_LISTED = 520;
  private static final String REPORTS = """
      SELECT id, week_start, summary, status, model, input_tokens, output_tokens, context_activity_ids, metrics, generated_at,
        basis, tool_calls
      FROM weekly_reports WHERE user_id = $1 ORDER BY week_start DESC LIMIT\s""" + MAX_REPORTS_LISTED;
  private static final String REPORT = """
      SELECT id, week_start, summary, status, model, input_tokens, output_tokens, context_activity_ids, metrics, generated_at,
        basis, tool_calls
      FROM weekly_reports WHERE user_id = $1 AND week_start = $2""";
  private static final String SAVE_REPORT = """
      INSERT INTO weekly_reports AS w (user_id, week_start, summary, status, model, input_tokens, output_tokens,
                                       context_activity_ids, metrics, basis, tool_calls)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (user_id, week_start) DO UPDATE SET summary = EXCLUDED.summary, status = EXCLUDED.status,
        model = EXCLUDED.model, input_tokens = EXCLUDED.input_tokens, output_tokens = EXCLUDED.output_tokens,
        context_activity_ids = EXCLUDED.context_activity_ids, metrics = EXCLUDED.metrics, basis = EXCLUDED.basis,
        tool_calls = EXCLUDED.tool_calls,
        generated_at = now()
      WHERE EXCLUDED.status = 'complete' OR w.status <> 'complete'
      RETURNING id""";
  private static final String INSIGHT = """
      SELECT activity_id AS id, NULL::date AS day, content, status, model, input_tokens, output_tokens, created_at, data_hash,
        basis, context_activity_ids, tool_calls
      FROM activity_insights WHERE user_id = $1 AND activity_id = $2""";
  private static final String SAVE_INSIGHT = """
      INSERT INTO activity_insights AS i (activity_id, user_id, data_hash, content, status, model, input_tokens, output_tokens,
                                          basis, context_activity_ids, tool_calls)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (activity_id) DO UPDATE SET data_hash = EXCLUDED.data_hash, content = EXCLUDED.content,
        status = EXCLUDED.status, model = EXCLUDED.model, input_tokens = EXCLUDED.input_tokens,
        output_tokens = EXCLUDED.output_tokens, basis = EXCLUDED.basis, context_activity_ids = EXCLUDED.context_activity_ids,
        tool_calls = EXCLUDED.tool_calls, created_at = now()
      WHERE EXCLUDED.status = 'complete' OR i.status <> 'complete'
      RETURNING activity_id AS id""";
  private static final String ABANDONED = """
      UPDATE recommendations SET status = 'interrupted' WHERE status = 'streaming';
      UPDATE weekly_reports SET status = 'interrupted' WHERE status = 'streaming';
      UPDATE activity_insights SET status = 'interrupted' WHERE status = 'streaming'""";

  /** An insight with the hash of the activity data it was written from. */
  record Insight(BasisService.Stamped answer, String dataHash) {
  }

  /** A finished answer to store, with what it was based on. */
  record Answer(String content, String status, String model, long inputTokens, long outputTokens, List<UUID> contextIds,
                StoredBasis basis, io.vertx.core.json.JsonArray toolCalls) {
    Object toolCallsColumn() {
      return toolCalls == null || toolCalls.isEmpty() ? null : toolCalls;
    }
  }

  private final Pool pool;

  AnswerRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Optional<BasisService.Stamped>> recommendation(UUID userId, LocalDate day) {
    return pool.preparedQuery(RECOMMENDATION).execute(Tuple.of(userId, day))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next(), "day", "content", null)));
  }

  /** Stores the answer; returns its id, or empty when a complete answer was kept instead of a failed one. */
  Future<Optional<UUID>> saveRecommendation(UUID userId, LocalDate day, Answer a) {
    return pool.preparedQuery(SAVE_RECOMMENDATION).execute(Tuple.wrap(new Object[] {userId, day, a.content(), a.status(),
        a.model(), (int) a.inputTokens(), (int) a.outputTokens(), a.contextIds().toArray(UUID[]::new), json(a.basis()),
        a.toolCallsColumn()}))
        .map(AnswerRepository::id);
  }

  Future<List<BasisService.Stamped>> reports(UUID userId) {
    return pool.preparedQuery(REPORTS).execute(Tuple.of(userId)).map(rows -> {
      List<BasisService.Stamped> list = new ArrayList<>();
      rows.forEach(r -> list.add(view(r, "week_start", "summary", "metrics")));
      return list;
    });
  }

  Future<Optional<BasisService.Stamped>> report(UUID userId, LocalDate weekStart) {
    return pool.preparedQuery(REPORT).execute(Tuple.of(userId, weekStart)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(view(rows.iterator().next(), "week_start", "summary", "metrics")));
  }

  Future<Optional<UUID>> saveReport(UUID userId, LocalDate weekStart, JsonObject metrics, Answer a) {
    return pool.preparedQuery(SAVE_REPORT).execute(Tuple.wrap(new Object[] {userId, weekStart, a.content(), a.status(),
        a.model(), (int) a.inputTokens(), (int) a.outputTokens(), a.contextIds().toArray(UUID[]::new), metrics,
        json(a.basis()), a.toolCallsColumn()}))
        .map(AnswerRepository::id);
  }

  Future<Optional<Insight>> insight(UUID userId, UUID activityId) {
    return pool.preparedQuery(INSIGHT).execute(Tuple.of(userId, activityId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Insight(view(r, "day", "content", null), r.getString("data_hash")));
    });
  }

  Future<Optional<UUID>> saveInsight(UUID userId, UUID activityId, String dataHash, Answer a) {
    return pool.preparedQuery(SAVE_INSIGHT).execute(Tuple.wrap(new Object[] {activityId, userId, dataHash, a.content(),
        a.status(), a.model(), (int) a.inputTokens(), (int) a.outputTokens(), json(a.basis()),
        a.contextIds().toArray(UUID[]::new), a.toolCallsColumn()})).map(AnswerRepository::id);
  }

  Future<Void> markAbandoned() {
    return pool.query(ABANDONED).execute().mapEmpty();
  }

  private static Optional<UUID> id(io.vertx.sqlclient.RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id"));
  }

  private static JsonObject json(StoredBasis basis) {
    return basis == null ? null : basis.toJson();
  }

  /** A stored answer, not yet judged against the current state. */
  private static BasisService.Stamped view(Row r, String dateColumn, String contentColumn, String metricsColumn) {
    UUID[] ids = r.getColumnIndex("context_activity_ids") >= 0 ? r.getArrayOfUUIDs("context_activity_ids") : null;
    String createdColumn = r.getColumnIndex("generated_at") >= 0 ? "generated_at" : "created_at";
    Object metrics = metricsColumn == null ? null : r.getValue(metricsColumn);
    return new BasisService.Stamped(new AnswerView(r.getUUID("id"), r.getLocalDate(dateColumn), r.getString(contentColumn), r.getString("status"),
        r.getString("model"), r.getInteger("input_tokens"), r.getInteger("output_tokens"),
        ids == null ? List.of() : Arrays.asList(ids), metrics instanceof JsonObject j ? j.getMap() : null,
        r.getOffsetDateTime(createdColumn).toInstant(), null, false, List.of(),
        r.getColumnIndex("tool_calls") >= 0 ? ToolTrace.fromJson(r.getValue("tool_calls")) : List.of()),
        StoredBasis.fromJson(r.getValue("basis") instanceof JsonObject j ? j : null));
  }
}
