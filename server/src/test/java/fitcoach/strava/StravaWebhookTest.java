package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.FakeStrava;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StravaWebhookTest extends StravaTest {
  private String callbackUrl;

  @BeforeEach
  void connectedWithSubscription() throws Exception {
    if (fake.subscriptionId() != 0) {
      // Strava allows one subscription per application; the previous test's is still there.
      var http = java.net.http.HttpClient.newHttpClient();
      http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fake.baseUrl() + "/api/v3/push_subscriptions/"
              + fake.subscriptionId() + "?client_id=" + FakeStrava.CLIENT_ID + "&client_secret=" + FakeStrava.CLIENT_SECRET))
          .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    }
    fake.history(3, 8);
    connect();
    awaitSyncFinished();
    callbackUrl = "http://127.0.0.1:" + app.port() + "/api/strava/webhook";
    var created = client.post("/api/strava/webhook/subscription", new JsonObject().put("callbackUrl", callbackUrl));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  private long processed(String outcomePrefix) {
    return TestDatabase.count("SELECT count(*) FROM webhook_events WHERE processed_at IS NOT NULL AND outcome LIKE ?", outcomePrefix + "%");
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
  @DisplayName("Events for another subscription or an unknown athlete are stored and ignored")
  void foreignEvents() {
    JsonObject foreign = fake.activityEvent("create", 42L).put("subscription_id", 999_999L);
    assertThat(fake.deliver(callbackUrl, foreign)).isEqualTo(200);
    JsonObject stranger = fake.activityEvent("create", 43L).put("owner_id", 1L);
    assertThat(fake.deliver(callbackUrl, stranger)).isEqualTo(200);
    await(() -> processed("ignored") == 2, Duration.ofSeconds(20));
    assertThat(stravaActivities()).isEqualTo(3);
  }

  @Test
  @DisplayName("Malformed webhook bodies get 400, never 500, and nothing stored is lost")
  void malformed() {
    TestClient strava = new TestClient(app.port()).nonBrowser();
    assertThat(strava.postRaw("/api/strava/webhook", "{\"aspect_type\": ").status()).isEqualTo(400);
    assertThat(strava.postRaw("/api/strava/webhook", "[]").status()).isEqualTo(400);
    assertThat(strava.postRaw("/api/strava/webhook", "{\"object_id\":\"not a number\",\"owner_id\":\"x\"}").status()).isEqualTo(200);
    await(() -> processed("ignored") == 1, Duration.ofSeconds(20));
    assertThat(stravaActivities()).isEqualTo(3);
  }

  @Test
  @DisplayName("Deauthorisation on Strava deletes the tokens at once and keeps the activities")
  void deauthorization() {
    assertThat(fake.deliver(callbackUrl, fake.deauthorizationEvent())).isEqualTo(200);
    await(() -> TestDatabase.count("SELECT count(*) FROM strava_connections") == 0, Duration.ofSeconds(20));
    assertThat(status().getBoolean("connected")).isFalse();
    assertThat(stravaActivities()).isEqualTo(3);
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
