package fitcoach.usage;

import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import fitcoach.app.Json;
import fitcoach.app.JsonFields;
import fitcoach.auth.AuthHandler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The cost ledger under /api/ai: a month's usage by feature or model, the price table and the monthly budgets. A
 * request that fails validation stores nothing.
 */
public final class UsageRoutes {
  static final int MAX_PRICES = 100;
  static final int MAX_MODEL_CHARS = 200;
  static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1000);
  static final BigDecimal MAX_BUDGET = BigDecimal.valueOf(100_000);
  private static final List<String> PROVIDERS = List.of("anthropic", "openai");
  private static final List<String> PRICE_FIELDS = List.of("input", "output", "cacheWrite", "cacheRead");

  private final AiLedger ledger;
  private final AuthHandler requireUser;

  public UsageRoutes(AiLedger ledger, AuthHandler requireUser) {
    this.ledger = ledger;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    for (String path : List.of("/api/ai/usage", "/api/ai/prices", "/api/ai/budgets")) {
      router.route(path).handler(requireUser);
    }
    router.get("/api/ai/usage").handler(this::usage);
    router.get("/api/ai/prices").handler(ctx -> ledger.prices(userId(ctx)).onSuccess(p -> Json.ok(ctx, p))
        .onFailure(ctx::fail));
    router.put("/api/ai/prices").handler(this::putPrices);
    router.get("/api/ai/budgets").handler(ctx -> ledger.states(userId(ctx))
        .onSuccess(list -> Json.ok(ctx, Map.of("providers", list))).onFailure(ctx::fail));
    router.put("/api/ai/budgets").handler(this::putBudgets);
  }

  private void usage(RoutingContext ctx) {
    UsageBy by = by(ctx.queryParams().get("by"));
    YearMonth month = month(ctx.queryParams().get("month"));
    ledger.report(userId(ctx), by, month).onSuccess(r -> Json.ok(ctx, r)).onFailure(ctx::fail);
  }

  /** {@code feature} (the default) or {@code model}; anything else is a 422 naming {@code by}. */
  static UsageBy by(String value) {
    if (value == null || value.isBlank()) {
      return UsageBy.FEATURE;
    }
    for (UsageBy b : UsageBy.values()) {
      if (b.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return b;
      }
    }
    throw ApiException.invalid("by", "invalid_value", "'by' must be feature or model");
  }

  /** A month as YYYY-MM inside the {@link DateWindow}, or null (the current month); anything else is a 422 naming {@code month}. */
  static YearMonth month(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    YearMonth month;
    try {
      month = value.trim().matches("\\d{4}-\\d{2}") ? YearMonth.parse(value.trim()) : null;
    } catch (DateTimeParseException e) {
      month = null;
    }
    if (month == null) {
      throw ApiException.invalid("month", "invalid_value", "'month' must be a month like 2026-11");
    }
    if (!DateWindow.contains(month.atDay(1))) {
      throw ApiException.invalid("month", "out_of_range", "'month' must be a month from " + DateWindow.describe());
    }
    return month;
  }

  /** {@code {"prices": [{model, input, output, cacheWrite, cacheRead}, ...]}} replaces the athlete's own prices. */
  private void putPrices(RoutingContext ctx) {
    List<PriceTable.OwnPrice> prices = prices(Json.body(ctx));
    ledger.savePrices(userId(ctx), prices).onSuccess(p -> Json.ok(ctx, p)).onFailure(ctx::fail);
  }

  static List<PriceTable.OwnPrice> prices(JsonObject body) {
    new JsonFields(body, "prices"); // refuses any other key
    Object raw = body.getValue("prices");
    if (!(raw instanceof JsonArray list)) {
      throw ApiException.invalid("prices", "invalid_type", "'prices' must be a list of prices");
    }
    if (list.size() > MAX_PRICES) {
      throw ApiException.invalid("prices", "too_many", "At most " + MAX_PRICES + " prices");
    }
    List<PriceTable.OwnPrice> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "prices[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject entry)) {
        throw ApiException.invalid(at, "invalid_type", "Each price is an object {model, input, output, cacheWrite, cacheRead}");
      }
      for (String key : entry.fieldNames()) {
        if (!key.equals("model") && !PRICE_FIELDS.contains(key)) {
          throw ApiException.invalid(at + "." + key, "unknown_field", "Unknown field '" + key + "'");
        }
      }
      String model = entry.getValue("model") instanceof String s ? s.strip() : null;
      if (model == null || model.isEmpty() || model.length() > MAX_MODEL_CHARS) {
        throw ApiException.invalid(at + ".model", "invalid_value",
            "Each price names a model id (or its beginning) of 1 to " + MAX_MODEL_CHARS + " characters");
      }
      if (!seen.add(model.toLowerCase(Locale.ROOT))) {
        throw ApiException.invalid(at + ".model", "duplicate", "'" + model + "' has two prices");
      }
      BigDecimal[] v = new BigDecimal[PRICE_FIELDS.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = price(entry.getValue(PRICE_FIELDS.get(k)), at + "." + PRICE_FIELDS.get(k));
      }
      out.add(new PriceTable.OwnPrice(model, new Price(v[0], v[1], v[2], v[3])));
    }
    return out;
  }

  private static BigDecimal price(Object value, String field) {
    BigDecimal n = number(value, field, "a price in US dollars per million tokens");
    if (n.signum() < 0 || n.compareTo(MAX_PRICE) > 0) {
      throw ApiException.invalid(field, "out_of_range", "'" + field + "' must be from 0 to " + MAX_PRICE
          + " US dollars per million tokens");
    }
    return n.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  /** {@code {"anthropic": 20, "openai": null}}: each provider named gets that budget (null: none); others keep theirs. */
  private void putBudgets(RoutingContext ctx) {
    Map<String, BigDecimal> changes = budgets(Json.body(ctx));
    ledger.saveBudgets(userId(ctx), changes).onSuccess(list -> Json.ok(ctx, Map.of("providers", list)))
        .onFailure(ctx::fail);
  }

  static Map<String, BigDecimal> budgets(JsonObject body) {
    new JsonFields(body, PROVIDERS.toArray(String[]::new)); // refuses any other key
    if (body.isEmpty()) {
      throw ApiException.invalid("anthropic", "required", "Name a provider's budget: anthropic or openai");
    }
    Map<String, BigDecimal> changes = new LinkedHashMap<>();
    for (String provider : PROVIDERS) {
      if (!body.containsKey(provider)) {
        continue;
      }
      Object value = body.getValue(provider);
      if (value == null) {
        changes.put(provider, null);
        continue;
      }
      BigDecimal n = number(value, provider, "a monthly budget in US dollars, or null for none").setScale(2, RoundingMode.HALF_UP);
      if (n.signum() <= 0 || n.compareTo(MAX_BUDGET) > 0) {
        throw ApiException.invalid(provider, "out_of_range", "A monthly budget is more than $0 and at most $"
            + MAX_BUDGET.toPlainString() + "; send null for none");
      }
      changes.put(provider, n);
    }
    return changes;
  }

  private static BigDecimal number(Object value, String field, String mustBe) {
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw ApiException.invalid(field, "invalid_type", "'" + field + "' must be " + mustBe);
    }
    return new BigDecimal(n.toString());
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }
}
