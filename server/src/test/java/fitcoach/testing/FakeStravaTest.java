package fitcoach.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Checks the fake against the documented Strava wire protocol with a plain JDK client, independent of Vert.x. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeStravaTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String REDIRECT = "http://127.0.0.1:9/strava/callback";
  private Vertx vertx;
  private FakeStrava strava;

  @BeforeAll
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  void stopVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void startFake() {
    strava = FakeStrava.start(vertx);
  }

  @AfterEach
  void stopFake() {
    strava.close();
  }

  // ---- OAuth

  @Test
  @DisplayName("Authorize redirects with the state, a code and the granted scope, and the code buys tokens and the athlete once")
  void authorizeAndExchange() {
    String location = strava.authorizeAsBrowser(authorizeUrl("nonce-1"));

    assertThat(location).startsWith(REDIRECT + "?state=nonce-1&code=").endsWith("&scope=read,activity:read_all,profile:read_all");
    Map<String, String> query = query(location);
    Response token = postForm("/oauth/token", Map.of("client_id", FakeStrava.CLIENT_ID, "client_secret", FakeStrava.CLIENT_SECRET,
        "code", query.get("code"), "grant_type", "authorization_code"));
    assertThat(token.status()).isEqualTo(200);
    JsonObject body = token.json();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("token_type", "expires_at", "expires_in", "refresh_token", "access_token", "athlete");
    assertThat(body.getString("token_type")).isEqualTo("Bearer");
    assertThat(body.getLong("expires_in")).isBetween(21_590L, 21_600L);
    assertThat(body.getLong("expires_at")).isCloseTo(Instant.now().getEpochSecond() + 21_600, within(5L));
    assertThat(body.getJsonObject("athlete").getLong("id")).isEqualTo(FakeStrava.ATHLETE_ID);
    assertThat(body.getJsonObject("athlete").getInteger("resource_state")).isEqualTo(2);
    assertThat(get("/api/v3/athlete", body.getString("access_token")).status()).isEqualTo(200);

    Response again = postForm("/oauth/token", Map.of("client_id", FakeStrava.CLIENT_ID, "client_secret", FakeStrava.CLIENT_SECRET,
        "code", query.get("code"), "grant_type", "authorization_code"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json()).isEqualTo(new JsonObject(
        "{\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"AuthorizationCode\",\"field\":\"code\",\"code\":\"invalid\"}]}"));
    assertThat(strava.tokenRequests("authorization_code")).isEqualTo(2);
  }

  @Test
  @DisplayName("The token endpoint takes its parameters as query, form or JSON and rejects a wrong client secret")
  void tokenParameterStyles() {
    String viaQuery = "/oauth/token?client_id=" + FakeStrava.CLIENT_ID + "&client_secret=" + FakeStrava.CLIENT_SECRET
        + "&grant_type=authorization_code&code=" + newCode();
    assertThat(send("POST", viaQuery, null, null, null).status()).isEqualTo(200);
    JsonObject json = new JsonObject().put("client_id", Long.parseLong(FakeStrava.CLIENT_ID)).put("client_secret", FakeStrava.CLIENT_SECRET)
        .put("grant_type", "authorization_code").put("code", newCode());
    assertThat(send("POST", "/oauth/token", null, json.encode(), "application/json").status()).isEqualTo(200);

    Response wrongSecret = postForm("/oauth/token", Map.of("client_id", FakeStrava.CLIENT_ID, "client_secret", "nope",
        "grant_type", "authorization_code", "code", newCode()));
    assertThat(wrongSecret.status()).isEqualTo(400);
    assertThat(wrongSecret.json()).isEqualTo(new JsonObject(
        "{\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"Application\",\"field\":\"client_secret\",\"code\":\"invalid\"}]}"));
  }

  @Test
  @DisplayName("A denied authorization redirects with error=access_denied and the state, and a narrower grant is reported")
  void deniedAndNarrowedAuthorization() {
    strava.denyAuthorization(true);
    assertThat(strava.authorizeAsBrowser(authorizeUrl("s2"))).isEqualTo(REDIRECT + "?state=s2&error=access_denied");

    strava.denyAuthorization(false).grantedScope("read,activity:read");
    assertThat(query(strava.authorizeAsBrowser(authorizeUrl("s3")))).containsEntry("scope", "read,activity:read");
  }

  @Test
  @DisplayName("A refresh rotates the refresh token, kills the old one at once and keeps an access token that has more than an hour left")
  void refreshRotation() {
    JsonObject first = tokens();

    JsonObject second = refresh(first.getString("refresh_token")).json();
    assertThat(second.fieldNames()).containsExactlyInAnyOrder("token_type", "access_token", "expires_at", "expires_in", "refresh_token");
    assertThat(second.getString("refresh_token")).isNotEqualTo(first.getString("refresh_token"));
    assertThat(second.getString("access_token")).isEqualTo(first.getString("access_token"));
    assertThat(second.getLong("expires_at")).isEqualTo(first.getLong("expires_at"));

    Response stale = refresh(first.getString("refresh_token"));
    assertThat(stale.status()).isEqualTo(400);
    assertThat(stale.json()).isEqualTo(new JsonObject(
        "{\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"RefreshToken\",\"field\":\"refresh_token\",\"code\":\"invalid\"}]}"));
    assertThat(refresh(second.getString("refresh_token")).status()).isEqualTo(200);
    assertThat(strava.tokenRequests("refresh_token")).isEqualTo(3);
  }

  @Test
  @DisplayName("An access token with an hour or less left is replaced on refresh, and the old one keeps working until it expires")
  void refreshNearExpiry() {
    strava.accessTokenLifetime(Duration.ofMinutes(30)).rotateRefreshTokens(false);
    JsonObject first = tokens();
    assertThat(first.getLong("expires_in")).isBetween(1790L, 1800L);

    JsonObject second = refresh(first.getString("refresh_token")).json();

    assertThat(second.getString("access_token")).isNotEqualTo(first.getString("access_token"));
    assertThat(second.getString("refresh_token")).isEqualTo(first.getString("refresh_token"));
    assertThat(get("/api/v3/athlete", first.getString("access_token")).status()).isEqualTo(200);
    assertThat(get("/api/v3/athlete", second.getString("access_token")).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("After all tokens are revoked resources answer 401 and the refresh token 400")
  void revokedTokens() {
    JsonObject t = tokens();
    strava.revokeAllTokens();

    Response resource = get("/api/v3/athlete/activities", t.getString("access_token"));
    assertThat(resource.status()).isEqualTo(401);
    assertThat(resource.json()).isEqualTo(new JsonObject(
        "{\"message\":\"Authorization Error\",\"errors\":[{\"resource\":\"Athlete\",\"field\":\"access_token\",\"code\":\"invalid\"}]}"));
    assertThat(refresh(t.getString("refresh_token")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("Deauthorize accepts the bearer token and invalidates every token")
  void deauthorize() {
    JsonObject t = tokens();
    Response r = send("POST", "/oauth/deauthorize", t.getString("access_token"), null, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("access_token")).isEqualTo(t.getString("access_token"));
    assertThat(get("/api/v3/athlete", t.getString("access_token")).status()).isEqualTo(401);
    assertThat(refresh(t.getString("refresh_token")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("Revoke takes the app's credentials in HTTP Basic and either token in the form, and kills both")
  void revoke() {
    JsonObject t = tokens();
    String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
        (FakeStrava.CLIENT_ID + ":" + FakeStrava.CLIENT_SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String form = "token=" + t.getString("refresh_token") + "&token_type_hint=refresh_token";
    assertThat(sendWithAuthorization("/oauth/revoke", "Basic d3Jvbmc6Y3JlZHM=", form).status()).isEqualTo(401);
    assertThat(get("/api/v3/athlete", t.getString("access_token")).status()).isEqualTo(200);

    assertThat(sendWithAuthorization("/oauth/revoke", basic, form).status()).isEqualTo(200);

    assertThat(get("/api/v3/athlete", t.getString("access_token")).status()).isEqualTo(401);
    assertThat(refresh(t.getString("refresh_token")).status()).isEqualTo(400);
    // A token it no longer knows is revoked already: 200 again, as OAuth token revocation answers.
    assertThat(sendWithAuthorization("/oauth/revoke", basic, form).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("A token sent as an access_token parameter is not read, as from 2027-06-01: only the header counts")
  void tokenOnlyInHeader() {
    JsonObject t = tokens();
    assertThat(send("GET", "/api/v3/athlete?access_token=" + t.getString("access_token"), null, null, null).status()).isEqualTo(401);
    assertThat(get("/api/v3/athlete", t.getString("access_token")).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("An access token stops working when its expires_at has passed on the fake's clock")
  void expiredAccessToken() {
    JsonObject t = tokens();
    assertThat(get("/api/v3/athlete", t.getString("access_token")).status()).isEqualTo(200);

    strava.clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(6)));

    assertThat(get("/api/v3/athlete", t.getString("access_token")).status()).isEqualTo(401);
    JsonObject refreshed = refresh(t.getString("refresh_token")).json();
    assertThat(refreshed.getString("access_token")).isNotEqualTo(t.getString("access_token"));
    assertThat(get("/api/v3/athlete", refreshed.getString("access_token")).status()).isEqualTo(200);
  }

  // ---- Activities

  @Test
  @DisplayName("450 activities come back newest first in pages of 200, 200 and 50, then an empty page")
  void paging() {
    strava.history(450, 7);
    String token = tokens().getString("access_token");

    List<JsonObject> all = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      JsonArray items = get("/api/v3/athlete/activities?per_page=200&page=" + page, token).array();
      sizes.add(items.size());
      items.forEach(o -> all.add((JsonObject) o));
    }

    assertThat(sizes).containsExactly(200, 200, 50, 0);
    assertThat(all).extracting(a -> a.getLong("id")).doesNotHaveDuplicates().allMatch(id -> id > (1L << 32));
    assertThat(all).extracting(a -> a.getString("start_date")).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(all).extracting(a -> a.getLong("id"))
        .containsExactlyElementsOf(strava.activities().stream().map(a -> a.getLong("id")).toList());
    assertThat(get("/api/v3/athlete/activities", token).array()).hasSize(30);
    assertThat(Instant.parse(all.get(449).getString("start_date"))).isBefore(Instant.now().minus(Duration.ofDays(340)));
  }

  @Test
  @DisplayName("Summaries look like Strava's: sport mix, power only on rides, HR fields only with has_heartrate, local time with Z, no calories")
  void summaryShape() {
    strava.history(300, 11);
    List<JsonObject> all = get("/api/v3/athlete/activities?per_page=200", tokens().getString("access_token")).objects();

    assertThat(all).extracting(a -> a.getString("sport_type")).contains("Run", "TrailRun", "Ride", "VirtualRide", "Swim", "WeightTraining");
    for (JsonObject a : all) {
      assertThat(a.getInteger("resource_state")).isEqualTo(2);
      assertThat(a.getJsonObject("athlete")).isEqualTo(new JsonObject().put("id", FakeStrava.ATHLETE_ID).put("resource_state", 1));
      assertThat(a.containsKey("calories")).isFalse();
      assertThat(a.getString("start_date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      assertThat(a.getString("start_date_local")).endsWith("Z");
      assertThat(a.getString("timezone")).matches("\\(GMT[+-]\\d\\d:\\d\\d\\) [A-Za-z_/]+");
      assertThat(a.containsKey("average_heartrate")).isEqualTo(a.getBoolean("has_heartrate"));
      assertThat(a.containsKey("max_heartrate")).isEqualTo(a.getBoolean("has_heartrate"));
      if (a.getBoolean("device_watts", false)) {
        assertThat(a.getString("type")).endsWith("Ride");
        assertThat(a.getValue("weighted_average_watts")).isInstanceOf(Integer.class);
        assertThat(a.getDouble("kilojoules")).isPositive();
      }
      if ("VirtualRide".equals(a.getString("sport_type"))) {
        assertThat(a.getBoolean("trainer")).isTrue();
        assertThat(a.getJsonObject("map").getString("summary_polyline")).isEmpty();
      }
      if ("Run".equals(a.getString("sport_type"))) {
        assertThat(a.getJsonObject("map").getString("summary_polyline")).isNotEmpty();
        assertThat(a.containsKey("average_watts")).isFalse();
      }
    }
    assertThat(all).anyMatch(a -> a.getBoolean("device_watts", false)).anyMatch(a -> !a.getBoolean("has_heartrate"));
    assertThat(all).anyMatch(a -> a.getString("timezone").equals("(GMT+01:00) Europe/Berlin"));
  }

  @Test
  @DisplayName("before and after filter by start time in epoch seconds, and after in milliseconds is a 400")
  void beforeAndAfter() {
    strava.history(120, 3);
    String token = tokens().getString("access_token");
    List<JsonObject> all = strava.activities();
    long pivot = Instant.parse(all.get(40).getString("start_date")).getEpochSecond();

    List<JsonObject> newer = get("/api/v3/athlete/activities?per_page=200&after=" + pivot, token).objects();
    List<JsonObject> older = get("/api/v3/athlete/activities?per_page=200&before=" + pivot, token).objects();

    assertThat(newer).hasSize(40).allMatch(a -> Instant.parse(a.getString("start_date")).getEpochSecond() > pivot);
    assertThat(older).hasSize(79).allMatch(a -> Instant.parse(a.getString("start_date")).getEpochSecond() < pivot);
    Response ms = get("/api/v3/athlete/activities?after=" + pivot * 1000, token);
    assertThat(ms.status()).isEqualTo(400);
    assertThat(ms.json()).isEqualTo(new JsonObject(
        "{\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"Application\",\"field\":\"after\",\"code\":\"future\"}]}"));
  }

  @Test
  @DisplayName("Resources need a bearer token, and only-me activities need activity:read_all")
  void authorizationAndPrivacy() {
    strava.history(200, 5);
    Response anonymous = get("/api/v3/athlete/activities", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().getString("message")).isEqualTo("Authorization Error");

    strava.grantedScope("read,activity:read");
    List<JsonObject> visible = get("/api/v3/athlete/activities?per_page=200", tokens().getString("access_token")).objects();
    long onlyMe = strava.activities().stream().filter(a -> a.getString("visibility").equals("only_me")).count();
    assertThat(onlyMe).isPositive();
    assertThat(visible).hasSize((int) (200 - onlyMe)).noneMatch(a -> a.getString("visibility").equals("only_me"));

    strava.grantedScope("read");
    Response noScope = get("/api/v3/athlete/activities", tokens().getString("access_token"));
    assertThat(noScope.status()).isEqualTo(401);
    assertThat(noScope.json()).isEqualTo(new JsonObject("{\"message\":\"Authorization Error\",\"errors\":"
        + "[{\"resource\":\"AccessToken\",\"field\":\"activity:read_permission\",\"code\":\"missing\"}]}"));
  }

  @Test
  @DisplayName("An activity's detail adds description, float calories, perceived exertion and device name; an unknown id is a 404")
  void detail() {
    JsonObject added = strava.addActivity(Instant.now().minus(Duration.ofDays(1)), "Run");
    String token = tokens().getString("access_token");

    Response r = get("/api/v3/activities/" + added.getLong("id"), token);

    assertThat(r.status()).isEqualTo(200);
    JsonObject detail = r.json();
    assertThat(detail.getInteger("resource_state")).isEqualTo(3);
    assertThat(detail.fieldNames()).contains("description", "calories", "perceived_exertion", "device_name", "laps", "splits_metric");
    assertThat(r.body()).containsPattern("\"calories\":\\d+\\.\\d");
    assertThat(detail.getJsonArray("splits_metric")).hasSize((int) Math.ceil(added.getDouble("distance") / 1000));
    Response missing = get("/api/v3/activities/1", token);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json()).isEqualTo(new JsonObject(
        "{\"message\":\"Resource Not Found\",\"errors\":[{\"resource\":\"Activity\",\"field\":\"id\",\"code\":\"invalid\"}]}"));
  }

  @Test
  @DisplayName("Changes and deletions show in the list, and an update event carries the new title")
  void updateAndDelete() {
    strava.history(10, 1);
    long id = strava.activities().get(0).getLong("id");
    strava.updateActivity(id, new JsonObject().put("name", "Renamed"));
    strava.deleteActivity(strava.activities().get(1).getLong("id"));

    List<JsonObject> list = get("/api/v3/athlete/activities", tokens().getString("access_token")).objects();

    assertThat(list).hasSize(9);
    assertThat(list.get(0).getString("name")).isEqualTo("Renamed");
    JsonObject event = strava.activityEvent("update", id);
    assertThat(event.getJsonObject("updates")).isEqualTo(new JsonObject().put("title", "Renamed"));
    assertThat(event.getLong("owner_id")).isEqualTo(FakeStrava.ATHLETE_ID);
    assertThat(strava.activityEvent("create", id).getJsonObject("updates")).isEmpty();
    assertThatThrownBy(() -> strava.updateActivity(42, new JsonObject())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("Streams keyed by type have one 1 Hz sample per moving second and agree with the summary")
  void streams() {
    strava.history(120, 9);
    JsonObject ride = strava.activities().stream()
        .filter(a -> a.getBoolean("device_watts", false) && a.getBoolean("has_heartrate") && !a.getJsonArray("start_latlng").isEmpty())
        .findFirst().orElseThrow();
    int n = ride.getInteger("moving_time");

    JsonObject set = get("/api/v3/activities/" + ride.getLong("id") + "/streams?keys=time,heartrate,watts,altitude,latlng&key_by_type=true",
        tokens().getString("access_token")).json();

    assertThat(set.fieldNames()).containsExactlyInAnyOrder("time", "distance", "latlng", "altitude", "heartrate", "watts");
    for (String type : set.fieldNames()) {
      JsonObject stream = set.getJsonObject(type);
      assertThat(stream.fieldNames()).containsExactlyInAnyOrder("data", "series_type", "original_size", "resolution");
      assertThat(stream.getJsonArray("data")).as(type).hasSize(n);
      assertThat(stream.getInteger("original_size")).isEqualTo(n);
      assertThat(stream.getString("resolution")).isEqualTo("high");
    }
    JsonArray distance = set.getJsonObject("distance").getJsonArray("data");
    assertThat(distance.getDouble(n - 1)).isEqualTo(ride.getDouble("distance"));
    assertThat(set.getJsonObject("time").getJsonArray("data").getInteger(n - 1)).isEqualTo(n - 1);
    assertThat(mean(set, "heartrate")).isCloseTo(ride.getDouble("average_heartrate"), within(2.0));
    assertThat(max(set, "heartrate")).isEqualTo(ride.getDouble("max_heartrate"));
    assertThat(mean(set, "watts")).isCloseTo(ride.getDouble("average_watts"), within(ride.getDouble("average_watts") * 0.03));
    JsonArray firstPoint = set.getJsonObject("latlng").getJsonArray("data").getJsonArray(0);
    assertThat(firstPoint).isEqualTo(ride.getJsonArray("start_latlng"));
  }

  // ---- Rate limits and faults

  @Test
  @DisplayName("With limits 5/100 in a 2 s window the 6th request is a counted 429, and the next window lets requests through")
  void rateLimit() {
    strava.rateLimits(5, 100).rateWindow(Duration.ofSeconds(5));
    String token = tokens().getString("access_token");
    // Start in the first half second of a window so all six requests share it, with 4.5 s to spare for a slow machine.
    waitUntil(() -> System.currentTimeMillis() % 5_000 < 500, Duration.ofSeconds(15));

    for (int i = 1; i <= 5; i++) {
      Response ok = get("/api/v3/athlete", token);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("X-ReadRateLimit-Usage")).isEqualTo(i + "," + i);
    }
    Response limited = get("/api/v3/athlete", token);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("5,100");
    assertThat(limited.header("X-RateLimit-Usage")).isEqualTo("6,6");
    assertThat(limited.header("X-ReadRateLimit-Limit")).isEqualTo("5,100");
    assertThat(limited.header("X-ReadRateLimit-Usage")).isEqualTo("6,6");
    assertThat(limited.json()).isEqualTo(new JsonObject(
        "{\"message\":\"Rate Limit Exceeded\",\"errors\":[{\"resource\":\"Application\",\"field\":\"rate limit\",\"code\":\"exceeded\"}]}"));
    assertThat(strava.usage15()).isEqualTo(6);

    waitUntil(() -> strava.usage15() == 0, Duration.ofSeconds(15));
    Response next = get("/api/v3/athlete", token);
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.header("X-ReadRateLimit-Usage")).isEqualTo("1,7");
  }

  @Test
  @DisplayName("Default limits are reported on every API response, and writes count only against the overall family")
  void defaultLimitHeaders() {
    Response r = send("GET", "/api/v3/push_subscriptions?client_id=" + FakeStrava.CLIENT_ID + "&client_secret=" + FakeStrava.CLIENT_SECRET,
        null, null, null);
    assertThat(r.header("X-RateLimit-Limit")).isEqualTo("200,2000");
    assertThat(r.header("X-ReadRateLimit-Limit")).isEqualTo("100,1000");

    Response delete = send("DELETE", "/api/v3/push_subscriptions/1?client_id=" + FakeStrava.CLIENT_ID + "&client_secret="
        + FakeStrava.CLIENT_SECRET, null, null, null);
    assertThat(delete.header("X-RateLimit-Usage")).isEqualTo("2,2");
    assertThat(delete.header("X-ReadRateLimit-Usage")).isEqualTo("1,1");
  }

  @Test
  @DisplayName("failNext(1, 503) answers one HTML 503 with rate-limit headers, then the API recovers")
  void injected503() {
    String token = tokens().getString("access_token");
    strava.failNext(1, 503);

    Response failed = get("/api/v3/athlete", token);

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.header("Content-Type")).startsWith("text/html");
    assertThat(failed.body()).startsWith("<!DOCTYPE html>");
    assertThat(failed.header("X-RateLimit-Usage")).isEqualTo("1,1");
    assertThat(get("/api/v3/athlete", token).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("failNext replaces what was scripted before, so failNext(0, …) clears pending faults")
  void failNextReplaces() {
    String token = tokens().getString("access_token");
    strava.failNext(5, 500).failNext(1, 502);

    assertThat(get("/api/v3/athlete", token).status()).isEqualTo(502);
    assertThat(get("/api/v3/athlete", token).status()).isEqualTo(200);
    strava.failNext(3, 500).failNext(0, 500);
    assertThat(get("/api/v3/athlete", token).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("malformedNext answers 200 with JSON that does not parse, once")
  void malformed() {
    strava.history(5, 2);
    String token = tokens().getString("access_token");
    strava.malformedNext(1);

    Response broken = get("/api/v3/athlete/activities", token);

    assertThat(broken.status()).isEqualTo(200);
    assertThat(broken.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThatThrownBy(broken::array).isInstanceOf(DecodeException.class);
    assertThat(get("/api/v3/athlete/activities", token).array()).hasSize(5);
  }

  @Test
  @DisplayName("A delay holds every API response back, and requests are recorded with their headers")
  void delayAndRecording() {
    String token = tokens().getString("access_token");
    strava.clearRequests();
    strava.delay(Duration.ofMillis(300));

    long started = System.nanoTime();
    assertThat(get("/api/v3/athlete?x=1", token).status()).isEqualTo(200);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    FakeStrava.Request recorded = strava.requests().get(0);
    assertThat(recorded.method()).isEqualTo("GET");
    assertThat(recorded.path()).isEqualTo("/api/v3/athlete");
    assertThat(recorded.query().get("x")).isEqualTo("1");
    assertThat(recorded.headers().get("authorization")).isEqualTo("Bearer " + token);
  }

  // ---- Webhooks

  @Test
  @DisplayName("Creating a push subscription validates the callback with the hub.challenge echo, then lists and deletes it")
  void subscriptionLifecycle() {
    Callback callback = Callback.start(vertx, true);
    try {
      Response created = postForm("/api/v3/push_subscriptions", Map.of("client_id", FakeStrava.CLIENT_ID,
          "client_secret", FakeStrava.CLIENT_SECRET, "callback_url", callback.url(), "verify_token", "STRAVA"));

      assertThat(created.status()).isEqualTo(201);
      long id = created.json().getLong("id");
      assertThat(strava.subscriptionId()).isEqualTo(id);
      HttpServerRequestSnapshot validation = callback.requests.get(0);
      assertThat(validation.method()).isEqualTo("GET");
      assertThat(validation.query()).containsEntry("hub.mode", "subscribe").containsEntry("hub.verify_token", "STRAVA")
          .containsKey("hub.challenge");

      String credentials = "?client_id=" + FakeStrava.CLIENT_ID + "&client_secret=" + FakeStrava.CLIENT_SECRET;
      JsonArray list = send("GET", "/api/v3/push_subscriptions" + credentials, null, null, null).array();
      assertThat(list).hasSize(1);
      assertThat(list.getJsonObject(0).getString("callback_url")).isEqualTo(callback.url());
      assertThat(list.getJsonObject(0).getLong("application_id")).isEqualTo(12345L);

      Response duplicate = postForm("/api/v3/push_subscriptions", Map.of("client_id", FakeStrava.CLIENT_ID,
          "client_secret", FakeStrava.CLIENT_SECRET, "callback_url", callback.url(), "verify_token", "STRAVA"));
      assertThat(duplicate.status()).isEqualTo(400);
      assertThat(duplicate.json()).isEqualTo(new JsonObject("{\"message\":\"Bad Request\",\"errors\":"
          + "[{\"resource\":\"PushSubscription\",\"field\":\"\",\"code\":\"already exists\"}]}"));

      assertThat(send("DELETE", "/api/v3/push_subscriptions/" + id + credentials, null, null, null).status()).isEqualTo(204);
      assertThat(strava.subscriptionId()).isZero();
      assertThat(send("GET", "/api/v3/push_subscriptions" + credentials, null, null, null).array()).isEmpty();
    } finally {
      callback.close();
    }
  }

  @Test
  @DisplayName("A callback that echoes the wrong challenge makes the subscription 'not verifiable'")
  void subscriptionNotVerifiable() {
    Callback callback = Callback.start(vertx, false);
    try {
      Response refused = postForm("/api/v3/push_subscriptions", Map.of("client_id", FakeStrava.CLIENT_ID,
          "client_secret", FakeStrava.CLIENT_SECRET, "callback_url", callback.url(), "verify_token", "STRAVA"));

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json()).isEqualTo(new JsonObject("{\"message\":\"Bad Request\",\"errors\":"
          + "[{\"resource\":\"PushSubscription\",\"field\":\"callback url\",\"code\":\"not verifiable\"}]}"));
      assertThat(strava.subscriptionId()).isZero();
    } finally {
      callback.close();
    }
  }

  @Test
  @DisplayName("deliver posts the event JSON once on 200 and tries three times while the callback fails")
  void deliver() {
    Callback callback = Callback.start(vertx, true);
    try {
      JsonObject event = strava.activityEvent("create", 12_345_678_901L);
      assertThat(event.fieldNames()).containsExactlyInAnyOrder("aspect_type", "event_time", "object_id", "object_type",
          "owner_id", "subscription_id", "updates");

      assertThat(strava.deliver(callback.url(), event)).isEqualTo(200);
      HttpServerRequestSnapshot post = callback.requests.get(0);
      assertThat(post.method()).isEqualTo("POST");
      assertThat(post.contentType()).startsWith("application/json");
      assertThat(new JsonObject(post.body())).isEqualTo(event);

      callback.postStatus = 500;
      assertThat(strava.deliver(callback.url(), strava.deauthorizationEvent())).isEqualTo(500);
      assertThat(callback.requests).hasSize(4);
      assertThat(new JsonObject(callback.requests.get(3).body()).getJsonObject("updates"))
          .isEqualTo(new JsonObject().put("authorized", "false"));
    } finally {
      callback.close();
    }
  }

  @Test
  @DisplayName("Deauthorizing tells the subscribed callback with an athlete event whose updates say authorized false")
  void deauthorizationPushesEvent() {
    Callback callback = Callback.start(vertx, true);
    try {
      assertThat(postForm("/api/v3/push_subscriptions", Map.of("client_id", FakeStrava.CLIENT_ID, "client_secret",
          FakeStrava.CLIENT_SECRET, "callback_url", callback.url(), "verify_token", "v")).status()).isEqualTo(201);

      assertThat(send("POST", "/oauth/deauthorize", tokens().getString("access_token"), null, null).status()).isEqualTo(200);

      waitUntil(() -> callback.requests.size() == 2, Duration.ofSeconds(5));
      JsonObject event = new JsonObject(callback.requests.get(1).body());
      assertThat(event.getString("object_type")).isEqualTo("athlete");
      assertThat(event.getLong("object_id")).isEqualTo(FakeStrava.ATHLETE_ID);
      assertThat(event.getLong("subscription_id")).isEqualTo(strava.subscriptionId());
      assertThat(event.getJsonObject("updates")).isEqualTo(new JsonObject().put("authorized", "false"));
    } finally {
      callback.close();
    }
  }

  @Test
  @DisplayName("Deauthorizing on strava.com kills the access and refresh tokens and tells the subscriber")
  void deauthorizeOnStrava() {
    Callback callback = Callback.start(vertx, true);
    try {
      assertThat(postForm("/api/v3/push_subscriptions", Map.of("client_id", FakeStrava.CLIENT_ID, "client_secret",
          FakeStrava.CLIENT_SECRET, "callback_url", callback.url(), "verify_token", "v")).status()).isEqualTo(201);
      JsonObject t = tokens();

      assertThat(strava.deauthorizeOnStrava()).isEqualTo(200);

      assertThat(send("GET", "/api/v3/athlete", t.getString("access_token"), null, null).status()).isEqualTo(401);
      Response refresh = postForm("/oauth/token", Map.of("client_id", FakeStrava.CLIENT_ID, "client_secret",
          FakeStrava.CLIENT_SECRET, "grant_type", "refresh_token", "refresh_token", t.getString("refresh_token")));
      assertThat(refresh.status()).isEqualTo(400);
      JsonObject event = new JsonObject(callback.requests.get(1).body());
      assertThat(event.getString("object_type")).isEqualTo("athlete");
      assertThat(event.getJsonObject("updates")).isEqualTo(new JsonObject().put("authorized", "false"));
    } finally {
      callback.close();
    }
  }

  // ---- Helpers

  private String authorizeUrl(String state) {
    return strava.baseUrl() + "/oauth/authorize?client_id=" + FakeStrava.CLIENT_ID + "&redirect_uri="
        + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&response_type=code&approval_prompt=auto&scope="
        + URLEncoder.encode("read,activity:read_all,profile:read_all", StandardCharsets.UTF_8) + "&state=" + state;
  }

  private String newCode() {
    return query(strava.authorizeAsBrowser(authorizeUrl("x"))).get("code");
  }

  private JsonObject tokens() {
    Response r = postForm("/oauth/token", Map.of("client_id", FakeStrava.CLIENT_ID, "client_secret", FakeStrava.CLIENT_SECRET,
        "code", newCode(), "grant_type", "authorization_code"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private Response refresh(String refreshToken) {
    return postForm("/oauth/token", Map.of("client_id", FakeStrava.CLIENT_ID, "client_secret", FakeStrava.CLIENT_SECRET,
        "grant_type", "refresh_token", "refresh_token", refreshToken));
  }

  private static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }

  private Response get(String path, String token) {
    return send("GET", path, token, null, null);
  }

  private Response postForm(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send("POST", path, null, body, "application/x-www-form-urlencoded");
  }

  private Response send(String method, String path, String token, String body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(strava.baseUrl() + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  private Response sendWithAuthorization(String path, String authorization, String form) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(strava.baseUrl() + path)).timeout(Duration.ofSeconds(20))
          .header("Authorization", authorization).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    }
  }

  private static void waitUntil(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within " + timeout).isLessThan(deadline);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static double mean(JsonObject set, String type) {
    JsonArray data = set.getJsonObject(type).getJsonArray("data");
    return data.stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElseThrow();
  }

  private static double max(JsonObject set, String type) {
    JsonArray data = set.getJsonObject(type).getJsonArray("data");
    return data.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElseThrow();
  }

  private record Response(int status, Map<String, List<String>> headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    JsonArray array() {
      return new JsonArray(body);
    }

    List<JsonObject> objects() {
      return array().stream().map(o -> (JsonObject) o).toList();
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }
  }

  private record HttpServerRequestSnapshot(String method, Map<String, String> query, String contentType, String body) {
  }

  /** A tiny webhook receiver: answers the validation GET (echoing the challenge or not) and records every request. */
  private static final class Callback {
    final List<HttpServerRequestSnapshot> requests = new CopyOnWriteArrayList<>();
    volatile int postStatus = 200;
    private final boolean echo;
    private HttpServer server;

    private Callback(boolean echo) {
      this.echo = echo;
    }

    static Callback start(Vertx vertx, boolean echo) {
      Callback callback = new Callback(echo);
      try {
        callback.server = vertx.createHttpServer().requestHandler(callback::handle).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return callback;
    }

    String url() {
      return "http://127.0.0.1:" + server.actualPort() + "/strava/webhook";
    }

    void close() {
      try {
        server.close().await(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private void handle(HttpServerRequest req) {
      req.body().onSuccess(body -> {
        Map<String, String> query = new LinkedHashMap<>();
        req.params().forEach(e -> query.put(e.getKey(), e.getValue()));
        requests.add(new HttpServerRequestSnapshot(req.method().name(), query, req.getHeader("Content-Type"), body.toString()));
        if (req.method().name().equals("GET")) {
          String challenge = echo ? req.getParam("hub.challenge") : "something-else";
          req.response().putHeader("Content-Type", "application/json")
              .end(new JsonObject().put("hub.challenge", challenge).encode());
        } else {
          req.response().setStatusCode(postStatus).end();
        }
      });
    }
  }
}
