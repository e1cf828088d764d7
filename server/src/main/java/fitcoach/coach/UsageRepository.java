package fitcoach.coach;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for the token usage each model call reported, summed per model and month for {@code GET /api/ai/usage}. */
final class UsageRepository {
  private static final String INSERT = """
      INSERT INTO llm_calls (user_id, purpose, provider, model, status, input_tokens, output_tokens)
      VALUES ($1, $2, $3, $4, $5, $6, $7)""";
  private static final String MONTHLY = """
      SELECT to_char(date_trunc('month', created_at AT TIME ZONE $2), 'YYYY-MM') AS month, provider, model,
             count(*) AS calls, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens
      FROM llm_calls WHERE user_id = $1 GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3""";

  public record MonthlyUsage(String month, String provider, String model, long calls, long inputTokens, long outputTokens) {
  }

  private final Pool pool;

  UsageRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Void> record(UUID userId, String purpose, String provider, String model, String status, long in, long out) {
    return pool.preparedQuery(INSERT).execute(Tuple.wrap(new Object[] {userId, purpose, provider, model, status, (int) in, (int) out}))
        .mapEmpty();
  }

  Future<List<MonthlyUsage>> monthly(UUID userId, String timeZone) {
    return pool.preparedQuery(MONTHLY).execute(Tuple.of(userId, timeZone)).map(rows -> {
      List<MonthlyUsage> list = new ArrayList<>();
      rows.forEach(r -> list.add(new MonthlyUsage(r.getString("month"), r.getString("provider"), r.getString("model"),
          r.getLong("calls"), r.getNumeric("input_tokens").longValue(), r.getNumeric("output_tokens").longValue())));
      return list;
    });
  }
}
