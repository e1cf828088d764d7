package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.SseStream;
import fitcoach.testing.llm.FakeOpenAi;
import fitcoach.testing.llm.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Weekly reports, activity insights, provider and model choice, usage. */
class CoachAnswersTest extends CoachTestBase {

  private List<SseStream.Event> post(String path, JsonObject body) {
    try (SseStream s = client.stream("POST", path, body, null)) {
      assertStreamHeaders(s);
      return s.rest(WAIT);
    }
  }

  @Test
  @DisplayName("A weekly report stores the week's metrics and notes; a failed regeneration keeps it, a good one replaces it")
  void weeklyReport() {
    LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    activity("file", "Week run", 0, 3600, 10_000, 150);
    client.post("/api/load/recompute", null);
    anthropic.next(Reply.text("Solid", " week."));
    List<SseStream.Event> events = post("/api/ai/weekly-report", new JsonObject());
    assertThat(events.get(0).json().getString("weekStart")).isEqualTo(monday.toString());
    JsonObject metrics = events.get(0).json().getJsonObject("metrics");
    assertThat(metrics.getInteger("sessions")).isEqualTo(1);
    assertThat(metrics.getDouble("distanceKm")).isEqualTo(10.0);
    assertThat(metrics.getLong("durationS")).isEqualTo(3600);
    assertThat(metrics.getDouble("avgHr")).isEqualTo(150.0);
    assertThat(metrics.getDouble("load")).isPositive();
    assertThat(metrics.containsKey("fitness") && metrics.containsKey("fatigue") && metrics.containsKey("form")).isTrue();
    assertThat(completions().get(0).lastUserText()).contains("week starting " + monday).contains("\"name\":\"Week run\"");

    JsonArray reports = client.get("/api/ai/weekly-reports").json().getJsonArray("reports");
    assertThat(reports).hasSize(1);
    assertThat(reports.getJsonObject(0).getString("content")).isEqualTo("Solid week.");
    assertThat(reports.getJsonObject(0).getJsonObject("metrics").getInteger("sessions")).isEqualTo(1);

    anthropic.next(Reply.unauthorized());
    assertThat(last(post("/api/ai/weekly-report", new JsonObject().put("week", monday.toString())), "error").getString("code"))
        .isEqualTo("llm_key_rejected");
    assertThat(client.get("/api/ai/weekly-reports/" + monday).json().getString("content")).isEqualTo("Solid week.");

    anthropic.next(Reply.text("Even", " better."));
    post("/api/ai/weekly-report", new JsonObject());
    assertThat(client.get("/api/ai/weekly-reports/" + monday).json().getString("content")).isEqualTo("Even better.");
    assertThat(client.get("/api/ai/weekly-reports").json().getJsonArray("reports")).hasSize(1);

    String isoWeek = monday.minusWeeks(1).format(java.time.format.DateTimeFormatter.ISO_WEEK_DATE).substring(0, 8);
    List<SseStream.Event> previous = post("/api/ai/weekly-report", new JsonObject().put("week", isoWeek));
    assertThat(previous.get(0).json().getString("weekStart")).isEqualTo(monday.minusWeeks(1).toString());
    assertThat(previous.get(0).json().getJsonObject("metrics").getInteger("sessions")).isZero();
    var future = client.post("/api/ai/weekly-report", new JsonObject().put("week", monday.plusWeeks(1).toString()));
    assertThat(future.status()).isEqualTo(422);
  }

  @Test
  @DisplayName("An activity insight is cached until the activity's data changes")
  void insightCache() {
    String id = activity("file", "Threshold run", 1, 2400, 8000, 165);
    client.post("/api/load/recompute", null);
    anthropic.next(Reply.text("Well", " paced."));
    List<SseStream.Event> first = post("/api/ai/activity-insight", new JsonObject().put("activityId", id));
    assertThat(String.join("", tokens(first))).isEqualTo("Well paced.");
    assertThat(completions().get(0).lastUserText()).contains("<activity>").contains("\"name\":\"Threshold run\"");

    List<SseStream.Event> again = post("/api/ai/activity-insight", new JsonObject().put("activityId", id));
    assertThat(again.get(0).json().getBoolean("cached")).isTrue();
    assertThat(String.join("", tokens(again))).isEqualTo("Well paced.");
    assertThat(completions()).hasSize(1);
    assertThat(client.get("/api/ai/activity-insight/" + id).json().getString("content")).isEqualTo("Well paced.");

    assertThat(client.send("PATCH", "/api/activities/" + id, new JsonObject().put("rpe", 8).toString(), "application/json")
        .status()).isEqualTo(200);
    // The activity changed: no current insight, an expected absence (200 null), not an error.
    var stale = client.get("/api/ai/activity-insight/" + id);
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo("null");
    assertThat(client.get("/api/ai/activity-insight/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    anthropic.next(Reply.text("Harder", " than it looked."));
    List<SseStream.Event> fresh = post("/api/ai/activity-insight", new JsonObject().put("activityId", id));
    assertThat(String.join("", tokens(fresh))).isEqualTo("Harder than it looked.");
    assertThat(completions().get(1).lastUserText()).contains("\"rpe\":8");
    anthropic.next(Reply.text("Regenerated."));
    post("/api/ai/activity-insight", new JsonObject().put("activityId", id).put("regenerate", true));
    assertThat(completions()).hasSize(3);
  }

  @Test
  @DisplayName("With a local OpenAI-compatible server chosen and no model set, its first listed model answers the chat")
  void localModel() {
    var saved = client.post("/api/settings/apikey", new JsonObject().put("provider", "openai").put("key", FakeOpenAi.API_KEY)
        .put("baseUrl", openai.baseUrl()));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(client.put("/api/ai/settings", new JsonObject().put("provider", "openai")).status()).isEqualTo(200);
    JsonObject settings = client.get("/api/ai/settings").json();
    assertThat(settings.getJsonObject("active").getString("model")).isEqualTo(FakeOpenAi.DEFAULT_MODELS.get(0));

    openai.next(Reply.text("Local", " answer."));
    List<SseStream.Event> events = post("/api/ai/chat", new JsonObject().put("message", "Hi"));
    assertThat(String.join("", tokens(events))).isEqualTo("Local answer.");
    var request = openai.requests(FakeOpenAi.COMPLETIONS_PATH).get(0);
    assertThat(request.model()).isEqualTo(FakeOpenAi.DEFAULT_MODELS.get(0));
    assertThat(request.body().getJsonArray("messages").getJsonObject(0).getString("role")).isEqualTo("system");
    assertThat(completions()).isEmpty();
    JsonObject usage = client.get("/api/ai/usage").json().getJsonArray("usage").getJsonObject(0);
    assertThat(usage.getString("provider")).isEqualTo("openai");

    JsonObject models = client.get("/api/ai/models").json();
    assertThat(models.getString("provider")).isEqualTo("openai");
    assertThat(models.getJsonArray("models").stream().map(m -> ((JsonObject) m).getString("id")).toList())
        .containsExactlyElementsOf(FakeOpenAi.DEFAULT_MODELS);
  }

  @Test
  @DisplayName("The athlete can list Claude models and pick one; the next answer uses it")
  void chooseModel() {
    JsonObject models = client.get("/api/ai/models?provider=anthropic").json();
    List<String> ids = models.getJsonArray("models").stream().map(m -> ((JsonObject) m).getString("id")).toList();
    assertThat(ids).contains("claude-sonnet-5").anyMatch(id -> id.startsWith("claude-haiku-4-5"));
    assertThat(client.put("/api/ai/settings", new JsonObject().put("provider", "anthropic").put("model", "claude-opus-5"))
        .status()).isEqualTo(200);
    post("/api/ai/recommendation", null);
    assertThat(completions().get(0).model()).isEqualTo("claude-opus-5");
  }
}
