package fitcoach.usage;

import fitcoach.app.ApiException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The cost ledger: records every model call with its estimated cost (see {@link PriceTable}), and keeps each
 * provider's monthly budget. {@link #allow} runs before an AI feature calls a model; once a budget is spent the
 * feature stops with a 409 naming it, while everything that needs no model (the rule-based advice) keeps working.
 */
public final class AiLedger {
  private final UsageRepository repo;
  private final Clock clock;

  public AiLedger(Pool pool) {
    this(pool, Clock.systemUTC());
  }

  /** {@code clock} says when a call happened and which month is current. */
  public AiLedger(Pool pool, Clock clock) {
    this.repo = new UsageRepository(pool);
    this.clock = clock;
  }

  /** Stores the call, costed at the athlete's price for its model, else the default, else NULL (no price known). */
  public Future<Void> record(UUID userId, LedgerEntry e) {
    return repo.pricesMatching(userId, e.model()).compose(own -> {
      BigDecimal cost = PriceTable.resolve(e.provider(), e.model(), own).map(r -> r.price().cost(e)).orElse(null);
      return repo.insert(userId, e, cost, clock.instant());
    });
  }

  /**
   * Succeeds while {@code provider}'s budget for this month is not spent (or there is none); at 100 % fails with a
   * 409 {@code ai_budget_reached} that names the budget, the amount spent and how to change it.
   */
  public Future<Void> allow(UUID userId, String provider) {
    return state(userId, provider).compose(s -> s.reached()
        ? Future.failedFuture(ApiException.conflict("ai_budget_reached", "Your monthly budget of " + dollars(s.budgetUsd())
            + " for " + name(provider) + " is spent (" + dollars(s.spentUsd()) + " this month). Raise it in Settings → "
            + "AI usage, or wait for next month."))
        : Future.succeededFuture());
  }

  /** {@code provider}'s month so far in the athlete's time zone. */
  public Future<BudgetState> state(UUID userId, String provider) {
    return repo.states(userId, null, clock.instant(), provider).map(list -> {
      if (list.isEmpty()) {
        throw new IllegalArgumentException("Unknown provider '" + provider + "'");
      }
      return list.get(0);
    });
  }

  /** Every provider's month so far. */
  public Future<List<BudgetState>> states(UUID userId) {
    return repo.states(userId, null, clock.instant(), null);
  }

  /** One month ({@code month} null: the current one) by feature or by model, with totals and each provider's state. */
  public Future<UsageReport> report(UUID userId, UsageBy by, YearMonth month) {
    java.time.LocalDate first = month == null ? null : month.atDay(1);
    java.time.Instant now = clock.instant();
    return Future.all(repo.rows(userId, by == UsageBy.MODEL, first, now), repo.states(userId, first, now, null),
        repo.monthly(userId)).map(all -> {
          List<UsageRow> rows = all.resultAt(0);
          List<BudgetState> states = all.resultAt(1);
          UsageRow totals = rows.stream().reduce(new UsageRow("total", null, 0, 0, 0, 0, 0, 0, null, 0),
              (a, b) -> a.plus(b));
          return new UsageReport(states.get(0).month(), by.id(), rows, totals, states, all.resultAt(2));
        });
  }

  /** The default price table and the athlete's own prices. */
  public Future<PricesView> prices(UUID userId) {
    return repo.prices(userId).map(PricesView::of);
  }

  /** Replaces the athlete's own prices (validated by the caller: see {@link UsageRoutes}). */
  public Future<PricesView> savePrices(UUID userId, List<PriceTable.OwnPrice> prices) {
    return repo.replacePrices(userId, prices).compose(v -> prices(userId));
  }

  /** Sets or removes ({@code null}) the budgets named in {@code changes}; returns every provider's state. */
  public Future<List<BudgetState>> saveBudgets(UUID userId, Map<String, BigDecimal> changes) {
    return repo.saveBudgets(userId, changes).compose(v -> states(userId));
  }

  static String dollars(BigDecimal amount) {
    return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** How Settings names the provider. */
  static String name(String provider) {
    return "anthropic".equals(provider) ? "Claude" : "the OpenAI-compatible server";
  }
}
