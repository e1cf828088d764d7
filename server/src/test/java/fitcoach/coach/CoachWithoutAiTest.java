package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The coach's routes with no AI provider configured: what works anyway, and the errors that say what to do. */
class CoachWithoutAiTest extends ApiTest {

  @BeforeEach
  void signIn() {
    signedIn();
  }

  @Test
  @DisplayName("With no AI configured, the rule-based recommendation is there, labelled as rules, from the dashboard's numbers")
  void ruleBased() {
    var created = client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal",
        java.time.LocalDateTime.now().minusDays(2).withNano(0).toString()).put("durationS", 3600).put("rpe", 9));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    var r = client.get("/api/ai/recommendation");
    assertThat(r.status()).isEqualTo(200);
    JsonObject rules = r.json().getJsonObject("rules");
    assertThat(rules.getString("source")).isEqualTo("rules");
    assertThat(rules.getString("verdict")).isIn("rest", "easy", "train", "hard");
    var stats = client.get("/api/activities/stats").json();
    assertThat(stats.getDouble("ctl")).isPositive();
    assertThat(rules.getDouble("fitness")).isEqualTo(stats.getDouble("ctl"));
    assertThat(rules.getDouble("fatigue")).isEqualTo(stats.getDouble("atl"));
    assertThat(rules.getDouble("form")).isEqualTo(stats.getDouble("tsb"));
    assertThat(rules.getString("zoneWords")).isEqualTo(stats.getString("zoneMeaning"));
    assertThat(r.json().getValue("ai")).isNull();
    assertThat(rules.getString("history")).isEqualTo("short");
    assertThat(rules.getLong("historyDays")).isEqualTo(2L);
    assertThat(rules.getString("advice")).startsWith("Your history starts 2 days ago").contains("still settling");
    // The decision card beside it: the same verdict with no wellness, every signal, a confidence, what would change it.
    JsonObject card = r.json().getJsonObject("card");
    assertThat(card.getString("verdict")).isEqualTo(rules.getString("verdict"));
    assertThat(card.getString("loadVerdict")).isEqualTo(rules.getString("verdict"));
    assertThat(card.getString("headline")).startsWith(rules.getString("headline"));
    var signals = card.getJsonArray("signals");
    assertThat(signals.size()).isEqualTo(13);
    JsonObject form = signals.getJsonObject(0);
    assertThat(form.getString("key")).isEqualTo("form");
    assertThat(form.getDouble("value")).isEqualTo(stats.getDouble("tsb"));
    assertThat(form.getString("direction")).isIn("for_rest", "neutral", "for_training");
    assertThat(signals.getJsonObject(5).getString("key")).isEqualTo("hrv");
    assertThat(signals.getJsonObject(5).getString("status")).isEqualTo("learning");
    assertThat(card.getJsonObject("confidence").getInteger("signals")).isGreaterThanOrEqualTo(2);
    assertThat(card.getJsonArray("whatWouldChange").getList())
        .contains("No check-in today: log sleep, soreness and HRV so recovery counts too");
  }

  @Test
  @DisplayName("A brand-new account with no activity is told there is nothing to judge yet and what to do first, never to train")
  void nothingToJudge() {
    var r = client.get("/api/ai/recommendation");
    assertThat(r.status()).isEqualTo(200);
    JsonObject rules = r.json().getJsonObject("rules");
    assertThat(rules.getString("verdict")).isEqualTo("none");
    assertThat(rules.getString("headline")).isEqualTo("Nothing to judge yet");
    assertThat(rules.getString("advice")).contains("import", "connect Strava", "demo").doesNotContain("Train", "quality session");
    assertThat(rules.getString("history")).isEqualTo("none");
    assertThat(rules.getValue("historyDays")).isNull();
    assertThat(r.json().getJsonObject("card").getString("verdict")).isEqualTo("none");
    assertThat(r.json().getJsonObject("card").getJsonObject("confidence").getString("level")).isEqualTo("none");
    assertThat(r.json().getJsonObject("card").getJsonArray("whatWouldChange").getList()).isEmpty();
  }

  @Test
  @DisplayName("Asking the AI with no provider set up is a 409 that says where to add a key, and nothing is stored")
  void noProvider() {
    var rec = client.post("/api/ai/recommendation", null);
    assertThat(rec.status()).isEqualTo(409);
    assertThat(rec.errorCode()).isEqualTo("llm_not_configured");
    assertThat(rec.json().getJsonObject("error").getString("message")).contains("Settings → AI coach").contains("Claude API key");
    var chat = client.post("/api/ai/chat", new JsonObject().put("message", "How am I doing?"));
    assertThat(chat.status()).isEqualTo(409);
    assertThat(TestDatabase.count("SELECT count(*) FROM chat_sessions")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM chat_messages")).isZero();
    assertThat(client.post("/api/ai/weekly-report", null).status()).isEqualTo(409);
    var settings = client.get("/api/ai/settings").json();
    assertThat(settings.getValue("active")).isNull();
    assertThat(settings.getString("problem")).contains("No AI provider is set up");
  }

  @Test
  @DisplayName("Chat sessions can be created, listed newest first, renamed and deleted; unknown ids are 404")
  void sessions() {
    var a = client.post("/api/ai/chat/sessions", new JsonObject());
    assertThat(a.status()).isEqualTo(201);
    assertThat(a.json().getString("title")).isEqualTo("New chat");
    var b = client.post("/api/ai/chat/sessions", new JsonObject().put("title", "Marathon plan"));
    var list = client.get("/api/ai/chat/sessions").json().getJsonArray("sessions");
    assertThat(list).hasSize(2);
    assertThat(list.getJsonObject(0).getString("title")).isEqualTo("Marathon plan");

    String id = a.json().getString("id");
    var renamed = client.send("PATCH", "/api/ai/chat/sessions/" + id, new JsonObject().put("title", "  Taper  ").toString(),
        "application/json");
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().getString("title")).isEqualTo("Taper");
    assertThat(client.send("PATCH", "/api/ai/chat/sessions/" + id, new JsonObject().put("title", " ").toString(),
        "application/json").status()).isEqualTo(422);
    assertThat(client.get("/api/ai/chat/sessions/" + id + "/messages").json().getJsonArray("messages")).isEmpty();

    assertThat(client.delete("/api/ai/chat/sessions/" + id).status()).isEqualTo(204);
    assertThat(client.delete("/api/ai/chat/sessions/" + id).status()).isEqualTo(404);
    assertThat(client.get("/api/ai/chat/sessions/" + id + "/messages").status()).isEqualTo(404);
    assertThat(client.get("/api/ai/chat/sessions/not-a-uuid/messages").status()).isEqualTo(422);
    assertThat(client.get("/api/ai/chat/sessions").json().getJsonArray("sessions")).hasSize(1);
    assertThat(b.status()).isEqualTo(201);
  }

  @Test
  @DisplayName("Bad chat, report and insight requests get clear 4xx errors before any model is asked")
  void badRequests() {
    assertThat(client.post("/api/ai/chat", new JsonObject().put("message", "   ")).status()).isEqualTo(422);
    assertThat(client.post("/api/ai/chat", new JsonObject()).status()).isEqualTo(422);
    assertThat(client.post("/api/ai/chat", new JsonObject().put("message", "x".repeat(10_001))).status()).isEqualTo(422);
    assertThat(client.post("/api/ai/chat", new JsonObject().put("message", "hi").put("sessionId", "nope")).status()).isEqualTo(422);
    assertThat(client.post("/api/ai/chat", new JsonObject().put("message", "hi")
        .put("sessionId", java.util.UUID.randomUUID().toString())).status()).isEqualTo(404);
    assertThat(client.post("/api/ai/weekly-report", new JsonObject().put("week", "2026-W60")).status()).isEqualTo(422);
    assertThat(client.post("/api/ai/weekly-report", new JsonObject().put("week", "last week")).status()).isEqualTo(422);
    assertThat(client.post("/api/ai/activity-insight", new JsonObject().put("activityId", java.util.UUID.randomUUID().toString()))
        .status()).isEqualTo(404);
    assertThat(client.get("/api/ai/streams/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(client.post("/api/ai/streams/" + java.util.UUID.randomUUID() + "/stop", null).status()).isEqualTo(404);
    var noReport = client.get("/api/ai/weekly-reports/2026-11-16");
    assertThat(noReport.status()).isEqualTo(200); // nothing written yet is no error
    assertThat(noReport.body()).isEqualTo("null");
    assertThat(client.get("/api/ai/usage").json().getJsonArray("usage")).isEmpty();
    assertThat(client.put("/api/ai/settings", new JsonObject().put("provider", "gemini")).status()).isEqualTo(422);
  }

  @Test
  @DisplayName("Every coach route needs a signed-in athlete")
  void signedOut() {
    var anonymous = new fitcoach.testing.TestClient(app.port());
    assertThat(anonymous.get("/api/ai/recommendation").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/ai/chat", new JsonObject().put("message", "hi")).status()).isEqualTo(401);
    assertThat(anonymous.get("/api/ai/chat/sessions").status()).isEqualTo(401);
  }
}
