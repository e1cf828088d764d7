package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.RawHttp;
import fitcoach.testing.SseStream;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A connection has FITCOACH_HEADER_TIMEOUT_SECONDS (here 1 s) to send complete request headers; what comes after the
 * headers (a body, a long response, a WebSocket) is not cut short by it.
 */
class SlowClientTest extends ApiTest {
  private static final Duration CLOSED_WITHIN = Duration.ofSeconds(10);

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    env.put("FITCOACH_HEADER_TIMEOUT_SECONDS", "1");
    return env;
  }

  /** Returns once a connection that sends nothing has been closed: the header timeout has certainly passed since now. */
  private void headerTimeoutPassed() {
    try (RawHttp silent = RawHttp.open(app.port())) {
      assertThat(silent.closedWithin(CLOSED_WITHIN)).as("a silent connection is closed").isTrue();
    }
  }

  @Test
  @DisplayName("A client that trickles header bytes, or sends none, is closed after the header timeout")
  void tricklerIsClosed() {
    try (RawHttp trickler = RawHttp.open(app.port()); RawHttp silent = RawHttp.open(app.port())) {
      trickler.send("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      Thread drip = new Thread(() -> {
        // One byte every 100 ms: each would reset an idle timeout.
        while (trickler.send("X")) {
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "trickler");
      drip.setDaemon(true);
      drip.start();
      assertThat(trickler.closedWithin(CLOSED_WITHIN)).as("the trickler is closed").isTrue();
      assertThat(silent.closedWithin(CLOSED_WITHIN)).as("the silent connection is closed").isTrue();
      drip.interrupt();
    }
  }

  @Test
  @DisplayName("A keep-alive client sends request after request on one connection")
  void keepAliveClientIsServed() {
    try (RawHttp http = RawHttp.open(app.port())) {
      for (int i = 0; i < 5; i++) {
        assertThat(http.send(RawHttp.head("GET", "/api/health", Map.of()))).isTrue();
        RawHttp.Response r = http.readResponse(Duration.ofSeconds(10));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("connection")).isNotEqualToIgnoringCase("close");
      }
    }
  }

  @Test
  @DisplayName("A server-sent-event stream outlives the header timeout and still delivers events")
  void eventStreamOutlivesTheTimeout() {
    signedIn();
    try (SseStream events = client.stream("GET", "/api/imports/events", null, null)) {
      assertThat(events.isEventStream()).isTrue();
      headerTimeoutPassed();
      headerTimeoutPassed();
      // Even a file that fails to import makes the job report progress.
      var upload = client.upload("/api/imports", "files", Map.of("junk.fit", "not a fit file".getBytes(StandardCharsets.UTF_8)));
      assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
      assertThat(events.until("progress", Duration.ofSeconds(30))).isNotEmpty();
    }
  }

  @Test
  @DisplayName("An upload whose body arrives slower than the header timeout is received whole")
  void slowBodyIsNotCutOff() {
    signedIn();
    String boundary = "----slow-body";
    byte[] body = RawHttp.multipart(boundary, "files", Map.of("slow.fit", new byte[] {1, 2, 3}));
    int half = body.length / 2;
    try (RawHttp http = RawHttp.open(app.port())) {
      http.send(RawHttp.head("POST", "/api/imports", Map.of("Cookie", client.cookie(), "Content-Length",
          Integer.toString(body.length), "Content-Type", "multipart/form-data; boundary=" + boundary)));
      http.send(java.util.Arrays.copyOf(body, half));
      headerTimeoutPassed();
      http.send(java.util.Arrays.copyOfRange(body, half, body.length));
      RawHttp.Response r = http.readResponse(Duration.ofSeconds(20));
      assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }
  }

  @Test
  @DisplayName("The event-bus bridge's WebSocket outlives the header timeout and still delivers messages")
  void bridgeWebSocketOutlivesTheTimeout() throws Exception {
    signedIn();
    String userId = TestDatabase.query("SELECT id::text FROM users", rs -> rs.next() ? rs.getString(1) : null);
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocketClient webSockets = app.vertx().createWebSocketClient();
    WebSocket ws = webSockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(app.port())
        .setURI("/eventbus/websocket").addHeader("Cookie", client.cookie()).addHeader("Origin", client.base()))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    // The bridge sends its frames as binary messages.
    ws.handler(frame -> frames.add(frame.toString()));
    ws.closeHandler(v -> frames.add("closed " + ws.closeStatusCode() + " " + ws.closeReason()));
    ws.writeTextMessage(new JsonObject().put("type", "register").put("address", "fitcoach.user." + userId + ".import").encode());
    headerTimeoutPassed();
    headerTimeoutPassed();
    var upload = client.upload("/api/imports", "files", Map.of("junk.fit", "not a fit file".getBytes(StandardCharsets.UTF_8)));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    String frame = frames.poll(20, TimeUnit.SECONDS);
    assertThat(frame).as("a frame from the bridge").isNotNull().startsWith("{");
    assertThat(new JsonObject(frame).getString("type")).isEqualTo("rec");
    webSockets.close();
  }
}
