package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.SseStream;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.llm.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The monthly budget reached from the coach's side: AI features stop with a clear error, the rules keep answering. */
class CoachBudgetTest extends CoachTestBase {

  @Test
  @DisplayName("Past the month's Claude budget every AI feature is refused with a 409 naming it; the rule-based advice stays")
  void budgetStopsAiFeatures() {
    assertThat(client.put("/api/ai/budgets", new JsonObject().put("anthropic", 1)).status()).isEqualTo(200);
    // One answer whose reported usage costs about $1.50 at the Sonnet list price ($15 per million output tokens).
    anthropic.next(Reply.text("Rest", " today.").usage(1_000, 100_000));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      assertThat(last(s.rest(WAIT), "done").getString("status")).isEqualTo("complete");
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM llm_calls WHERE cost_usd > 1")).isEqualTo(1L);
    int requests = completions().size();

    var refused = client.post("/api/ai/recommendation", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("ai_budget_reached");
    assertThat(refused.json().getJsonObject("error").getString("message")).contains("budget").contains("$1.00");
    var chat = client.post("/api/ai/chat", new JsonObject().put("message", "Anything?"));
    assertThat(chat.status()).isEqualTo(409);
    assertThat(chat.errorCode()).isEqualTo("ai_budget_reached");
    assertThat(client.post("/api/ai/weekly-report", new JsonObject()).status()).isEqualTo(409);
    assertThat(completions()).hasSize(requests);
    // A refused chat stores no message.
    assertThat(TestDatabase.count("SELECT count(*) FROM chat_messages")).isZero();

    JsonObject today = client.get("/api/ai/recommendation").json();
    assertThat(today.getJsonObject("rules").getString("source")).isEqualTo("rules");

    // Raising the budget lets the coach answer again.
    assertThat(client.put("/api/ai/budgets", new JsonObject().put("anthropic", 50)).status()).isEqualTo(200);
    anthropic.next(Reply.text("Easy", " spin."));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      assertThat(last(s.rest(WAIT), "done").getString("status")).isEqualTo("complete");
    }
  }
}
