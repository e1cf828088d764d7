package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.settings.DataPolicy;
import fitcoach.testing.SseStream;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.llm.FakeOpenAi;
import fitcoach.testing.llm.RecordedRequest;
import fitcoach.testing.llm.Reply;
import fitcoach.testing.llm.ToolUse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The coach looking things up: a scripted model asks for tools over the real registry, the real results go back with
 * the right ids, the stream shows each lookup between the tokens, and everything is stored and replayable.
 */
class CoachToolsTest extends CoachTestBase {
  private static final String STRAVA_ONLY = "Zebra Strava-only long run";

  /** The answer requests (not the title request a new chat session sends alongside). */
  private List<RecordedRequest> answerRequests(int from) {
    return completions().subList(from, completions().size()).stream()
        .filter(r -> !r.rawBody().contains("You name chat conversations")).toList();
  }

  @Test
  @DisplayName("A chat turn that calls search_activities, then get_activity, then answers: results, frames, storage, replay")
  void scriptedToolTurn() {
    String parkrun = activity("file", "Saturday parkrun", 9, 1250, 5_000, 168);
    String longRun = activity("file", "Sunday long run", 8, 7300, 21_100, 142);
    String strava = activity("strava", STRAVA_ONLY, 7, 9000, 30_000, 150);
    client.post("/api/load/recompute", null);
    int before = completions().size();
    anthropic.next(Reply.text("Let me ", "check. ").withToolUse(
        ToolUse.call("toolu_1", "search_activities", "{\"sport\":\"run\",\"sort\":\"distance\",\"limit\":5}").pieceSize(2)));
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_2", "get_activity", "{\"id\":\"" + longRun + "\"}").pieceSize(1)));
    anthropic.next(Reply.text("Your longest run ", "was 21.1 km."));

    List<SseStream.Event> events;
    try (SseStream s = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", "What was my longest run?"), null)) {
      assertStreamHeaders(s);
      events = s.rest(WAIT);
    }
    List<String> kinds = events.stream().map(SseStream.Event::event).filter(e -> !e.equals("token")).toList();
    assertThat(kinds).containsExactly("start", "tool", "tool_done", "tool", "tool_done", "done");
    assertThat(tokens(events)).containsExactly("Let me ", "check. ", "Your longest run ", "was 21.1 km.");
    // Frames and tokens share one sequence, so a resume misses neither.
    assertThat(events.stream().filter(e -> e.id() != null).map(SseStream.Event::id))
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    JsonObject firstTool = events.stream().filter(e -> e.event().equals("tool")).findFirst().orElseThrow().json();
    assertThat(firstTool.getString("id")).isEqualTo("toolu_1");
    assertThat(firstTool.getString("name")).isEqualTo("search_activities");
    assertThat(firstTool.getJsonObject("arguments").getString("sort")).isEqualTo("distance");
    assertThat(firstTool.getString("summary")).isNotBlank().isNotEqualTo("search_activities");
    JsonObject firstDone = events.stream().filter(e -> e.event().equals("tool_done")).findFirst().orElseThrow().json();
    assertThat(firstDone.getBoolean("ok")).isTrue();
    assertThat(firstDone.getInteger("bytes")).isPositive();

    List<RecordedRequest> requests = answerRequests(before);
    assertThat(requests).hasSize(3);
    RecordedRequest first = requests.get(0);
    assertThat(first.toolNames()).contains("search_activities", "get_activity", "training_load", "compare_periods",
        "performance_curve", "project_form", "athlete_profile");
    assertThat(first.system()).contains("call a tool first").doesNotContain("## Weekly totals");
    JsonArray tools = first.body().getJsonArray("tools");
    assertThat(tools.getJsonObject(tools.size() - 1).getJsonObject("cache_control").getString("type")).isEqualTo("ephemeral");
    // The search results went back for the right call, and name the athlete's runs, longest first.
    RecordedRequest.SentToolResult search = requests.get(1).toolResults().get(0);
    assertThat(search.toolCallId()).isEqualTo("toolu_1");
    assertThat(search.isError()).isFalse();
    assertThat(search.content()).contains(longRun).contains(parkrun);
    assertThat(search.content().indexOf(longRun)).isLessThan(search.content().indexOf(parkrun));
    // Strava API data is off by default: the Strava-only run is in no result.
    assertThat(search.content()).doesNotContain(strava).doesNotContain("Zebra");
    RecordedRequest.SentToolResult detail = requests.get(2).toolResults().get(0);
    assertThat(detail.toolCallId()).isEqualTo("toolu_2");
    assertThat(detail.content()).contains("Sunday long run");

    JsonObject done = last(events, "done");
    assertThat(done.getInteger("toolRounds")).isEqualTo(2);
    assertThat(done.getJsonArray("toolCalls")).hasSize(2);
    assertThat(done.getJsonArray("contextActivityIds").getList()).contains(longRun, parkrun).doesNotContain(strava);

    String messageId = events.get(0).json().getString("messageId");
    String sessionId = events.get(0).json().getString("sessionId");
    JsonObject stored = client.get("/api/ai/chat/sessions/" + sessionId + "/messages").json().getJsonArray("messages")
        .stream().map(JsonObject.class::cast).filter(m -> messageId.equals(m.getString("id"))).findFirst().orElseThrow();
    assertThat(stored.getString("content")).isEqualTo("Let me check. Your longest run was 21.1 km.");
    JsonArray calls = stored.getJsonArray("toolCalls");
    assertThat(calls).hasSize(2);
    assertThat(calls.getJsonObject(0).getString("name")).isEqualTo("search_activities");
    assertThat(calls.getJsonObject(0).getBoolean("ok")).isTrue();
    assertThat(calls.getJsonObject(1).getJsonObject("arguments").getString("id")).isEqualTo(longRun);
    assertThat(stored.getJsonArray("contextActivityIds").getList()).contains(longRun, parkrun);

    // Replayable: the stream, resumed from the start, gives the same frames in the same order.
    String streamId = events.get(0).json().getString("streamId");
    try (SseStream again = client.stream("GET", "/api/ai/streams/" + streamId, null, "0")) {
      List<String> replayed = again.rest(WAIT).stream().map(SseStream.Event::event).filter(e -> !e.equals("token")).toList();
      assertThat(replayed).isEqualTo(kinds);
    }
    // The ledger has the call with its rounds.
    assertThat(TestDatabase.count("SELECT count(*) FROM llm_calls WHERE feature = 'chat' AND tool_rounds = 2")).isEqualTo(1L);
  }

  @Test
  @DisplayName("A tool call the registry cannot answer goes back as is_error, the lookup shows as failed, the answer goes on")
  void toolError() {
    int before = completions().size();
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_9", "get_activity", "{\"id\":\"not-a-uuid\"}")));
    anthropic.next(Reply.text("I could not find that one."));
    List<SseStream.Event> events;
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      events = s.rest(WAIT);
    }
    JsonObject done = events.stream().filter(e -> e.event().equals("tool_done")).findFirst().orElseThrow().json();
    assertThat(done.getBoolean("ok")).isFalse();
    RecordedRequest.SentToolResult result = answerRequests(before).get(1).toolResults().get(0);
    assertThat(result.toolCallId()).isEqualTo("toolu_9");
    assertThat(result.isError()).isTrue();
    assertThat(last(events, "done").getString("status")).isEqualTo("complete");
    assertThat(client.get("/api/ai/recommendation").json().getJsonObject("ai").getJsonArray("toolCalls").getJsonObject(0)
        .getBoolean("ok")).isFalse();
  }

  @Test
  @DisplayName("With Strava API data allowed, the same lookup finds the Strava-only run; turned off, it is gone again")
  void policyReachesTools() {
    String strava = activity("strava", STRAVA_ONLY, 5, 9000, 30_000, 150);
    client.post("/api/load/recompute", null);
    client.put("/api/settings/data-policy", new JsonObject().put("allowStravaApi", true)
        .put("acknowledgement", DataPolicy.ACKNOWLEDGEMENT));
    int before = completions().size();
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_a", "search_activities", "{\"text\":\"zebra\"}")));
    anthropic.next(Reply.text("Found it."));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      last(s.rest(WAIT), "done");
    }
    assertThat(answerRequests(before).get(1).toolResults().get(0).content()).contains(strava);

    client.put("/api/settings/data-policy", new JsonObject().put("allowStravaApi", false));
    before = completions().size();
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_b", "search_activities", "{\"text\":\"zebra\"}")));
    anthropic.next(Reply.text("Nothing."));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      last(s.rest(WAIT), "done");
    }
    List<RecordedRequest> off = answerRequests(before);
    assertThat(off.get(0).rawBody()).doesNotContain("Zebra").contains("## Data left out");
    assertThat(off.get(1).toolResults().get(0).content()).doesNotContain(strava).doesNotContain("Zebra");
  }

  @Test
  @DisplayName("A local server that refuses tools gets the full context at once, is remembered, and Settings says so")
  void toolsRefused() {
    client.post("/api/settings/apikey", new JsonObject().put("provider", "openai").put("key", FakeOpenAi.API_KEY)
        .put("baseUrl", openai.baseUrl()));
    client.put("/api/ai/settings", new JsonObject().put("provider", "openai"));
    openai.refuseTools(true);
    openai.next(Reply.text("Rest", " today."));
    List<SseStream.Event> events;
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      events = s.rest(WAIT);
    }
    JsonObject done = last(events, "done");
    assertThat(done.getString("status")).isEqualTo("complete");
    assertThat(done.getBoolean("toolsRejected")).isTrue();
    assertThat(tokens(events)).containsExactly("Rest", " today.");
    List<RecordedRequest> requests = openai.requests(FakeOpenAi.COMPLETIONS_PATH);
    assertThat(requests.get(requests.size() - 1).toolNames()).isEmpty();
    assertThat(requests.get(requests.size() - 1).rawBody()).contains("Weekly totals");
    assertThat(client.get("/api/ai/settings").json().getBoolean("toolsSupported")).isFalse();

    // The next answer does not ask with tools again.
    int sent = requests.size();
    openai.next(Reply.text("Easy", " spin."));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      last(s.rest(WAIT), "done");
    }
    List<RecordedRequest> later = openai.requests(FakeOpenAi.COMPLETIONS_PATH).subList(sent, openai.requests(
        FakeOpenAi.COMPLETIONS_PATH).size());
    assertThat(later).hasSize(1);
    assertThat(later.get(0).toolNames()).isEmpty();
  }

  @Test
  @DisplayName("A past week's report is written as of that week's Sunday: its load state, and no later activity")
  void pastWeekAsOfItsEnd() {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    java.time.LocalDate monday = today.minusWeeks(3).with(java.time.temporal.TemporalAdjusters.previousOrSame(
        java.time.DayOfWeek.MONDAY));
    java.time.LocalDate sunday = monday.plusDays(6);
    activity("file", "Run in that week", (int) java.time.temporal.ChronoUnit.DAYS.between(monday.plusDays(2), today), 3600,
        10_000, 140);
    activity("file", "Run of yesterday", 1, 3600, 10_000, 140);
    client.post("/api/load/recompute", null);
    int before = completions().size();
    anthropic.next(Reply.text("A steady week."));
    try (SseStream s = client.stream("POST", "/api/ai/weekly-report", new JsonObject().put("week", monday.toString()), null)) {
      assertThat(last(s.rest(WAIT), "done").getString("status")).isEqualTo("complete");
    }
    RecordedRequest report = answerRequests(before).get(0);
    assertThat(report.system()).contains("This answer is about " + sunday).contains("## Training load on " + sunday)
        .doesNotContain("Run of yesterday");
    assertThat(report.rawBody()).contains("Run in that week");
  }
}
