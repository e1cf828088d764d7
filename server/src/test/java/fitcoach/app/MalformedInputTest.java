package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.RawRequest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Query strings and JSON text that cannot be decoded, or hold what PostgreSQL cannot store, are 4xx and store nothing. */
class MalformedInputTest extends ApiTest {

  private RawRequest.Response raw(String method, String target, String body) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    if (client.cookie() != null) {
      headers.put("Cookie", client.cookie());
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
      headers.put("Origin", client.base());
    }
    return new RawRequest(app.port(), 10_000).send(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        RawRequest.Read.ALL);
  }

  private static JsonObject error(RawRequest.Response r) {
    return new JsonObject(r.text()).getJsonObject("error");
  }

  @Test
  @DisplayName("A lone or broken % in a query string is a 400 on every route, the unauthenticated OAuth callback included")
  void brokenPercentEncoding() {
    for (String target : new String[] {"/api/strava/callback?state=abc&code=%", "/api/health?x=%2", "/api/auth/status?%=1",
        "/api/strava/webhook?hub.mode=%ZZ"}) {
      RawRequest.Response r = raw("GET", target, null);
      assertThat(r.status()).as(target + " → " + r).isEqualTo(400);
      assertThat(error(r).getString("code")).isEqualTo("malformed_query");
    }
    signedIn();
    for (String target : new String[] {"/api/activities?limit=20&text=%", "/api/load/pmc?from=%", "/api/ai/models?provider=openai&%=1",
        "/api/analytics/sports?x=%E2%82"}) {
      RawRequest.Response r = raw("GET", target, null);
      assertThat(r.status()).as(target + " → " + r).isEqualTo(400);
    }
  }

  @Test
  @DisplayName("A form or multipart body sent to a JSON route, on a GET as well, is a 415 and not decoded")
  void formBodies() {
    signedIn();
    for (String method : new String[] {"POST", "GET"}) {
      for (String body : new String[] {"a=%", "%=1", "a=%FF%FE", "a=1&b=2"}) {
        RawRequest.Response r = new RawRequest(app.port(), 10_000).send(method, "/api/activities", Map.of("Cookie", client.cookie(),
            "Origin", client.base(), "Content-Type", "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8),
            RawRequest.Read.ALL);
        assertThat(r.status()).as(method + " " + body + " → " + r).isEqualTo(415);
      }
      RawRequest.Response multipart = new RawRequest(app.port(), 10_000).send(method, "/api/settings/profile", Map.of("Cookie",
          client.cookie(), "Origin", client.base(), "Content-Type", "multipart/form-data; boundary=x"), "--x--".getBytes(
          StandardCharsets.UTF_8), RawRequest.Read.ALL);
      assertThat(multipart.status()).as(method + " multipart → " + multipart).isEqualTo(415);
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isZero();
  }

  @Test
  @DisplayName("A NUL or invalid UTF-8 in a query parameter is a 400 naming the parameter")
  void queryTextThatIsNotText() {
    signedIn();
    RawRequest.Response nul = raw("GET", "/api/activities?text=run%00", null);
    assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
    assertThat(error(nul).getString("field")).isEqualTo("text");
    RawRequest.Response invalid = raw("GET", "/api/activities?sport=%FF%FE", null);
    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(error(invalid).getString("field")).isEqualTo("sport");
    RawRequest.Response overlong = raw("GET", "/api/activities?text=%C0%80", null);
    assertThat(overlong.status()).isEqualTo(400);
    RawRequest.Response fine = raw("GET", "/api/activities?text=%E6%97%A5%E6%9C%AC+run", null);
    assertThat(fine.status()).as(fine.toString()).isEqualTo(200);
  }

  @Test
  @DisplayName("An upload whose query cannot be decoded is refused at once, not left hanging after its body")
  void uploadWithBrokenQuery() {
    signedIn();
    String boundary = "b0undary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.gpx\"\r\n\r\n<gpx/>\r\n--"
        + boundary + "--\r\n";
    RawRequest.Response r = new RawRequest(app.port(), 10_000).send("POST", "/api/imports?x=%", Map.of("Cookie", client.cookie(),
        "Origin", client.base(), "Content-Type", "multipart/form-data; boundary=" + boundary), body.getBytes(StandardCharsets.UTF_8),
        RawRequest.Read.ALL);
    assertThat(r.timedOut()).isFalse();
    assertThat(r.status()).isEqualTo(400);
    assertThat(TestDatabase.count("SELECT count(*) FROM import_files")).isZero();
  }

  @Test
  @DisplayName("A NUL or an unpaired surrogate in any JSON text field is a 422 naming the field, and nothing is stored")
  void jsonTextThatIsNotText() {
    signedIn();
    String[][] cases = {
        {"POST", "/api/activities", "{\"sportType\":\"Run\",\"startLocal\":\"2026-01-05T07:00\",\"durationS\":1800,\"name\":\"a\\u0000b\"}", "name"},
        {"POST", "/api/activities", "{\"sportType\":\"Run\",\"startLocal\":\"2026-01-05T07:00\",\"durationS\":1800,\"notes\":\"\\ud800\"}", "notes"},
        {"PUT", "/api/settings/profile", "{\"goals\":\"sub-3\\u0000\"}", "goals"},
        {"PUT", "/api/settings/profile", "{\"preferences\":\"\\udfff\"}", "preferences"},
        {"POST", "/api/ai/chat/sessions", "{\"title\":\"\\u0000\"}", "title"},
        {"POST", "/api/ai/chat", "{\"message\":\"hi\\u0000\"}", "message"},
        {"PUT", "/api/ai/settings", "{\"provider\":\"openai\",\"model\":\"llama\\u0000\"}", "model"},
        {"PUT", "/api/load/settings", "{\"seed\":{\"date\":\"2026-01-01\\u0000\",\"ctl\":1,\"atl\":1}}", "seed.date"},
        {"POST", "/api/settings/apikey", "{\"provider\":\"openai\",\"baseUrl\":\"http://localhost:1/v1\",\"model\":\"m\\u0000\"}", "model"},
    };
    for (String[] c : cases) {
      RawRequest.Response r = raw(c[0], c[1], c[2]);
      assertThat(r.status()).as(c[1] + " " + c[2] + " → " + r).isEqualTo(422);
      assertThat(error(r).getString("field")).as(c[1] + " " + c[2]).isEqualTo(c[3]);
      assertThat(error(r).getString("code")).isEqualTo("invalid_text");
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM chat_sessions")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM ai_settings")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM api_keys")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM athlete_profiles WHERE goals IS NOT NULL OR preferences IS NOT NULL")).isZero();
  }

  @Test
  @DisplayName("A blank model name in the AI settings is a 422 naming the field; null still means the provider's default")
  void blankModelName() {
    signedIn();
    var blank = client.put("/api/ai/settings", new JsonObject().put("provider", "openai").put("model", " "));
    assertThat(blank.status()).as(blank.toString()).isEqualTo(422);
    assertThat(blank.errorField()).isEqualTo("model");
    var emptyFast = client.put("/api/ai/settings", new JsonObject().put("provider", "openai").put("fastModel", ""));
    assertThat(emptyFast.status()).isEqualTo(422);
    assertThat(emptyFast.errorField()).isEqualTo("fastModel");
    assertThat(TestDatabase.count("SELECT count(*) FROM ai_settings")).isZero();
    var defaults = client.put("/api/ai/settings", new JsonObject().put("provider", "openai").putNull("model"));
    assertThat(defaults.status()).as(defaults.toString()).isEqualTo(200);
  }
}
