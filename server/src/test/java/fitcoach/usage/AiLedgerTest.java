package fitcoach.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fitcoach.app.ApiException;
import fitcoach.app.Db;
import fitcoach.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ledger against the real database: costs, months in the athlete's time zone, reports and budgets. */
class AiLedgerTest {
  private static final Instant MID_DECEMBER = Instant.parse("2026-12-15T12:00:00Z");
  private Vertx vertx;
  private Pool pool;
  private UUID userId;
  private SetClock clock;
  private AiLedger ledger;

  @BeforeEach
  void setUp() {
    TestDatabase.truncateAll();
    vertx = Vertx.vertx();
    pool = Db.pool(vertx, TestDatabase.url());
    userId = TestDatabase.query("INSERT INTO users (email, password_hash) VALUES ('a@example.com', 'x') RETURNING id",
        rs -> {
          rs.next();
          return (UUID) rs.getObject(1);
        });
    clock = new SetClock(MID_DECEMBER);
    ledger = new AiLedger(pool, clock);
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  @Test
  @DisplayName("A call is stored with its feature, tokens by kind, rounds, latency and its cost at the default price")
  void recordsWithDefaultPrice() throws Exception {
    await(ledger.record(userId, new LedgerEntry("chat", "anthropic", "claude-sonnet-4-5-20250929", "complete", 1_000, 500,
        10_000, 200_000, 2, 850L, 4_200)));
    Map<String, Object> row = TestDatabase.query("""
        SELECT feature, provider, model, status, input_tokens, output_tokens, cache_write_tokens, cache_read_tokens,
               tool_rounds, first_token_ms, total_ms, cost_usd FROM llm_calls""", rs -> {
          rs.next();
          java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            m.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
          }
          return m;
        });
    assertThat(row).containsEntry("feature", "chat").containsEntry("provider", "anthropic")
        .containsEntry("status", "complete").containsEntry("input_tokens", 1_000L).containsEntry("output_tokens", 500L)
        .containsEntry("cache_write_tokens", 10_000L).containsEntry("cache_read_tokens", 200_000L)
        .containsEntry("tool_rounds", 2).containsEntry("first_token_ms", 850).containsEntry("total_ms", 4_200);
    // 1000 × $3 + 500 × $15 + 10000 × $3.75 + 200000 × $0.30 per million
    assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.108");
  }

  @Test
  @DisplayName("A model with no known price is stored with a NULL cost, a local model at 0, and the athlete's price wins")
  void unknownLocalAndOverride() throws Exception {
    await(ledger.record(userId, entry("chat", "anthropic", "claude-mythos-5", 1_000_000, 0)));
    await(ledger.record(userId, entry("chat", "openai", "llama3.2:latest", 1_000_000, 1_000_000)));
    await(ledger.savePrices(userId, List.of(new PriceTable.OwnPrice("claude-mythos", Price.of(20, 100, 25, 2)))));
    await(ledger.record(userId, entry("report", "anthropic", "claude-mythos-5", 1_000_000, 100_000)));

    List<BigDecimal> costs = TestDatabase.query("SELECT cost_usd FROM llm_calls ORDER BY id", rs -> {
      List<BigDecimal> list = new java.util.ArrayList<>();
      while (rs.next()) {
        list.add(rs.getBigDecimal(1));
      }
      return list;
    });
    assertThat(costs.get(0)).isNull();
    assertThat(costs.get(1)).isEqualByComparingTo("0");
    assertThat(costs.get(2)).isEqualByComparingTo("30"); // 1M × $20 + 0.1M × $100

    BudgetState state = await(ledger.state(userId, "anthropic"));
    assertThat(state.spentUsd()).isEqualByComparingTo("30");
    assertThat(state.calls()).isEqualTo(2);
    assertThat(state.unpricedCalls()).isEqualTo(1);
  }

  @Test
  @DisplayName("A month is the athlete's calendar month: in Auckland 23:30 on 30 November counts in November, 00:30 the next day in December")
  void monthInAthletesTimeZone() throws Exception {
    TestDatabase.query("INSERT INTO athlete_profiles (user_id, time_zone) VALUES (?, 'Pacific/Auckland')", rs -> null, userId);
    clock.set(Instant.parse("2026-11-30T10:30:00Z")); // 23:30 local (UTC+13), 30 November
    await(ledger.record(userId, entry("chat", "anthropic", "claude-sonnet-4-5", 1_000_000, 0)));
    clock.set(Instant.parse("2026-11-30T11:30:00Z")); // 00:30 local, 1 December
    await(ledger.record(userId, entry("insight", "anthropic", "claude-sonnet-4-5", 2_000_000, 0)));

    BudgetState december = await(ledger.state(userId, "anthropic"));
    assertThat(december.month()).isEqualTo("2026-12");
    assertThat(december.spentUsd()).isEqualByComparingTo("6");
    assertThat(december.calls()).isEqualTo(1);

    UsageReport november = await(ledger.report(userId, UsageBy.FEATURE, YearMonth.of(2026, 11)));
    assertThat(november.month()).isEqualTo("2026-11");
    assertThat(november.rows()).extracting(UsageRow::key).containsExactly("chat");
    assertThat(november.totals().costUsd()).isEqualByComparingTo("3");
    // The same instants in UTC would both be November.
    TestDatabase.query("UPDATE athlete_profiles SET time_zone = 'UTC'", rs -> null);
    assertThat(await(ledger.report(userId, UsageBy.FEATURE, YearMonth.of(2026, 11))).totals().calls()).isEqualTo(2);
  }

  @Test
  @DisplayName("A month by feature and by model sums calls, tokens by kind, tool rounds and cost, the costliest first")
  void aggregation() throws Exception {
    await(ledger.record(userId, new LedgerEntry("chat", "anthropic", "claude-sonnet-4-5", "complete", 100, 10, 1_000, 5_000, 2,
        300L, 900)));
    await(ledger.record(userId, new LedgerEntry("chat", "anthropic", "claude-haiku-4-5", "complete", 200, 20, 0, 0, 1, 200L,
        600)));
    await(ledger.record(userId, new LedgerEntry("title", "anthropic", "claude-haiku-4-5", "complete", 50, 5, 0, 0, 0, 100L,
        150)));
    await(ledger.record(userId, new LedgerEntry("report", "openai", "llama3.2", "error", 10, 0, 0, 0, 0, null, 50)));
    clock.set(Instant.parse("2026-11-20T12:00:00Z"));
    await(ledger.record(userId, entry("chat", "anthropic", "claude-sonnet-4-5", 9_999, 9_999))); // last month
    clock.set(MID_DECEMBER);

    UsageReport byFeature = await(ledger.report(userId, UsageBy.FEATURE, null));
    assertThat(byFeature.month()).isEqualTo("2026-12");
    assertThat(byFeature.by()).isEqualTo("feature");
    assertThat(byFeature.rows()).extracting(UsageRow::key).containsExactly("chat", "title", "report");
    UsageRow chat = byFeature.rows().get(0);
    assertThat(chat.calls()).isEqualTo(2);
    assertThat(chat.inputTokens()).isEqualTo(300);
    assertThat(chat.outputTokens()).isEqualTo(30);
    assertThat(chat.cacheWriteTokens()).isEqualTo(1_000);
    assertThat(chat.cacheReadTokens()).isEqualTo(5_000);
    assertThat(chat.toolRounds()).isEqualTo(3);
    // sonnet: 100×3 + 10×15 + 1000×3.75 + 5000×0.3 = 5700; haiku: 200×1 + 20×5 = 300 → 6000 per million
    assertThat(chat.costUsd()).isEqualByComparingTo("0.006");
    assertThat(byFeature.rows().get(2).costUsd()).isEqualByComparingTo("0"); // a local model
    assertThat(byFeature.totals().calls()).isEqualTo(4);
    assertThat(byFeature.totals().toolRounds()).isEqualTo(3);

    UsageReport byModel = await(ledger.report(userId, UsageBy.MODEL, YearMonth.of(2026, 12)));
    assertThat(byModel.rows()).extracting(r -> r.provider() + "/" + r.key())
        .containsExactly("anthropic/claude-sonnet-4-5", "anthropic/claude-haiku-4-5", "openai/llama3.2");
    assertThat(byModel.rows().get(1).calls()).isEqualTo(2);
    assertThat(byModel.rows().get(1).costUsd()).isEqualByComparingTo("0.000375"); // (200 + 50) × $1 + (20 + 5) × $5
    assertThat(byModel.providers()).extracting(BudgetState::provider).containsExactly("anthropic", "openai");
    assertThat(byModel.usage()).extracting(UsageRepository.MonthlyUsage::month).contains("2026-12", "2026-11");
  }

  @Test
  @DisplayName("At 80 % of a budget the state warns; at 100 % allow fails with a 409 naming the budget; the other provider goes on")
  void budgetWarningAndStop() throws Exception {
    await(ledger.saveBudgets(userId, Map.of("anthropic", new BigDecimal("1.00"))));
    await(ledger.record(userId, entry("chat", "anthropic", "claude-haiku-4-5", 790_000, 0))); // $0.79
    BudgetState s = await(ledger.state(userId, "anthropic"));
    assertThat(s.warning()).isFalse();
    assertThat(s.percent()).isEqualTo(79.0);
    await(ledger.allow(userId, "anthropic"));

    await(ledger.record(userId, entry("chat", "anthropic", "claude-haiku-4-5", 10_000, 0))); // $0.80
    s = await(ledger.state(userId, "anthropic"));
    assertThat(s.warning()).isTrue();
    assertThat(s.reached()).isFalse();
    await(ledger.allow(userId, "anthropic"));

    await(ledger.record(userId, entry("chat", "anthropic", "claude-haiku-4-5", 0, 41_000))); // + $0.205
    assertThatThrownBy(() -> await(ledger.allow(userId, "anthropic"))).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(409);
      assertThat(e.code()).isEqualTo("ai_budget_reached");
      assertThat(e.getMessage()).isEqualTo("Your monthly budget of $1.00 for Claude is spent ($1.01 this month). "
          + "Raise it in Settings → AI usage, or wait for next month.");
    });
    await(ledger.allow(userId, "openai"));

    // Next month starts from nothing; raising the budget or removing it lets the feature run again.
    clock.set(Instant.parse("2027-01-01T00:00:01Z"));
    await(ledger.allow(userId, "anthropic"));
    clock.set(MID_DECEMBER);
    java.util.HashMap<String, BigDecimal> none = new java.util.HashMap<>();
    none.put("anthropic", null);
    await(ledger.saveBudgets(userId, none));
    await(ledger.allow(userId, "anthropic"));
    assertThat(await(ledger.state(userId, "anthropic")).budgetUsd()).isNull();
  }

  @Test
  @DisplayName("Another athlete's calls, prices and budgets are never counted")
  void otherAthlete() throws Exception {
    TestDatabase.query("DROP INDEX users_single_account", rs -> null);
    try {
      UUID other = TestDatabase.query("INSERT INTO users (email, password_hash) VALUES ('b@example.com', 'x') RETURNING id",
          rs -> {
            rs.next();
            return (UUID) rs.getObject(1);
          });
      await(ledger.saveBudgets(other, Map.of("anthropic", new BigDecimal("0.01"))));
      await(ledger.savePrices(other, List.of(new PriceTable.OwnPrice("claude", Price.of(999, 999, 999, 999)))));
      await(ledger.record(other, entry("chat", "anthropic", "claude-sonnet-4-5", 1_000_000, 1_000_000)));
      await(ledger.record(userId, entry("chat", "anthropic", "claude-sonnet-4-5", 1_000_000, 0)));

      BudgetState mine = await(ledger.state(userId, "anthropic"));
      assertThat(mine.calls()).isEqualTo(1);
      assertThat(mine.spentUsd()).isEqualByComparingTo("3");
      assertThat(mine.budgetUsd()).isNull();
      await(ledger.allow(userId, "anthropic"));
      assertThat(await(ledger.report(userId, UsageBy.MODEL, null)).totals().calls()).isEqualTo(1);
      assertThat(await(ledger.report(userId, UsageBy.MODEL, null)).usage()).hasSize(1);
      assertThat(await(ledger.prices(userId)).overrides()).isEmpty();
      assertThatThrownBy(() -> await(ledger.allow(other, "anthropic"))).isInstanceOf(ApiException.class);
    } finally {
      TestDatabase.query("DELETE FROM users WHERE email = 'b@example.com'", rs -> null);
      TestDatabase.query("CREATE UNIQUE INDEX users_single_account ON users ((true))", rs -> null);
    }
  }

  private static LedgerEntry entry(String feature, String provider, String model, long in, long out) {
    return new LedgerEntry(feature, provider, model, "complete", in, out, 0, 0, 0, 100L, 1_000);
  }

  private static <T> T await(Future<T> f) throws Exception {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  /** A clock tests set to any instant. */
  private static final class SetClock extends Clock {
    private volatile Instant now;

    SetClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
