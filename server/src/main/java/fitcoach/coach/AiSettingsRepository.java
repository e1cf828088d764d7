package fitcoach.coach;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** SQL for ai_settings and ai_tools_rejected. */
final class AiSettingsRepository {
  private static final String FIND = "SELECT provider, model, fast_model, updated_at FROM ai_settings WHERE user_id = $1";
  private static final String SAVE = """
      INSERT INTO ai_settings (user_id, provider, model, fast_model) VALUES ($1, $2, $3, $4)
      ON CONFLICT (user_id) DO UPDATE SET provider = EXCLUDED.provider, model = EXCLUDED.model,
        fast_model = EXCLUDED.fast_model, updated_at = now()
      RETURNING provider, model, fast_model, updated_at""";

  private static final String TOOLS_REJECTED = """
      SELECT 1 FROM ai_tools_rejected WHERE user_id = $1 AND provider = $2 AND model = $3""";
  private static final String REJECT_TOOLS = """
      INSERT INTO ai_tools_rejected (user_id, provider, model) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING""";

  private final Pool pool;

  AiSettingsRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Optional<AiSettings>> find(UUID userId) {
    return pool.preparedQuery(FIND).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
  }

  Future<AiSettings> save(UUID userId, String provider, String model, String fastModel) {
    return pool.preparedQuery(SAVE).execute(Tuple.of(userId, provider, model, fastModel)).map(rows -> map(rows.iterator().next()));
  }

  /** Whether this provider's model refused tools for the athlete before. */
  Future<Boolean> toolsRejected(UUID userId, String provider, String model) {
    return pool.preparedQuery(TOOLS_REJECTED).execute(Tuple.of(userId, provider, model)).map(rows -> rows.size() > 0);
  }

  /** Remembers that the model refused tools, so later answers use the fixed context at once. */
  Future<Void> rejectTools(UUID userId, String provider, String model) {
    return pool.preparedQuery(REJECT_TOOLS).execute(Tuple.of(userId, provider, model)).mapEmpty();
  }

  private static AiSettings map(Row r) {
    return new AiSettings(r.getString("provider"), r.getString("model"), r.getString("fast_model"),
        r.getOffsetDateTime("updated_at").toInstant());
  }
}
