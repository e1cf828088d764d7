package fitcoach.usage;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.SseStream;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The budget through the real app: a spent budget stops the AI answer before any model call; the rules still answer. */
class BudgetStopTest extends ApiTest {
  private Vertx fakes;
  private FakeAnthropic anthropic;

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    fakes = Vertx.vertx();
    try {
      anthropic = FakeAnthropic.start(fakes).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    env.put("ANTHROPIC_BASE_URL", anthropic.baseUrl());
    env.put("CLAUDE_API_KEY", FakeAnthropic.API_KEY);
    return env;
  }

  @AfterAll
  void stopFakes() {
    fakes.close();
  }

  @BeforeEach
  void signIn() {
    anthropic.reset();
    signedIn();
  }

  @Test
  @DisplayName("At 100 % of the Claude budget the AI recommendation is a 409 naming the budget and no model is called; the rules answer; a raised budget lets it run and records its cost")
  void spentBudgetStopsAiOnly() {
    assertThat(client.put("/api/ai/budgets", new JsonObject().put("anthropic", 2)).status()).isEqualTo(200);
    spend("2.004");

    TestClient.Response refused = client.post("/api/ai/recommendation", new JsonObject());
    assertThat(refused.status()).isEqualTo(409);
    JsonObject error = refused.json().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("ai_budget_reached");
    assertThat(error.getString("message")).isEqualTo("Your monthly budget of $2.00 for Claude is spent ($2.00 this month). "
        + "Raise it in Settings → AI usage, or wait for next month.");
    assertThat(anthropic.requests(FakeAnthropic.MESSAGES_PATH)).isEmpty();
    assertThat(TestDatabase.count("SELECT count(*) FROM llm_calls")).isEqualTo(1);

    JsonObject today = client.get("/api/ai/recommendation").json();
    assertThat(today.getJsonObject("rules").getString("source")).isEqualTo("rules");
    assertThat(client.get("/api/ai/usage").json().getJsonArray("providers").getJsonObject(0).getBoolean("reached")).isTrue();

    assertThat(client.put("/api/ai/budgets", new JsonObject().put("anthropic", 2.5)).status()).isEqualTo(200);
    anthropic.next(Reply.text("Easy", " day.").usage(1_000, 10));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", new JsonObject(), null)) {
      assertThat(s.status()).isEqualTo(200);
      assertThat(s.rest(Duration.ofSeconds(15)).stream().map(SseStream.Event::event)).contains("done");
    }
    assertThat(anthropic.requests(FakeAnthropic.MESSAGES_PATH)).hasSize(1);
    // The call is recorded before the done frame goes out.
    assertThat(TestDatabase.count("SELECT count(*) FROM llm_calls WHERE feature = 'recommendation' AND provider = 'anthropic'"
        + " AND input_tokens = 1000 AND output_tokens = 10 AND cost_usd > 0 AND total_ms IS NOT NULL")).isEqualTo(1);
    JsonObject claude = client.get("/api/ai/budgets").json().getJsonArray("providers").getJsonObject(0);
    assertThat(claude.getBoolean("warning")).isTrue(); // over 80 % of $2.50
    assertThat(claude.getBoolean("reached")).isFalse();
  }

  /** This month's spend so far on Claude, as an earlier call left it. */
  private static void spend(String usd) {
    TestDatabase.query("INSERT INTO llm_calls (user_id, feature, provider, model, status, cost_usd) "
        + "SELECT id, 'chat', 'anthropic', 'claude-sonnet-4-5', 'complete', ?::numeric FROM users", rs -> null, usd);
  }
}
