package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Live sync progress reaches the browser over SSE and over the SockJS event-bus bridge, and only the owner's. */
class SyncEventsTest extends StravaTest {

  @Test
  @DisplayName("The SSE stream sends the progress of a running sync, page by page, through to done")
  void serverSentEvents() throws Exception {
    fake.history(800, 13);
    fake.delay(Duration.ofMillis(100));
    signedIn();
    HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + app.port() + "/api/strava/sync/events")).header("Cookie", client.cookie()).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type")).contains("text/event-stream");
    assertThat(stream.headers().firstValue("X-Accel-Buffering")).contains("no");
    CompletableFuture<List<JsonObject>> events = CompletableFuture.supplyAsync(() -> {
      List<JsonObject> seen = new ArrayList<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.startsWith("data: ")) {
            JsonObject e = new JsonObject(line.substring(6));
            seen.add(e);
            if ("done".equals(e.getString("state"))) {
              return seen;
            }
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return seen;
    });
    connectSignedIn(client);
    List<JsonObject> seen = events.get(60, TimeUnit.SECONDS);
    assertThat(seen).extracting(e -> e.getString("state")).contains("running").endsWith("done");
    assertThat(seen).extracting(e -> e.getInteger("pagesFetched")).isSorted();
    assertThat(seen.get(seen.size() - 1).getInteger("activitiesFetched")).isEqualTo(800);
  }

  @Test
  @DisplayName("Over the event-bus bridge a signed-in browser receives its own sync progress and may not listen to others")
  void eventBusBridge() throws Exception {
    fake.history(400, 17);
    fake.delay(Duration.ofMillis(100));
    signedIn();
    String userId = client.get("/api/auth/me").json().getString("id");
    Vertx vertx = Vertx.vertx();
    try {
      WebSocketClient ws = vertx.createWebSocketClient();
      List<JsonObject> frames = new CopyOnWriteArrayList<>();
      var socket = ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(app.port())
          .setURI("/eventbus/websocket").addHeader("Cookie", client.cookie()))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      // The bridge writes each message as one frame (binary on the raw WebSocket transport).
      socket.handler(frame -> frames.add(new JsonObject(frame.toString())));
      socket.writeTextMessage(new JsonObject().put("type", "register").put("address", "fitcoach.user." + userId + ".sync").encode());
      socket.writeTextMessage(new JsonObject().put("type", "register")
          .put("address", "fitcoach.user.00000000-0000-0000-0000-000000000000.sync").encode());
      socket.writeTextMessage(new JsonObject().put("type", "ping").encode());
      String foreign = "fitcoach.user.00000000-0000-0000-0000-000000000000.sync";
      connectSignedIn(client);
      // Published while the sync runs: a denied registration must never see it.
      app.vertx().eventBus().publish(foreign, new JsonObject().put("state", "secret"));
      await(() -> frames.stream().anyMatch(f -> f.getValue("body") instanceof JsonObject body
          && "done".equals(body.getString("state"))), Duration.ofSeconds(60), frames::toString);
      assertThat(frames).filteredOn(f -> "rec".equals(f.getString("type")))
          .allSatisfy(f -> assertThat(f.getString("address")).isEqualTo("fitcoach.user." + userId + ".sync"));
      assertThat(frames).filteredOn(f -> "rec".equals(f.getString("type"))).hasSizeGreaterThanOrEqualTo(2);
    } finally {
      vertx.close();
    }
  }

  @Test
  @DisplayName("The bridge refuses browsers that are not signed in")
  void bridgeNeedsSignIn() {
    var r = new fitcoach.testing.TestClient(app.port()).get("/eventbus/info");
    assertThat(r.status()).isEqualTo(401);
  }
}
