package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.RawHttp;
import java.time.Duration;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One client address holds at most FITCOACH_MAX_CONNECTIONS_PER_CLIENT (here 4) connections; more close at once. */
class ConnectionLimitTest extends ApiTest {
  private static final int LIMIT = 4;

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    env.put("FITCOACH_MAX_CONNECTIONS_PER_CLIENT", Integer.toString(LIMIT));
    return env;
  }

  private static RawHttp.Response health(RawHttp http) {
    http.send(RawHttp.head("GET", "/api/health", Map.of()));
    return http.readResponse(Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("Connections beyond the per-client limit are closed as they open; those within it are served, and a freed slot is reused")
  void excessConnectionsAreClosed() {
    List<RawHttp> held = new ArrayList<>();
    try {
      for (int i = 0; i <= LIMIT; i++) {
        held.add(RawHttp.open(app.port()));
      }
      // Two event loops accept in parallel, so which of the five comes last to the server is not known: one of them
      // is closed, well before the 20 s header timeout.
      RawHttp closed = null;
      Instant deadline = Instant.now().plusSeconds(5);
      while (closed == null && Instant.now().isBefore(deadline)) {
        for (RawHttp http : held) {
          if (http.closedWithin(Duration.ofMillis(50))) {
            closed = http;
            break;
          }
        }
      }
      assertThat(closed).as("the connection over the limit is closed").isNotNull();
      held.remove(closed);
      closed.close();
      for (RawHttp http : held) {
        assertThat(health(http).status()).isEqualTo(200);
      }
      held.remove(0).close();
      // The server sees the close a moment later; until then a new connection may still be one too many.
      deadline = Instant.now().plusSeconds(10);
      while (true) {
        try (RawHttp next = RawHttp.open(app.port())) {
          assertThat(health(next).status()).isEqualTo(200);
          break;
        } catch (IllegalStateException e) {
          // closed before the response: try again
        }
        assertThat(Instant.now()).as("a freed slot is reused").isBefore(deadline);
      }
    } finally {
      held.forEach(RawHttp::close);
    }
  }

  /** Creates the account on a connection closed right after, so no pooled connection of the test client takes a slot. */
  private String signUpOnOwnConnection() {
    try (RawHttp http = RawHttp.open(app.port())) {
      String body = new io.vertx.core.json.JsonObject().put("email", EMAIL).put("password", PASSWORD).encode();
      http.send(RawHttp.head("POST", "/api/auth/setup", Map.of("Content-Type", "application/json", "Connection", "close",
          "Content-Length", Integer.toString(body.length()))) + body);
      RawHttp.Response r = http.readResponse(Duration.ofSeconds(10));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      return r.header("set-cookie").split(";", 2)[0];
    }
  }

  @Test
  @DisplayName("A connection that became a WebSocket gives its slot back when it closes")
  void closedWebSocketsFreeTheirSlots() throws Exception {
    String cookie = signUpOnOwnConnection();
    WebSocketClient webSockets = app.vertx().createWebSocketClient();
    try {
      for (int i = 0; i < 3 * LIMIT; i++) {
        WebSocket ws = webSockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(app.port())
            .setURI("/eventbus/websocket").addHeader("Cookie", cookie).addHeader("Origin", client.base()))
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ws.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      throw new AssertionError("a WebSocket was refused: the slots of closed ones were not given back", e);
    } finally {
      webSockets.close();
    }
  }
}
