package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.llm.Reply;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Answers followed over the SockJS event-bus bridge instead of SSE. */
class CoachEventBusTest extends CoachTestBase {

  // Held in a field: Vert.x closes a client that becomes unreachable, even in the middle of a handshake.
  private io.vertx.core.http.WebSocketClient webSockets;

  private WebSocket bridge(List<JsonObject> frames) {
    if (webSockets == null) {
      webSockets = fakes.createWebSocketClient();
    }
    WebSocket socket = await(webSockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(app.port()).setURI("/eventbus/websocket").addHeader("Cookie", client.cookie())));
    socket.handler(frame -> frames.add(new JsonObject(frame.toString())));
    return socket;
  }

  private static List<JsonObject> bodies(List<JsonObject> frames, String type) {
    return frames.stream().filter(f -> "rec".equals(f.getString("type"))).map(f -> f.getJsonObject("body"))
        .filter(b -> type.equals(b.getString("type"))).toList();
  }

  @Test
  @DisplayName("With transport=eventbus the answer starts when the browser subscribes and arrives whole and in order")
  void followOverTheBridge() {
    anthropic.next(Reply.tokens(30).slow(Duration.ofMillis(5)));
    var accepted = client.post("/api/ai/chat?transport=eventbus", new JsonObject().put("message", "Hello"));
    assertThat(accepted.status()).isEqualTo(202);
    String address = accepted.json().getString("address");
    assertThat(address).endsWith(".coach." + accepted.json().getString("streamId"));
    assertThat(completions()).as("nothing is asked before someone listens").isEmpty();

    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    WebSocket socket = bridge(frames);
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode());
    eventually("the done frame", () -> !bodies(frames, "done").isEmpty());
    List<JsonObject> tokens = bodies(frames, "token");
    assertThat(tokens).extracting(t -> t.getInteger("seq")).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
    assertThat(String.join("", tokens.stream().map(t -> t.getString("text")).toList())).isEqualTo(Reply.generatedText(30));
    assertThat(bodies(frames, "done").get(0).getString("status")).isEqualTo("complete");
    String messageId = accepted.json().getString("messageId");
    assertThat(string("SELECT status FROM chat_messages WHERE id = ?::uuid", messageId)).isEqualTo("complete");
    socket.close();
  }

  @Test
  @DisplayName("Lookups reach the bridge too: tool and tool_done frames in the token sequence, before the answer's text")
  void toolFramesOverTheBridge() {
    anthropic.next(fitcoach.testing.llm.Reply.toolUse(fitcoach.testing.llm.ToolUse.call("toolu_b", "training_load",
        "{\"from\":\"" + java.time.LocalDate.now().minusDays(20) + "\",\"to\":\"" + java.time.LocalDate.now() + "\"}")));
    anthropic.next(Reply.text("Steady", " load."));
    var accepted = client.post("/api/ai/recommendation?transport=eventbus", null);
    assertThat(accepted.status()).isEqualTo(202);
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    WebSocket socket = bridge(frames);
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", accepted.json().getString("address"))
        .encode());
    eventually("the done frame", () -> !bodies(frames, "done").isEmpty());
    JsonObject tool = bodies(frames, "tool").get(0);
    JsonObject toolDone = bodies(frames, "tool_done").get(0);
    assertThat(tool.getString("name")).isEqualTo("training_load");
    assertThat(tool.getInteger("seq")).isEqualTo(1);
    assertThat(toolDone.getBoolean("ok")).isTrue();
    assertThat(toolDone.getInteger("seq")).isEqualTo(2);
    assertThat(bodies(frames, "token")).extracting(t -> t.getInteger("seq")).containsExactly(3, 4);
    assertThat(bodies(frames, "done").get(0).getInteger("toolRounds")).isEqualTo(1);
    socket.close();
  }

  @Test
  @DisplayName("When the bridge subscriber leaves, the upstream request is cancelled and the answer stored as interrupted")
  void leavingCancels() {
    anthropic.next(Reply.tokens(200).slow(Duration.ofMillis(50)));
    var accepted = client.post("/api/ai/recommendation?transport=eventbus", null);
    String address = accepted.json().getString("address");
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    WebSocket socket = bridge(frames);
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode());
    eventually("a token", () -> !bodies(frames, "token").isEmpty());
    await(socket.close());
    await(anthropic.awaitClientDisconnects(1));
    eventually("the interrupted answer", () -> "interrupted".equals(string("SELECT status FROM recommendations")));
  }
  @Test
  @DisplayName("A browser that subscribes over the bridge to an answer streaming over SSE gets every later token and the end")
  void joinMidStream() {
    anthropic.next(Reply.tokens(60).slow(Duration.ofMillis(20)));
    try (var sse = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", "Long answer please"), null)) {
      JsonObject start = sse.next(WAIT).json();
      sse.until("token", WAIT);
      List<JsonObject> frames = new CopyOnWriteArrayList<>();
      WebSocket socket = bridge(frames);
      String address = "fitcoach.user." + string("SELECT id::text FROM users") + ".coach." + start.getString("streamId");
      socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode());
      eventually("the done frame", () -> !bodies(frames, "done").isEmpty());
      List<Integer> seqs = bodies(frames, "token").stream().map(t -> t.getInteger("seq")).toList();
      assertThat(seqs).as("tokens after joining").isNotEmpty().endsWith(60);
      assertThat(seqs).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(seqs.get(0), 60).boxed().toList());
      assertThat(bodies(frames, "done").get(0).getString("status")).isEqualTo("complete");
      assertThat(String.join("", tokens(sse.rest(WAIT)))).isNotEmpty();
      socket.close();
    }
  }
}
