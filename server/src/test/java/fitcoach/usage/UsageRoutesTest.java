package fitcoach.usage;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ledger's routes: the month's usage, the price table and the budgets, with their validation. */
class UsageRoutesTest extends ApiTest {

  @BeforeEach
  void signIn() {
    signedIn();
  }

  @Test
  @DisplayName("Signed out, the usage, prices and budgets are refused")
  void signedOut() {
    TestClient anonymous = new TestClient(app.port());
    assertThat(anonymous.get("/api/ai/usage").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/ai/prices").status()).isEqualTo(401);
    assertThat(anonymous.put("/api/ai/budgets", new JsonObject().put("anthropic", 5)).status()).isEqualTo(401);
    assertThat(TestDatabase.count("SELECT count(*) FROM ai_budgets")).isZero();
  }

  @Test
  @DisplayName("GET /api/ai/usage: this month by feature by default, by model on request, with totals, both providers and the per-month list")
  void usage() {
    String month = YearMonth.now(ZoneOffset.UTC).toString();
    call("chat", "anthropic", "claude-sonnet-4-5", 1000, 100, "0.0045", "now()");
    call("chat", "anthropic", "claude-haiku-4-5", 2000, 10, "0.00205", "now()");
    call("title", "openai", "llama3.2", 50, 5, "0", "now()");
    call("chat", "anthropic", "claude-sonnet-4-5", 9, 9, "1", "date_trunc('month', now()) - interval '20 days'");

    JsonObject body = client.get("/api/ai/usage").json();
    assertThat(body.getString("month")).isEqualTo(month);
    assertThat(body.getString("by")).isEqualTo("feature");
    JsonArray rows = body.getJsonArray("rows");
    assertThat(rows).hasSize(2);
    assertThat(rows.getJsonObject(0).getString("key")).isEqualTo("chat");
    assertThat(rows.getJsonObject(0).getLong("calls")).isEqualTo(2);
    assertThat(rows.getJsonObject(0).getLong("inputTokens")).isEqualTo(3000);
    assertThat(rows.getJsonObject(0).getDouble("costUsd")).isEqualTo(0.00655);
    assertThat(body.getJsonObject("totals").getLong("calls")).isEqualTo(3);
    JsonObject anthropic = body.getJsonArray("providers").getJsonObject(0);
    assertThat(anthropic.getString("provider")).isEqualTo("anthropic");
    assertThat(anthropic.getDouble("spentUsd")).isEqualTo(0.00655);
    assertThat(anthropic.getValue("budgetUsd")).isNull();
    // What Settings listed before the ledger: every month by model.
    assertThat(body.getJsonArray("usage").size()).isEqualTo(4);

    JsonObject byModel = client.get("/api/ai/usage?by=model&month=" + month).json();
    assertThat(byModel.getJsonArray("rows").stream().map(r -> ((JsonObject) r).getString("provider") + "/"
        + ((JsonObject) r).getString("key")).toList())
        .containsExactly("anthropic/claude-sonnet-4-5", "anthropic/claude-haiku-4-5", "openai/llama3.2");
    JsonObject last = client.get("/api/ai/usage?month=" + YearMonth.now(ZoneOffset.UTC).minusMonths(1)).json();
    assertThat(last.getJsonObject("totals").getLong("calls")).isEqualTo(1);
    assertThat(last.getJsonObject("totals").getDouble("costUsd")).isEqualTo(1.0);
    assertThat(last.getJsonArray("providers").getJsonObject(0).getDouble("spentUsd")).isEqualTo(1.0);
  }

  @Test
  @DisplayName("A month that is not YYYY-MM or lies outside the accepted dates, or an unknown grouping, is a 422 naming the parameter")
  void usageValidation() {
    for (String query : new String[] {"by=cost", "by=", "month=2026-13", "month=2026-1", "month=abc", "month=1969-12",
        "month=2999-01", "month=2026-11-01"}) {
      TestClient.Response r = client.get("/api/ai/usage?" + query);
      if (query.equals("by=")) {
        assertThat(r.status()).as(query).isEqualTo(200); // empty: the default
        continue;
      }
      assertThat(r.status()).as(query).isEqualTo(422);
      assertThat(r.json().getJsonObject("error").getString("field")).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
    }
  }

  @Test
  @DisplayName("PUT /api/ai/prices replaces the athlete's prices; the defaults stay listed; a bad list stores nothing")
  void prices() {
    JsonObject saved = client.put("/api/ai/prices", new JsonObject().put("prices", new JsonArray()
        .add(price("claude-mythos", 20, 100, 25, 2)).add(price("llama3", 0, 0, 0, 0)))).json();
    assertThat(saved.getJsonArray("overrides").stream().map(o -> ((JsonObject) o).getString("model")).toList())
        .containsExactly("claude-mythos", "llama3");
    assertThat(saved.getJsonArray("overrides").getJsonObject(0).getDouble("output")).isEqualTo(100.0);
    JsonObject listed = client.get("/api/ai/prices").json();
    assertThat(listed.getJsonArray("defaults").stream().map(d -> ((JsonObject) d).getString("model")))
        .contains("claude-sonnet-4", "claude-haiku-4-5", "gpt-4o");

    JsonArray tooMany = new JsonArray();
    for (int i = 0; i <= UsageRoutes.MAX_PRICES; i++) {
      tooMany.add(price("model-" + i, 1, 1, 1, 1));
    }
    JsonObject[] bad = {
        new JsonObject().put("prices", new JsonArray().add(price("a", -1, 1, 1, 1))),
        new JsonObject().put("prices", new JsonArray().add(price("a", 1, 1000.01, 1, 1))),
        new JsonObject().put("prices", new JsonArray().add(price("x".repeat(201), 1, 1, 1, 1))),
        new JsonObject().put("prices", new JsonArray().add(price(" ", 1, 1, 1, 1))),
        new JsonObject().put("prices", new JsonArray().add(price("a", 1, 1, 1, 1)).add(price("A", 2, 2, 2, 2))),
        new JsonObject().put("prices", new JsonArray().add(price("a", 1, 1, 1, 1).put("currency", "EUR"))),
        new JsonObject().put("prices", new JsonArray().add(price("a", 1, 1, 1, 1).put("cacheRead", "0.1"))),
        new JsonObject().put("prices", new JsonArray().add(new JsonObject().put("model", "a").put("input", 1))),
        new JsonObject().put("prices", new JsonArray().add(price("ok", 1, 1, 1, 1)).add("not a price")),
        new JsonObject().put("prices", "all free"),
        new JsonObject().put("price", new JsonArray()),
        new JsonObject().put("prices", tooMany)};
    for (JsonObject body : bad) {
      TestClient.Response r = client.put("/api/ai/prices", body);
      assertThat(r.status()).as(body.encode()).isEqualTo(422);
      assertThat(r.json().getJsonObject("error").getString("field")).as(body.encode()).isNotBlank();
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM ai_prices")).isEqualTo(2);

    assertThat(client.put("/api/ai/prices", new JsonObject().put("prices", new JsonArray())).json()
        .getJsonArray("overrides")).isEmpty();
    assertThat(TestDatabase.count("SELECT count(*) FROM ai_prices")).isZero();
  }

  @Test
  @DisplayName("PUT /api/ai/budgets sets a provider's monthly budget (null removes it); out-of-range values store nothing")
  void budgets() {
    JsonObject set = client.put("/api/ai/budgets", new JsonObject().put("anthropic", 20)).json();
    JsonObject anthropic = set.getJsonArray("providers").getJsonObject(0);
    assertThat(anthropic.getString("provider")).isEqualTo("anthropic");
    assertThat(anthropic.getDouble("budgetUsd")).isEqualTo(20.0);
    assertThat(anthropic.getBoolean("warning")).isFalse();
    assertThat(set.getJsonArray("providers").getJsonObject(1).getValue("budgetUsd")).isNull();

    for (JsonObject body : new JsonObject[] {new JsonObject().put("anthropic", 0), new JsonObject().put("anthropic", -5),
        new JsonObject().put("openai", 100_000.01), new JsonObject().put("anthropic", "20"),
        new JsonObject().put("anthropic", 30).put("claude", 5), new JsonObject(),
        new JsonObject().put("openai", 10).put("anthropic", 0.001)}) {
      TestClient.Response r = client.put("/api/ai/budgets", body);
      assertThat(r.status()).as(body.encode()).isEqualTo(422);
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM ai_budgets")).isEqualTo(1);
    assertThat(TestDatabase.count("SELECT count(*) FROM ai_budgets WHERE monthly_usd = 20")).isEqualTo(1);

    call("chat", "anthropic", "claude-sonnet-4-5", 1, 1, "17", "now()");
    JsonObject warned = client.get("/api/ai/budgets").json().getJsonArray("providers").getJsonObject(0);
    assertThat(warned.getBoolean("warning")).isTrue();
    assertThat(warned.getDouble("percent")).isEqualTo(85.0);

    JsonObject both = client.put("/api/ai/budgets", new JsonObject().putNull("anthropic").put("openai", 100_000)).json();
    assertThat(both.getJsonArray("providers").getJsonObject(0).getValue("budgetUsd")).isNull();
    assertThat(both.getJsonArray("providers").getJsonObject(1).getDouble("budgetUsd")).isEqualTo(100_000.0);
  }

  /** A call row as the ledger stores it, for the signed-in athlete. */
  private static void call(String feature, String provider, String model, long in, long out, String cost, String at) {
    TestDatabase.query("INSERT INTO llm_calls (user_id, feature, provider, model, status, input_tokens, output_tokens, "
        + "cost_usd, created_at) SELECT id, ?, ?, ?, 'complete', ?, ?, ?::numeric, " + at + " FROM users", rs -> null,
        feature, provider, model, in, out, cost);
  }

  private static JsonObject price(String model, double input, double output, double cacheWrite, double cacheRead) {
    return new JsonObject().put("model", model).put("input", input).put("output", output).put("cacheWrite", cacheWrite)
        .put("cacheRead", cacheRead);
  }
}
