package fitcoach.usage;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger's SQL, in one place: the calls ({@code llm_calls}), the athlete's price overrides ({@code ai_prices}) and
 * monthly budgets ({@code ai_budgets}). A month is the athlete's calendar month in their profile's time zone, worked
 * out in the query itself so the budget check before every AI feature is one round trip.
 */
public final class UsageRepository {
  /**
   * The month ($2: its first day, or null for the month {@code $3} falls in) as an instant range in the athlete's zone.
   * $1 user. Reads the profile's time zone only (the settings feature owns the table).
   */
  private static final String MONTH = """
      WITH z AS (SELECT coalesce((SELECT time_zone FROM athlete_profiles WHERE user_id = $1), 'UTC') AS tz),
      m AS (SELECT coalesce($2::date, (date_trunc('month', $3::timestamptz AT TIME ZONE z.tz))::date) AS first, z.tz FROM z),
      b AS (SELECT m.first, m.first::timestamp AT TIME ZONE m.tz AS start,
                   (m.first + interval '1 month') AT TIME ZONE m.tz AS stop FROM m)
      """;
  /** Each provider's spend, calls and budget in the month; $4 one provider, or null for both. */
  private static final String STATES = MONTH + """
      SELECT to_char(b.first, 'YYYY-MM') AS month, p.provider, g.monthly_usd, coalesce(s.spent, 0) AS spent,
             s.calls, s.unpriced
      FROM b CROSS JOIN (VALUES ('anthropic'), ('openai')) AS p (provider)
      LEFT JOIN ai_budgets g ON g.user_id = $1 AND g.provider = p.provider
      CROSS JOIN LATERAL (
        SELECT sum(c.cost_usd) AS spent, count(*) AS calls, count(*) FILTER (WHERE c.cost_usd IS NULL) AS unpriced
        FROM llm_calls c
        WHERE c.user_id = $1 AND c.provider = p.provider AND c.created_at >= b.start AND c.created_at < b.stop) s
      WHERE $4::text IS NULL OR p.provider = $4
      ORDER BY p.provider""";
  private static final String TOTALS = """
      count(*) AS calls, sum(c.input_tokens) AS input_tokens, sum(c.output_tokens) AS output_tokens,
      sum(c.cache_write_tokens) AS cache_write_tokens, sum(c.cache_read_tokens) AS cache_read_tokens,
      sum(c.tool_rounds) AS tool_rounds, sum(c.cost_usd) AS cost_usd,
      count(*) FILTER (WHERE c.cost_usd IS NULL) AS unpriced
      FROM b JOIN llm_calls c ON c.user_id = $1 AND c.created_at >= b.start AND c.created_at < b.stop
      """;
  private static final String BY_FEATURE = MONTH + "SELECT c.feature AS key, NULL::text AS provider, " + TOTALS
      + "GROUP BY c.feature ORDER BY sum(c.cost_usd) DESC NULLS LAST, count(*) DESC, c.feature";
  private static final String BY_MODEL = MONTH + "SELECT c.model AS key, c.provider, " + TOTALS
      + "GROUP BY c.provider, c.model ORDER BY sum(c.cost_usd) DESC NULLS LAST, count(*) DESC, c.provider, c.model";
  private static final String MONTHLY = """
      SELECT to_char(date_trunc('month', created_at AT TIME ZONE
               coalesce((SELECT time_zone FROM athlete_profiles WHERE user_id = $1), 'UTC')), 'YYYY-MM') AS month,
             provider, model, count(*) AS calls, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens
      FROM llm_calls WHERE user_id = $1 GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3""";
  private static final String INSERT = """
      INSERT INTO llm_calls (user_id, feature, provider, model, status, input_tokens, output_tokens, cache_write_tokens,
                             cache_read_tokens, tool_rounds, first_token_ms, total_ms, cost_usd, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""";
  private static final String PRICE_COLUMNS = "model, input_usd, output_usd, cache_write_usd, cache_read_usd";
  private static final String PRICES = "SELECT " + PRICE_COLUMNS + " FROM ai_prices WHERE user_id = $1 ORDER BY model";
  /** The override whose model the call's model begins with, the longest first (what PriceTable.resolve picks). */
  private static final String MATCHING_PRICES = "SELECT " + PRICE_COLUMNS
      + " FROM ai_prices WHERE user_id = $1 AND starts_with(lower($2), lower(model))";
  private static final String DELETE_PRICES = "DELETE FROM ai_prices WHERE user_id = $1";
  private static final String INSERT_PRICE = "INSERT INTO ai_prices (user_id, " + PRICE_COLUMNS
      + ") VALUES ($1, $2, $3, $4, $5, $6)";
  private static final String UPSERT_BUDGET = """
      INSERT INTO ai_budgets (user_id, provider, monthly_usd) VALUES ($1, $2, $3)
      ON CONFLICT (user_id, provider) DO UPDATE SET monthly_usd = EXCLUDED.monthly_usd, updated_at = now()""";
  private static final String DELETE_BUDGET = "DELETE FROM ai_budgets WHERE user_id = $1 AND provider = $2";

  /** Every month's calls per model, as {@code GET /api/ai/usage} listed them before the ledger. */
  public record MonthlyUsage(String month, String provider, String model, long calls, long inputTokens, long outputTokens) {
  }

  private final Pool pool;

  public UsageRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Void> insert(UUID userId, LedgerEntry e, BigDecimal cost, Instant at) {
    return pool.preparedQuery(INSERT).execute(Tuple.wrap(new Object[] {userId, e.feature(), e.provider(), e.model(),
        e.status(), e.inputTokens(), e.outputTokens(), e.cacheWriteTokens(), e.cacheReadTokens(), e.toolRounds(),
        e.firstTokenMs() == null ? null : (int) Math.min(Integer.MAX_VALUE, e.firstTokenMs()),
        (int) Math.min(Integer.MAX_VALUE, e.totalMs()), cost, at.atOffset(ZoneOffset.UTC)}))
        .mapEmpty();
  }

  /** Each provider's month ({@code first}: its first day, or null for the month {@code now} falls in). */
  Future<List<BudgetState>> states(UUID userId, LocalDate first, Instant now, String provider) {
    return pool.preparedQuery(STATES).execute(Tuple.of(userId, first, now.atOffset(ZoneOffset.UTC), provider))
        .map(rows -> {
          List<BudgetState> list = new ArrayList<>();
          for (Row r : rows) {
            list.add(BudgetState.of(r.getString("provider"), r.getString("month"), r.getBigDecimal("spent"),
                r.getBigDecimal("monthly_usd"), r.getLong("calls"), r.getLong("unpriced")));
          }
          return list;
        });
  }

  Future<List<UsageRow>> rows(UUID userId, boolean byModel, LocalDate first, Instant now) {
    return pool.preparedQuery(byModel ? BY_MODEL : BY_FEATURE)
        .execute(Tuple.of(userId, first, now.atOffset(ZoneOffset.UTC))).map(rows -> {
          List<UsageRow> list = new ArrayList<>();
          for (Row r : rows) {
            list.add(new UsageRow(r.getString("key"), r.getString("provider"), r.getLong("calls"),
                whole(r, "input_tokens"), whole(r, "output_tokens"), whole(r, "cache_write_tokens"),
                whole(r, "cache_read_tokens"), whole(r, "tool_rounds"), r.getBigDecimal("cost_usd"), r.getLong("unpriced")));
          }
          return list;
        });
  }

  Future<List<MonthlyUsage>> monthly(UUID userId) {
    return pool.preparedQuery(MONTHLY).execute(Tuple.of(userId)).map(rows -> {
      List<MonthlyUsage> list = new ArrayList<>();
      rows.forEach(r -> list.add(new MonthlyUsage(r.getString("month"), r.getString("provider"), r.getString("model"),
          r.getLong("calls"), whole(r, "input_tokens"), whole(r, "output_tokens"))));
      return list;
    });
  }

  Future<List<PriceTable.OwnPrice>> prices(UUID userId) {
    return pool.preparedQuery(PRICES).execute(Tuple.of(userId)).map(UsageRepository::prices);
  }

  /** The overrides that could price {@code model} (each is a prefix of it). */
  Future<List<PriceTable.OwnPrice>> pricesMatching(UUID userId, String model) {
    return pool.preparedQuery(MATCHING_PRICES).execute(Tuple.of(userId, model)).map(UsageRepository::prices);
  }

  /** Replaces the athlete's overrides with {@code prices}, all or nothing. */
  Future<Void> replacePrices(UUID userId, List<PriceTable.OwnPrice> prices) {
    return pool.withTransaction(tx -> tx.preparedQuery(DELETE_PRICES).execute(Tuple.of(userId)).compose(v -> {
      if (prices.isEmpty()) {
        return Future.succeededFuture();
      }
      List<Tuple> batch = new ArrayList<>();
      for (PriceTable.OwnPrice p : prices) {
        batch.add(Tuple.wrap(new Object[] {userId, p.model(), p.price().input(), p.price().output(),
            p.price().cacheWrite(), p.price().cacheRead()}));
      }
      return tx.preparedQuery(INSERT_PRICE).executeBatch(batch).mapEmpty();
    }).mapEmpty());
  }

  /** Sets ({@code value}) or removes ({@code null}) each provider's budget in {@code changes}, all or nothing. */
  Future<Void> saveBudgets(UUID userId, Map<String, BigDecimal> changes) {
    return pool.withTransaction(tx -> {
      Future<Void> chain = Future.succeededFuture();
      for (Map.Entry<String, BigDecimal> c : changes.entrySet()) {
        chain = chain.compose(v -> budget(tx, userId, c.getKey(), c.getValue()));
      }
      return chain;
    });
  }

  private static Future<Void> budget(SqlClient tx, UUID userId, String provider, BigDecimal value) {
    return (value == null ? tx.preparedQuery(DELETE_BUDGET).execute(Tuple.of(userId, provider))
        : tx.preparedQuery(UPSERT_BUDGET).execute(Tuple.of(userId, provider, value))).mapEmpty();
  }

  private static List<PriceTable.OwnPrice> prices(io.vertx.sqlclient.RowSet<Row> rows) {
    List<PriceTable.OwnPrice> list = new ArrayList<>();
    for (Row r : rows) {
      list.add(new PriceTable.OwnPrice(r.getString("model"), new Price(r.getBigDecimal("input_usd"),
          r.getBigDecimal("output_usd"), r.getBigDecimal("cache_write_usd"), r.getBigDecimal("cache_read_usd"))));
    }
    return list;
  }

  /** A sum of whole numbers (numeric in PostgreSQL), 0 when there was nothing to sum. */
  private static long whole(Row r, String column) {
    Object v = r.getValue(column);
    return v == null ? 0 : ((Number) v).longValue();
  }
}
