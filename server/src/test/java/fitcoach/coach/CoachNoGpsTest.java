package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.GpsActivities;
import fitcoach.testing.TestClient;
import fitcoach.testing.SseStream;
import fitcoach.testing.llm.RecordedRequest;
import fitcoach.testing.llm.Reply;
import fitcoach.testing.llm.ToolUse;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * GPS never reaches a model: an athlete whose activities carry positions (an imported GPX track; a copy with a route
 * polyline and raw start/end positions) asks the coach everything it answers, tools included, and no request the
 * fake provider records holds a coordinate. (MCP clients: see fitcoach.mcp.McpNoGpsTest.)
 */
class CoachNoGpsTest extends CoachTestBase {
  private static final String LAT = GpsActivities.LAT;
  private static final String LON = GpsActivities.LON;

  /**
   * The same requests once before the test, so first uses (serialisers of the views, the import pipeline) happen here
   * and not on an event loop while the test is watched for blocked threads. The state is emptied before the test.
   */
  @BeforeAll
  void warmUp() throws InterruptedException {
    fitcoach.testing.TestDatabase.truncateAll();
    TestClient warm = new TestClient(app.port());
    assertThat(warm.post("/api/auth/setup", new JsonObject().put("email", EMAIL).put("password", PASSWORD)).status())
        .isEqualTo(201);
    String[] ids = GpsActivities.store(app, warm);
    warm.get("/api/activities/" + ids[1]);
    // A recommendation with a lookup loads the provider client and the tool loop (no chat: its title request would
    // arrive after the fakes are reset and take a reply meant for the test).
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_0", "get_activity", "{\"id\":\"" + ids[0] + "\"}")));
    anthropic.next(Reply.text("Warm."));
    try (SseStream s = warm.stream("POST", "/api/ai/recommendation", null, null)) {
      s.rest(WAIT);
    }
  }

  private String[] athleteWithPositions() throws InterruptedException {
    return GpsActivities.store(app, client);
  }

  private List<SseStream.Event> post(String path, JsonObject body) {
    try (SseStream s = client.stream("POST", path, body, null)) {
      return s.rest(WAIT);
    }
  }

  @Test
  @DisplayName("Chat with tool lookups, an activity's insight, a weekly report and a recommendation send no coordinate")
  void noCoordinateReachesTheModel() throws Exception {
    String[] ids = athleteWithPositions();
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_1", "search_activities", "{\"limit\":10}")));
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_2", "get_activity", "{\"id\":\"" + ids[0] + "\"}")));
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_3", "get_activity", "{\"id\":\"" + ids[1] + "\"}")));
    anthropic.next(Reply.text("Your loop looked steady."));
    List<SseStream.Event> chat = post("/api/ai/chat", new JsonObject().put("message", "Where did I run, and how was it?"));
    assertThat(last(chat, "done").getInteger("toolRounds")).isEqualTo(3);

    anthropic.next(Reply.text("A steady aerobic run."));
    assertThat(post("/api/ai/activity-insight", new JsonObject().put("activityId", ids[0])))
        .extracting(SseStream.Event::event).contains("done");
    anthropic.next(Reply.text("A good week."));
    assertThat(post("/api/ai/weekly-report", new JsonObject())).extracting(SseStream.Event::event).contains("done");
    anthropic.next(Reply.text("Easy today."));
    assertThat(post("/api/ai/recommendation", null)).extracting(SseStream.Event::event).contains("done");

    List<RecordedRequest> sent = completions();
    assertThat(sent.size()).isGreaterThanOrEqualTo(7);
    // The tool results that went back did describe the activities (the check below is not vacuous).
    assertThat(sent.stream().flatMap(r -> r.toolResults().stream()).map(RecordedRequest.SentToolResult::content))
        .anySatisfy(c -> assertThat(c).contains("Mall run"));
    for (RecordedRequest r : sent) {
      assertThat(r.rawBody()).as("request %d to %s", r.index(), r.path())
          .doesNotContain(LAT).doesNotContain(LON).doesNotContain("38.897").doesNotContain("77.036")
          .doesNotContain(ids[2]).doesNotContain("latlng").doesNotContain("polyline");
    }
  }
}
