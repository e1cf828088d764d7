package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.FakeStrava;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** Base for Strava tests: the real app pointed at a fake Strava on loopback, reset before each test. */
public abstract class StravaTest extends ApiTest {
  public static final String VERIFY_TOKEN = "verify-me-please";
  protected Vertx fakeVertx;
  protected FakeStrava fake;

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    if (fake == null) {
      fakeVertx = Vertx.vertx();
      fake = FakeStrava.start(fakeVertx);
    }
    env.put("STRAVA_BASE_URL", fake.baseUrl());
    env.put("STRAVA_CLIENT_ID", FakeStrava.CLIENT_ID);
    env.put("STRAVA_CLIENT_SECRET", FakeStrava.CLIENT_SECRET);
    env.put("STRAVA_WEBHOOK_VERIFY_TOKEN", VERIFY_TOKEN);
    env.put("STRAVA_RETRY_BASE_MS", "20");
    env.put("STRAVA_RATE_WINDOW_SECONDS", "2");
    return env;
  }

  @AfterAll
  void stopFake() {
    if (fake != null) {
      fake.close();
    }
    if (fakeVertx != null) {
      fakeVertx.close();
    }
  }

  @BeforeEach
  void resetFake() {
    fake.clearRequests();
    fake.history(0, 1);
    fake.rateLimits(200, 2000);
    fake.rateWindow(Duration.ofSeconds(2));
    fake.delay(Duration.ZERO);
    fake.grantedScope("read,activity:read_all,profile:read_all");
    fake.denyAuthorization(false);
    fake.accessTokenLifetime(Duration.ofHours(6));
    fake.rotateRefreshTokens(true);
  }

  /** Signs in and connects Strava through the real OAuth redirects; returns the callback's redirect target. */
  protected String connect() {
    signedIn();
    return connectSignedIn(client);
  }

  protected String connectSignedIn(TestClient browser) {
    var connect = browser.get("/api/strava/connect");
    assertThat(connect.status()).as(connect.toString()).isEqualTo(302);
    String callback = fake.authorizeAsBrowser(connect.header("Location"));
    URI uri = URI.create(callback);
    var done = browser.get(uri.getRawPath() + "?" + uri.getRawQuery());
    assertThat(done.status()).isEqualTo(302);
    return done.header("Location");
  }

  /**
   * Creates the push subscription through the app (the fake validates the callback like Strava) and returns the
   * callback URL. Strava allows one subscription per application, so an earlier test's is deleted on the fake first.
   */
  protected String subscribeWebhook() {
    if (fake.subscriptionId() != 0) {
      try {
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(fake.baseUrl()
                + "/api/v3/push_subscriptions/" + fake.subscriptionId() + "?client_id=" + FakeStrava.CLIENT_ID
                + "&client_secret=" + FakeStrava.CLIENT_SECRET)).DELETE().build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
      } catch (java.io.IOException | InterruptedException e) {
        throw new AssertionError("deleting the fake's subscription failed", e);
      }
    }
    String callbackUrl = "http://127.0.0.1:" + app.port() + "/api/strava/webhook";
    var created = client.post("/api/strava/webhook/subscription", new JsonObject().put("callbackUrl", callbackUrl));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return callbackUrl;
  }

  protected static long storedEvents() {
    return TestDatabase.count("SELECT count(*) FROM webhook_events");
  }

  protected JsonObject status() {
    return client.get("/api/strava/status").json();
  }

  /** Waits for the latest sync job to finish (done or failed) and returns the status. */
  protected JsonObject awaitSyncFinished() {
    await(() -> {
      JsonObject sync = status().getJsonObject("sync");
      return sync != null && ("done".equals(sync.getString("state")) || "failed".equals(sync.getString("state")));
    }, Duration.ofSeconds(60));
    return status();
  }

  protected long stravaActivities() {
    return TestDatabase.count("SELECT count(*) FROM activities WHERE source = 'strava'");
  }

  protected static void await(BooleanSupplier condition, Duration timeout) {
    await(condition, timeout, () -> "");
  }

  protected static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> describe) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Condition not met within " + timeout + describe.get());
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
