package fitcoach.coach;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for chat sessions and their messages; every statement is scoped to the signed-in athlete. */
final class ChatRepository {
  static final String DEFAULT_TITLE = "New chat";
  /** The most recent sessions listed; older ones stay stored (and readable by id). */
  static final int MAX_SESSIONS_LISTED = 200;
  /** The most recent messages of a session returned (and read for its history): a list never grows without bound. */
  static final int MAX_MESSAGES_LISTED = 500;
  private static final String LIST = """
      SELECT id, title, created_at, updated_at FROM chat_sessions WHERE user_id = $1 ORDER BY updated_at DESC, id
      LIMIT\s""" + MAX_SESSIONS_LISTED;
  private static final String FIND = "SELECT id, title, created_at, updated_at FROM chat_sessions WHERE user_id = $1 AND id = $2";
  private static final String CREATE = """
      INSERT INTO chat_sessions (user_id, title) VALUES ($1, $2) RETURNING id, title, created_at, updated_at""";
  private static final String RENAME = """
      UPDATE chat_sessions SET title = $3, updated_at = now() WHERE user_id = $1 AND id = $2
      RETURNING id, title, created_at, updated_at""";
  private static final String DELETE = "DELETE FROM chat_sessions WHERE user_id = $1 AND id = $2";
  private static final String MESSAGES = """
      SELECT * FROM (
        SELECT seq, id, role, content, status, model, input_tokens, output_tokens, context_activity_ids, created_at, basis,
          tool_calls
        FROM chat_messages WHERE user_id = $1 AND session_id = $2 ORDER BY seq DESC LIMIT\s""" + MAX_MESSAGES_LISTED + """
      ) latest ORDER BY seq""";
  private static final String INSERT_TURN = """
      INSERT INTO chat_messages (session_id, user_id, role, content, status, provider, model, context_activity_ids, basis)
      VALUES ($1, $2, 'user', $3, 'complete', NULL, NULL, NULL, NULL),
             ($1, $2, 'assistant', '', 'streaming', $4, $5, $6, $7)
      RETURNING id, role""";
  /** A failed or interrupted answer, written again in place (so it keeps its position after its question). */
  private static final String RESTART = """
      UPDATE chat_messages SET content = '', status = 'streaming', provider = $3, model = $4, context_activity_ids = $5,
        basis = $6, input_tokens = NULL, output_tokens = NULL, tool_calls = NULL
      WHERE user_id = $1 AND id = $2 AND role = 'assistant' AND status IN ('error', 'interrupted')""";
  private static final String TOUCH = "UPDATE chat_sessions SET updated_at = now() WHERE id = $1";
  private static final String FINISH = """
      UPDATE chat_messages SET content = $2, status = $3, model = $4, input_tokens = $5, output_tokens = $6,
        context_activity_ids = $7, tool_calls = $8
      WHERE id = $1""";
  private static final String TITLE = """
      UPDATE chat_sessions SET title = $3 WHERE user_id = $1 AND id = $2 AND title = '""" + DEFAULT_TITLE + "'";
  private static final String ABANDONED = "UPDATE chat_messages SET status = 'interrupted' WHERE status = 'streaming'";

  private final Pool pool;

  ChatRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<ChatSessionView>> sessions(UUID userId) {
    return pool.preparedQuery(LIST).execute(Tuple.of(userId)).map(rows -> {
      List<ChatSessionView> list = new ArrayList<>();
      rows.forEach(r -> list.add(session(r)));
      return list;
    });
  }

  Future<Optional<ChatSessionView>> session(UUID userId, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(userId, id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(session(rows.iterator().next())));
  }

  Future<ChatSessionView> create(UUID userId, String title) {
    return pool.preparedQuery(CREATE).execute(Tuple.of(userId, title)).map(rows -> session(rows.iterator().next()));
  }

  Future<Optional<ChatSessionView>> rename(UUID userId, UUID id, String title) {
    return pool.preparedQuery(RENAME).execute(Tuple.of(userId, id, title))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(session(rows.iterator().next())));
  }

  Future<Boolean> delete(UUID userId, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(userId, id)).map(rows -> rows.rowCount() > 0);
  }

  Future<List<ChatMessageView>> messages(UUID userId, UUID sessionId) {
    return pool.preparedQuery(MESSAGES).execute(Tuple.of(userId, sessionId)).map(rows -> {
      List<ChatMessageView> list = new ArrayList<>();
      rows.forEach(r -> list.add(message(r)));
      return list;
    });
  }

  /** Stores the athlete's message and an empty assistant answer to fill in; returns the answer's id. */
  Future<UUID> startTurn(UUID userId, UUID sessionId, String content, String provider, String model, List<UUID> contextIds,
                         AnswerBasis basis) {
    return pool.withTransaction(conn -> conn.preparedQuery(INSERT_TURN)
        .execute(Tuple.wrap(new Object[] {sessionId, userId, content, provider, model, contextIds.toArray(UUID[]::new),
            fitcoach.app.Json.toJsonObject(basis)}))
        .compose(rows -> {
          UUID answer = null;
          for (Row r : rows) {
            if ("assistant".equals(r.getString("role"))) {
              answer = r.getUUID("id");
            }
          }
          UUID id = answer;
          return conn.preparedQuery(TOUCH).execute(Tuple.of(sessionId)).map(v -> id);
        }));
  }

  /** Empties a failed answer to write it again; false when it is no longer failed (another retry got there first). */
  Future<Boolean> restartTurn(UUID userId, UUID answerId, String provider, String model, List<UUID> contextIds,
                              AnswerBasis basis) {
    return pool.preparedQuery(RESTART).execute(Tuple.wrap(new Object[] {userId, answerId, provider, model,
            contextIds.toArray(UUID[]::new), fitcoach.app.Json.toJsonObject(basis)}))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Fills the answer in: its text and outcome, every activity it was given (tools included) and its lookups. */
  Future<Void> finish(UUID messageId, String content, String status, String model, long inputTokens, long outputTokens,
                      List<UUID> contextIds, io.vertx.core.json.JsonArray toolCalls) {
    return pool.preparedQuery(FINISH).execute(Tuple.wrap(new Object[] {messageId, content, status, model, (int) inputTokens,
        (int) outputTokens, contextIds.toArray(UUID[]::new), toolCalls.isEmpty() ? null : toolCalls})).mapEmpty();
  }

  /** Names a session unless the athlete already renamed it. */
  Future<Boolean> title(UUID userId, UUID sessionId, String title) {
    return pool.preparedQuery(TITLE).execute(Tuple.of(userId, sessionId, title)).map(rows -> rows.rowCount() > 0);
  }

  /** Answers that were streaming when the server stopped can never finish. */
  Future<Integer> markAbandoned() {
    return pool.query(ABANDONED).execute().map(rows -> rows.rowCount());
  }

  private static ChatSessionView session(Row r) {
    return new ChatSessionView(r.getUUID("id"), r.getString("title"), r.getOffsetDateTime("created_at").toInstant(),
        r.getOffsetDateTime("updated_at").toInstant());
  }

  private static ChatMessageView message(Row r) {
    UUID[] ids = r.getArrayOfUUIDs("context_activity_ids");
    OffsetDateTime created = r.getOffsetDateTime("created_at");
    return new ChatMessageView(r.getUUID("id"), r.getString("role"), r.getString("content"), r.getString("status"),
        r.getString("model"), r.getInteger("input_tokens"), r.getInteger("output_tokens"),
        ids == null ? List.of() : Arrays.asList(ids), created.toInstant(), null, basis(r.getValue("basis")),
        ToolTrace.fromJson(r.getValue("tool_calls")));
  }

  private static AnswerBasis basis(Object stored) {
    if (!(stored instanceof io.vertx.core.json.JsonObject j)) {
      return null;
    }
    return new AnswerBasis(j.getLong("coachActivities", 0L), j.getLong("fileAndExport", 0L), j.getLong("stravaApi", 0L),
        j.getLong("keptOut", 0L), j.getBoolean("stravaApiAllowed", false));
  }
}
