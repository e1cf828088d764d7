package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.RawHttp;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cross-cutting request handling: origin checks, body limits, the error format, security headers. */
class RequestHandlingTest extends ApiTest {

  @Test
  @DisplayName("A state-changing request from a foreign Origin is refused with 403 and changes nothing")
  void foreignOriginIsRefused() {
    var r = new TestClient(app.port()).header("Origin", "https://evil.example")
        .post("/api/auth/setup", new JsonObject().put("email", EMAIL).put("password", PASSWORD));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("foreign_origin");
    assertThat(client.get("/api/auth/status").json().getBoolean("setup")).isFalse();

    signedIn();
    var logout = new TestClient(app.port()).cookie(client.cookie()).header("Origin", "http://127.0.0.1:1")
        .post("/api/auth/logout", null);
    assertThat(logout.status()).isEqualTo(403);
    assertThat(client.get("/api/auth/me").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("DNS rebinding: a page whose Host and Origin agree on a foreign name can neither write nor read")
  void dnsRebindingIsRefused() {
    String setup = new JsonObject().put("email", EMAIL).put("password", PASSWORD).encode();
    var write = RawHttp.exchange(app.port(), "POST", "/api/auth/setup", setup, "Host: evil.example:" + app.port(),
        "Origin: http://evil.example:" + app.port(), "Content-Type: application/json");
    assertThat(write.status()).isEqualTo(403);
    assertThat(new JsonObject(write.body()).getJsonObject("error").getString("code")).isIn("unknown_host", "foreign_origin");
    assertThat(client.get("/api/auth/status").json().getBoolean("setup")).isFalse();

    // With the Host an IP literal (no rebinding possible) the Origin alone decides, and it is still foreign.
    var origin = RawHttp.exchange(app.port(), "POST", "/api/auth/setup", setup, "Origin: http://evil.example:" + app.port(),
        "Content-Type: application/json");
    assertThat(origin.status()).isEqualTo(403);
    assertThat(new JsonObject(origin.body()).getJsonObject("error").getString("code")).isEqualTo("foreign_origin");

    var read = RawHttp.exchange(app.port(), "GET", "/api/auth/status", null, "Host: evil.example:" + app.port());
    assertThat(read.status()).isEqualTo(403);
    assertThat(new JsonObject(read.body()).getJsonObject("error").getString("code")).isEqualTo("unknown_host");
    assertThat(RawHttp.exchange(app.port(), "GET", "/", null, "Host: evil.example").status()).isEqualTo(403);
    assertThat(TestDatabase.count("SELECT count(*) FROM users")).isZero();
  }

  @Test
  @DisplayName("The loopback names FitCoach is reachable at may read and write: localhost, 127.0.0.1 and [::1] on its port")
  void loopbackOriginsAreAllowed() {
    assertThat(RawHttp.exchange(app.port(), "GET", "/api/auth/status", null, "Host: localhost:" + app.port()).status())
        .isEqualTo(200);
    assertThat(RawHttp.exchange(app.port(), "GET", "/api/auth/status", null, "Host: [::1]:" + app.port()).status())
        .isEqualTo(200);
    var other = RawHttp.exchange(app.port(), "POST", "/api/auth/logout", "", "Host: localhost:" + app.port(),
        "Origin: http://localhost:" + (app.port() == 65535 ? 1 : app.port() + 1));
    assertThat(other.status()).as("another server on this computer").isEqualTo(403);
    var r = RawHttp.exchange(app.port(), "POST", "/api/auth/setup",
        new JsonObject().put("email", EMAIL).put("password", PASSWORD).encode(),
        "Host: localhost:" + app.port(), "Origin: http://localhost:" + app.port(), "Content-Type: application/json");
    assertThat(r.status()).isEqualTo(201);
  }

  @Test
  @DisplayName("Reads from a foreign origin and writes without an Origin header (non-browser clients) are allowed")
  void safeRequestsAndNonBrowserClients() {
    var read = new TestClient(app.port()).header("Origin", "https://evil.example").get("/api/auth/status");
    assertThat(read.status()).isEqualTo(200);
    var r = new TestClient(app.port()).nonBrowser()
        .post("/api/auth/setup", new JsonObject().put("email", EMAIL).put("password", PASSWORD));
    assertThat(r.status()).isEqualTo(201);
  }

  @Test
  @DisplayName("Malformed JSON, a non-object body and an empty body are 400 with a JSON error")
  void malformedBodies() {
    var broken = client.postRaw("/api/auth/setup", "{\"email\": ");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.errorCode()).isEqualTo("malformed_json");
    var array = client.postRaw("/api/auth/setup", "[1,2]");
    assertThat(array.status()).isEqualTo(400);
    assertThat(array.errorCode()).isEqualTo("malformed_json");
    var empty = client.postRaw("/api/auth/login", "");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.errorCode()).isEqualTo("empty_body");
  }

  @Test
  @DisplayName("A body over 1 MiB is refused with 413 and the JSON error format; stored data is untouched")
  void oversizedBody() {
    signedIn();
    client.put("/api/settings/profile", new JsonObject().put("goals", "Sub-3 marathon"));
    String huge = "{\"goals\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
    var r = client.send("PUT", "/api/settings/profile", huge, "application/json");
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.errorCode()).isEqualTo("payload_too_large");
    assertThat(client.get("/api/settings/profile").json().getString("goals")).isEqualTo("Sub-3 marathon");
  }

  @Test
  @DisplayName("Unknown API paths are 404 in the JSON error format")
  void unknownApiPath() {
    var r = client.get("/api/no-such-thing");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("not_found");
  }

  @Test
  @DisplayName("Responses carry a request id and security headers; API responses are not cached")
  void securityHeaders() {
    var r = client.get("/api/auth/status");
    assertThat(r.header("X-Request-Id")).isNotBlank();
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  @DisplayName("The single-page UI is served at / and for client-side routes, with index.html never cached")
  void servesTheUi() {
    var root = client.get("/");
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.body()).containsIgnoringCase("<!doctype html");
    assertThat(root.header("Cache-Control")).isEqualTo("no-cache");
    String asset = java.util.regex.Pattern.compile("/assets/[\\w.-]+\\.js").matcher(root.body()).results()
        .map(java.util.regex.MatchResult::group).findFirst().orElseThrow();
    var js = client.get(asset);
    assertThat(js.status()).isEqualTo(200);
    assertThat(js.header("Cache-Control")).contains("immutable");
    var deepLink = client.get("/settings/profile");
    assertThat(deepLink.status()).isEqualTo(200);
    assertThat(deepLink.body()).isEqualTo(root.body());
    assertThat(deepLink.header("Cache-Control")).isEqualTo("no-cache");
  }
}
