package fitcoach.boot;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.RawHttp;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SockJS event-bus bridge: who may open it, how long a socket lives, and the XHR transports. */
class EventBusBridgeTest extends ApiTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private Vertx vertx;
  private WebSocketClient webSockets;

  @BeforeAll
  void startClient() {
    vertx = Vertx.vertx();
    webSockets = vertx.createWebSocketClient();
  }

  @AfterAll
  void stopClient() {
    vertx.close();
  }

  private String userId() {
    return client.get("/api/auth/me").json().getString("id");
  }

  private Future<WebSocket> connect(String cookie, String origin, String host) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(app.port())
        .setURI("/eventbus/websocket").setAllowOriginHeader(origin != null);
    if (cookie != null) {
      options.addHeader("Cookie", cookie);
    }
    if (origin != null) {
      // With allowOriginHeader off the client strips any Origin; on, it keeps ours instead of making its own.
      options.addHeader("Origin", origin);
    }
    if (host != null) {
      options.addHeader("Host", host);
    }
    return webSockets.connect(options);
  }

  /** A bridge socket subscribed to the user's import progress, proven by one message arriving on it. */
  private WebSocket subscribed(String cookie, List<JsonObject> frames) throws Exception {
    WebSocket socket = await(connect(cookie, client.base(), null));
    socket.handler(frame -> frames.add(new JsonObject(frame.toString())));
    String address = "fitcoach.user." + userId() + ".import";
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode());
    // Registration completes asynchronously: publish until the first message comes through.
    long timer = app.vertx().setPeriodic(50, id -> app.vertx().eventBus().publish(address, new JsonObject().put("state", "running")));
    try {
      eventually("a message over the bridge", () -> frames.stream().anyMatch(f -> "rec".equals(f.getString("type"))));
    } finally {
      app.vertx().cancelTimer(timer);
    }
    return socket;
  }

  @Test
  @DisplayName("The WebSocket handshake is refused from a foreign Origin or Host and accepted from FitCoach's own origin")
  void handshakeOrigin() throws Exception {
    signedIn();
    assertThat(rejection(connect(client.cookie(), "http://evil.example", null))).isEqualTo(403);
    assertThat(rejection(connect(client.cookie(), "http://localhost:" + (app.port() == 65535 ? 1 : app.port() + 1), null)))
        .isEqualTo(403);
    assertThat(rejection(connect(client.cookie(), "http://evil.example:" + app.port(), "evil.example:" + app.port())))
        .as("DNS rebinding: Host and Origin agree on a foreign name").isEqualTo(403);
    await(connect(client.cookie(), "http://localhost:" + app.port(), null)).close();
    await(connect(client.cookie(), client.base(), null)).close();
    assertThat(rejection(connect(null, client.base(), null))).as("not signed in").isEqualTo(401);
  }

  @Test
  @DisplayName("Signing out closes that session's open bridge sockets, and only that session's")
  void signOutClosesSockets() throws Exception {
    signedIn();
    TestClient otherBrowser = new TestClient(app.port());
    assertThat(otherBrowser.post("/api/auth/login", new JsonObject().put("email", EMAIL).put("password", PASSWORD)).status())
        .isEqualTo(200);
    String address = "fitcoach.user." + userId() + ".import";
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    WebSocket socket = subscribed(client.cookie(), frames);
    CompletableFuture<Void> closed = new CompletableFuture<>();
    socket.closeHandler(v -> closed.complete(null));
    List<JsonObject> otherFrames = new CopyOnWriteArrayList<>();
    WebSocket other = subscribed(otherBrowser.cookie(), otherFrames);
    CompletableFuture<Void> otherClosed = new CompletableFuture<>();
    other.closeHandler(v -> otherClosed.complete(null));

    assertThat(client.post("/api/auth/logout", null).status()).isEqualTo(200);
    closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    int seen = frames.size();
    int otherSeen = otherFrames.size();
    app.vertx().eventBus().publish(address, new JsonObject().put("state", "after sign-out"));
    eventually("the message on the other session's socket", () -> otherFrames.size() > otherSeen);
    assertThat(otherClosed).isNotDone();
    assertThat(frames).hasSize(seen);
    other.close();
  }

  @Test
  @DisplayName("A bridge socket closes by itself when its session expires")
  void expiryClosesSockets() throws Exception {
    signedIn();
    String userId = userId();
    UUID sessionId = UUID.randomUUID();
    OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3);
    TestDatabase.query("INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?::uuid, ?)", rs -> null,
        sessionId, userId, expires);
    long now = Instant.now().getEpochSecond();
    String token = hs256(new JsonObject().put("sub", userId).put("sid", sessionId.toString()).put("iss", "fitcoach")
        .put("aud", "fitcoach").put("iat", now).put("exp", now + 3600));
    CompletableFuture<Void> closed = new CompletableFuture<>();
    subscribed("fitcoach_token=" + token, new CopyOnWriteArrayList<>()).closeHandler(v -> closed.complete(null));
    closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(Instant.now()).isAfterOrEqualTo(expires.toInstant().minusMillis(50));
  }

  @Test
  @DisplayName("The SockJS XHR transports work: open, register with xhr_send, then receive by polling")
  void xhrTransport() throws Exception {
    signedIn();
    // Over HTTP/1.1 as browsers speak it here (the JDK client would upgrade to cleartext HTTP/2, which no browser does).
    String path = "/eventbus/123/" + UUID.randomUUID().toString().replace("-", "");
    String cookie = "Cookie: " + client.cookie();
    String origin = "Origin: " + client.base();
    var open = RawHttp.exchange(app.port(), "POST", path + "/xhr", "", cookie, origin);
    assertThat(open.status()).isEqualTo(200);
    assertThat(open.body()).isEqualTo("o\n");
    // SockJS would echo the Cookie header back as Set-Cookie, re-setting the session cookie without HttpOnly.
    assertThat(open.header("Set-Cookie")).isNull();

    String address = "fitcoach.user." + userId() + ".import";
    String frame = new JsonArray().add(new JsonObject().put("type", "register").put("address", address).encode()).encode();
    var send = RawHttp.exchange(app.port(), "POST", path + "/xhr_send", frame, cookie, origin, "Content-Type: text/plain");
    assertThat(send.status()).as(send.toString()).isEqualTo(204);
    assertThat(send.header("Set-Cookie")).isNull();

    CompletableFuture<RawHttp.Answer> poll = CompletableFuture.supplyAsync(
        () -> RawHttp.exchange(app.port(), "POST", path + "/xhr", "", cookie, origin));
    long timer = app.vertx().setPeriodic(50, id -> app.vertx().eventBus().publish(address, new JsonObject().put("state", "running")));
    try {
      RawHttp.Answer received = poll.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(received.status()).isEqualTo(200);
      assertThat(received.body()).startsWith("a[");
      assertThat(received.header("Set-Cookie")).isNull();
      JsonObject message = new JsonObject(new JsonArray(received.body().substring(1).trim()).getString(0));
      assertThat(message.getString("type")).isEqualTo("rec");
      assertThat(message.getString("address")).isEqualTo(address);
      assertThat(message.getJsonObject("body").getString("state")).isEqualTo("running");
    } finally {
      app.vertx().cancelTimer(timer);
    }

    var foreign = RawHttp.exchange(app.port(), "POST", path + "/xhr_send", frame, cookie, "Origin: http://evil.example",
        "Content-Type: text/plain");
    assertThat(foreign.status()).isEqualTo(403);
    var anonymous = RawHttp.exchange(app.port(), "POST", path + "/xhr_send", frame, "Content-Type: text/plain");
    assertThat(anonymous.status()).isEqualTo(401);
    var huge = RawHttp.exchange(app.port(), "POST", path + "/xhr_send",
        "[\"" + "x".repeat(EventBusBridge.MAX_FRAME_BYTES) + "\"]", cookie, origin, "Content-Type: text/plain");
    assertThat(huge.status()).isEqualTo(413);
    // SockJS itself answers these with 500 ("Payload expected", "Broken JSON encoding"): the client's mistake is a 400.
    var empty = RawHttp.exchange(app.port(), "POST", path + "/xhr_send", "", cookie, origin, "Content-Type: text/plain");
    assertThat(empty.status()).isEqualTo(400);
    var broken = RawHttp.exchange(app.port(), "POST", path + "/xhr_send", "[\"unterminated", cookie, origin,
        "Content-Type: text/plain");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body()).contains("broken_frames");
  }

  private static int rejection(Future<WebSocket> attempt) throws InterruptedException {
    try {
      attempt.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS).close();
      return 101;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UpgradeRejectedException rejected) {
        return rejected.getStatus();
      }
      throw new AssertionError("the handshake failed otherwise", e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer to the handshake", e);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void eventually(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("No " + what + " within " + WAIT);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String hs256(JsonObject claims) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TestApp.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
  }
}
