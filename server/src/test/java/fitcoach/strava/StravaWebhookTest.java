package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.FakeStrava;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StravaWebhookTest extends StravaTest {
  private String callbackUrl;

  @BeforeEach
  void connectedWithSubscription() {
    fake.history(3, 8);
    connect();
    awaitSyncFinished();
    callbackUrl = subscribeWebhook();
  }

  private long processed(String outcomePrefix) {
    return TestDatabase.count("SELECT count(*) FROM webhook_events WHERE processed_at IS NOT NULL AND outcome LIKE ?", outcomePrefix + "%");
  }

  /** Waits until the (one) event about {@code objectId} is processed and returns its outcome. */
  private String outcomeOf(long objectId) {
    await(() -> TestDatabase.count("SELECT count(*) FROM webhook_events WHERE object_id = ? AND processed_at IS NOT NULL", objectId) == 1,
        Duration.ofSeconds(20));
    return TestDatabase.query("SELECT outcome FROM webhook_events WHERE object_id = ?", rs -> {
      rs.next();
      return rs.getString(1);
    }, objectId);
  }

  /** Waits until the event about {@code objectId} has failed {@code attempts} times and is still waiting. */
  private void awaitFailedAttempts(long objectId, int attempts) {
    await(() -> TestDatabase.count("SELECT count(*) FROM webhook_events WHERE object_id = ? AND attempts = ? AND processed_at IS NULL"
        + " AND error IS NOT NULL", objectId, attempts) == 1, Duration.ofSeconds(20));
  }

  private long storedActivity() {
    return fake.activities().get(0).getLong("id");
  }

  private long connections() {
    return TestDatabase.count("SELECT count(*) FROM strava_connections");
  }

  @Test
  @DisplayName("Subscription validation echoes the challenge for the right verify token and refuses a wrong one")
  void validation() {
    var ok = new TestClient(app.port()).get("/api/strava/webhook?hub.mode=subscribe&hub.challenge=abc123&hub.verify_token=" + VERIFY_TOKEN);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json()).isEqualTo(new JsonObject().put("hub.challenge", "abc123"));
    var wrong = new TestClient(app.port()).get("/api/strava/webhook?hub.mode=subscribe&hub.challenge=abc123&hub.verify_token=nope");
    assertThat(wrong.status()).isEqualTo(403);
    var subscription = client.get("/api/strava/webhook/subscription").json();
    assertThat(subscription.getLong("id")).isEqualTo(fake.subscriptionId());
    assertThat(subscription.getString("callbackUrl")).isEqualTo(callbackUrl);
  }

  @Test
  @DisplayName("Create, update and delete events change the activity, live on the event bus, and a redelivery changes nothing")
  void activityEvents() {
    String userId = client.get("/api/auth/me").json().getString("id");
    List<JsonObject> live = new CopyOnWriteArrayList<>();
    app.vertx().eventBus().<JsonObject>consumer("fitcoach.user." + userId + ".activities", m -> live.add(m.body()));

    JsonObject created = fake.addActivity(Instant.now().minus(Duration.ofHours(1)), "Ride");
    long id = created.getLong("id");
    JsonObject createEvent = fake.activityEvent("create", id);
    assertThat(fake.deliver(callbackUrl, createEvent)).isEqualTo(200);
    await(() -> stravaActivities() == 4, Duration.ofSeconds(20));
    await(() -> live.size() == 1, Duration.ofSeconds(5));
    assertThat(live.get(0).getString("change")).isEqualTo("created");
    JsonObject stored = client.get("/api/activities?limit=1").jsonArray("items").getJsonObject(0);
    assertThat(stored.getString("name")).isEqualTo(created.getString("name"));
    assertThat(stored.getString("loadMethod")).isNotNull();

    assertThat(fake.deliver(callbackUrl, createEvent)).isEqualTo(200);
    assertThat(TestDatabase.count("SELECT count(*) FROM webhook_events WHERE object_id = ?", id)).isEqualTo(1);

    fake.updateActivity(id, new JsonObject().put("name", "Renamed on Strava"));
    assertThat(fake.deliver(callbackUrl, fake.activityEvent("update", id))).isEqualTo(200);
    await(() -> "Renamed on Strava".equals(client.get("/api/activities?limit=1").jsonArray("items").getJsonObject(0).getString("name")),
        Duration.ofSeconds(20));

    fake.deleteActivity(id);
    assertThat(fake.deliver(callbackUrl, fake.activityEvent("delete", id))).isEqualTo(200);
    await(() -> stravaActivities() == 3, Duration.ofSeconds(20));
    await(() -> live.stream().anyMatch(e -> "deleted".equals(e.getString("change"))), Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("A forged delete for an activity Strava still has leaves the activity")
  void forgedDelete() {
    long id = storedActivity();
    assertThat(fake.deliver(callbackUrl, fake.activityEvent("delete", id))).isEqualTo(200);
    assertThat(outcomeOf(id)).isEqualTo("ignored: still on Strava");
    assertThat(stravaActivities()).isEqualTo(3);
    assertThat(fake.requests()).anyMatch(r -> r.path().equals("/api/v3/activities/" + id));
  }

  @Test
  @DisplayName("A forged create for an activity Strava does not have stores nothing")
  void forgedCreate() {
    assertThat(fake.deliver(callbackUrl, fake.activityEvent("create", 987_654_321L))).isEqualTo(200);
    assertThat(outcomeOf(987_654_321L)).startsWith("gone on Strava");
    assertThat(stravaActivities()).isEqualTo(3);
  }

  @Test
  @DisplayName("A 401 while confirming a delete is a token problem, not a deletion: the activity stays and the event waits")
  void unauthorizedIsNotGone() {
    long id = storedActivity();
    fake.clearRequests();
    fake.failNext(2, 401);
    assertThat(fake.deliver(callbackUrl, fake.activityEvent("delete", id))).isEqualTo(200);
    awaitFailedAttempts(id, 1);
    assertThat(stravaActivities()).isEqualTo(3);
    // The first 401 made the app refresh the token once and ask again before giving this attempt up.
    assertThat(fake.requests()).filteredOn(r -> r.path().equals("/api/v3/activities/" + id)).hasSize(2);
  }

  @Test
  @DisplayName("A delete that meets Strava's rate limit waits for the window without spending attempts, then is confirmed")
  void rateLimitedConfirmationWaits() {
    long id = storedActivity();
    fake.deleteActivity(id);
    int rejections = 6; // more than the attempts an event may fail
    fake.clearRequests();
    fake.failNext(rejections, 429);
    assertThat(fake.deliver(callbackUrl, fake.activityEvent("delete", id))).isEqualTo(200);
    await(() -> stravaActivities() == 2, Duration.ofSeconds(40));
    assertThat(outcomeOf(id)).isEqualTo("deleted: gone on Strava");
    assertThat(TestDatabase.count("SELECT attempts FROM webhook_events WHERE object_id = ?", id)).isEqualTo(1);
    assertThat(fake.requests()).filteredOn(r -> r.path().equals("/api/v3/activities/" + id)).hasSize(rejections + 1);
  }

  @Test
  @DisplayName("Events for another subscription or an unknown athlete are answered 200 and not stored")
  void foreignEvents() {
    JsonObject foreign = fake.activityEvent("create", 42L).put("subscription_id", fake.subscriptionId() + 1);
    assertThat(fake.deliver(callbackUrl, foreign)).isEqualTo(200);
    JsonObject stranger = fake.activityEvent("create", 43L).put("owner_id", 1L);
    assertThat(fake.deliver(callbackUrl, stranger)).isEqualTo(200);
    JsonObject strangerDeauth = fake.deauthorizationEvent().put("owner_id", 1L).put("object_id", 1L);
    assertThat(fake.deliver(callbackUrl, strangerDeauth)).isEqualTo(200);
    assertThat(storedEvents()).isZero();
    assertThat(stravaActivities()).isEqualTo(3);
  }

  @Test
  @DisplayName("Without a subscription no event is stored")
  void noSubscription() {
    JsonObject event = fake.activityEvent("create", storedActivity());
    assertThat(client.delete("/api/strava/webhook/subscription").status()).isEqualTo(200);
    assertThat(fake.deliver(callbackUrl, event)).isEqualTo(200);
    assertThat(storedEvents()).isZero();
  }

  @Test
  @DisplayName("Malformed webhook bodies get 400, never 500; bodies not shaped like Strava's events are not stored")
  void malformed() {
    TestClient strava = new TestClient(app.port()).nonBrowser();
    assertThat(strava.postRaw("/api/strava/webhook", "{\"aspect_type\": ").status()).isEqualTo(400);
    assertThat(strava.postRaw("/api/strava/webhook", "[]").status()).isEqualTo(400);
    assertThat(strava.postRaw("/api/strava/webhook", "{\"object_id\":\"not a number\",\"owner_id\":\"x\"}").status()).isEqualTo(200);
    JsonObject wrongKind = fake.activityEvent("create", 44L).put("aspect_type", "explode");
    assertThat(strava.postRaw("/api/strava/webhook", wrongKind.encode()).status()).isEqualTo(200);
    // The fuzz test found these answered 500: a type missing altogether, or not a string.
    JsonObject noType = fake.activityEvent("create", 44L);
    noType.remove("aspect_type");
    assertThat(strava.postRaw("/api/strava/webhook", noType.encode()).status()).isEqualTo(200);
    JsonObject numberType = fake.activityEvent("create", 44L).put("object_type", 1.5);
    assertThat(strava.postRaw("/api/strava/webhook", numberType.encode()).status()).isEqualTo(200);
    assertThat(storedEvents()).isZero();
    assertThat(stravaActivities()).isEqualTo(3);
  }

  @Test
  @DisplayName("A body over 4 KB is refused with 413 before it is parsed; what is stored of an event is its documented fields")
  void bounded() {
    TestClient strava = new TestClient(app.port()).nonBrowser();
    long id = storedActivity();
    JsonObject padded = fake.activityEvent("update", id).put("padding", "x".repeat(5000));
    var tooLarge = strava.postRaw("/api/strava/webhook", padded.encode());
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.errorCode()).isEqualTo("payload_too_large");
    assertThat(storedEvents()).isZero();

    JsonObject junk = fake.activityEvent("update", id).put("padding", "x".repeat(3000));
    junk.getJsonObject("updates").put("title", "y".repeat(300)).put("extra", "z".repeat(500));
    assertThat(strava.postRaw("/api/strava/webhook", junk.encode()).status()).isEqualTo(200);
    assertThat(storedEvents()).isEqualTo(1);
    assertThat(TestDatabase.count("SELECT max(octet_length(payload::text)) FROM webhook_events")).isLessThan(400);
  }

  @Test
  @DisplayName("A forged deauthorisation keeps the connection while Strava still accepts the token")
  void forgedDeauthorization() {
    assertThat(fake.deliver(callbackUrl, fake.deauthorizationEvent())).isEqualTo(200);
    assertThat(outcomeOf(FakeStrava.ATHLETE_ID)).isEqualTo("ignored: Strava still accepts the token");
    assertThat(connections()).isEqualTo(1);
    assertThat(status().getBoolean("connected")).isTrue();
    assertThat(status().getBoolean("needsReauth")).isFalse();
  }

  @Test
  @DisplayName("A forged deauthorisation when the access token has expired on Strava is refuted by a refresh that works")
  void forgedDeauthorizationAfterExpiry() {
    int refreshes = fake.tokenRequests("refresh_token");
    // Seven hours on at Strava: the stored access token answers 401 there, the refresh token still works.
    fake.clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(7)));
    try {
      assertThat(fake.deliver(callbackUrl, fake.deauthorizationEvent())).isEqualTo(200);
      assertThat(outcomeOf(FakeStrava.ATHLETE_ID)).isEqualTo("ignored: Strava still accepts the token");
    } finally {
      fake.clock(Clock.systemUTC());
    }
    assertThat(fake.tokenRequests("refresh_token") - refreshes).isEqualTo(1);
    assertThat(connections()).isEqualTo(1);
    assertThat(status().getBoolean("needsReauth")).isFalse();
  }

  @Test
  @DisplayName("Deauthorisation on Strava (tokens revoked there) deletes the tokens and the Strava API copies")
  void deauthorization() {
    assertThat(fake.deauthorizeOnStrava()).isEqualTo(200);
    await(() -> connections() == 0, Duration.ofSeconds(20));
    assertThat(outcomeOf(FakeStrava.ATHLETE_ID)).isEqualTo("deauthorized");
    assertThat(status().getBoolean("connected")).isFalse();
    // The Strava API copies go with the authorisation, in the same transaction as the connection.
    assertThat(stravaActivities()).isZero();
  }

  @Test
  @DisplayName("A deauthorisation Strava cannot confirm now (5xx) is not acted on: the connection stays and the event waits")
  void unconfirmedDeauthorization() {
    fake.failNext(1, 503);
    assertThat(fake.deliver(callbackUrl, fake.deauthorizationEvent())).isEqualTo(200);
    awaitFailedAttempts(FakeStrava.ATHLETE_ID, 1);
    assertThat(connections()).isEqualTo(1);
  }

  @Test
  @DisplayName("Too many events waiting to be confirmed: the next one gets 429 and is not stored")
  void pendingBacklogIsBounded() {
    TestDatabase.query("""
        INSERT INTO webhook_events (payload, object_type, object_id, aspect_type, event_time)
        SELECT '{}'::jsonb, 'activity', n, 'create', 1 FROM generate_series(1, 1100) AS n""", rs -> null);
    var answer = new TestClient(app.port()).nonBrowser().postRaw("/api/strava/webhook", fake.activityEvent("create", 5_000_000L).encode());
    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.header("Retry-After")).isNotNull();
    assertThat(TestDatabase.count("SELECT count(*) FROM webhook_events WHERE object_id = 5000000")).isZero();
  }

  @Test
  @DisplayName("Events processed more than 30 days ago, and ones never processed that arrived that long ago, are pruned")
  void pruning() throws Exception {
    List<Long> ids = fake.activities().stream().map(a -> a.getLong("id")).toList();
    for (long id : ids) {
      assertThat(fake.deliver(callbackUrl, fake.activityEvent("update", id))).isEqualTo(200);
    }
    await(() -> processed("updated") == 3, Duration.ofSeconds(20));
    TestDatabase.query("UPDATE webhook_events SET processed_at = now() - interval '31 days' WHERE object_id = ?", rs -> null, ids.get(0));
    TestDatabase.query("UPDATE webhook_events SET processed_at = now() - interval '29 days' WHERE object_id = ?", rs -> null, ids.get(1));
    TestDatabase.query("UPDATE webhook_events SET processed_at = NULL, attempts = 5, received_at = now() - interval '31 days'"
        + " WHERE object_id = ?", rs -> null, ids.get(2));

    int pruned = app.vertx().eventBus().<Integer>request(Addresses.PRUNE_EVENTS, null).await(20, TimeUnit.SECONDS).body();

    assertThat(pruned).isEqualTo(2);
    long kept = TestDatabase.query("SELECT object_id FROM webhook_events", rs -> {
      rs.next();
      return rs.getLong(1);
    });
    assertThat(storedEvents()).isEqualTo(1);
    assertThat(kept).isEqualTo(ids.get(1));
  }

  @Test
  @DisplayName("Concurrent work with an expired token shares one refresh, so the rotated refresh token is never used twice")
  void concurrentRefreshIsSingle() throws Exception {
    TestDatabase.query("UPDATE strava_connections SET expires_at = now()", rs -> null);
    int before = fake.tokenRequests("refresh_token");
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(fake.addActivity(Instant.now().minus(Duration.ofHours(i + 1)), "Run").getLong("id"));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
      for (long id : ids) {
        sent.add(pool.submit(() -> fake.deliver(callbackUrl, fake.activityEvent("create", id))));
      }
      for (var f : sent) {
        assertThat(f.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    await(() -> stravaActivities() == 9, Duration.ofSeconds(30));
    assertThat(fake.tokenRequests("refresh_token") - before).isEqualTo(1);
    assertThat(status().getBoolean("needsReauth")).isFalse();
  }
}
