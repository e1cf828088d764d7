package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.boot.FitCoachApp;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StravaSyncTest extends StravaTest {

  @Test
  @DisplayName("The first connect backfills the whole history: 2,000 activities over 10 pages, each with its load")
  void backfill() {
    fake.history(2000, 11);
    connect();
    JsonObject sync = awaitSyncFinished().getJsonObject("sync");
    assertThat(sync.getString("state")).isEqualTo("done");
    assertThat(sync.getInteger("activitiesFetched")).isEqualTo(2000);
    assertThat(sync.getInteger("activitiesNew")).isEqualTo(2000);
    assertThat(sync.getInteger("pagesFetched")).isEqualTo(10);
    assertThat(stravaActivities()).isEqualTo(2000);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE load IS NULL OR load_method IS NULL")).isZero();
    assertThat(fake.requests().stream().filter(r -> r.path().equals("/api/v3/athlete/activities")))
        .allSatisfy(r -> assertThat(r.query().get("per_page")).isEqualTo("200"))
        .hasSize(11);
    assertThat(client.get("/api/activities/stats").json().getDouble("ctl")).isGreaterThan(0);
  }

  @Test
  @DisplayName("During a long first sync the chart fills in as pages are stored, not only when the sync ends")
  void chartFillsInDuringSync() {
    fake.history(600, 21);
    // Strava takes its time with every page: the sync runs for seconds after its first page is stored.
    fake.delay(Duration.ofMillis(1500));
    connect();
    await(() -> stravaActivities() >= 200, Duration.ofSeconds(30));

    await(() -> fitness() > 0, Duration.ofSeconds(10));

    assertThat(status().getJsonObject("sync").getString("state")).isNotIn("done", "failed");
    assertThat(stravaActivities()).isLessThan(600);
    fake.delay(Duration.ZERO);
    assertThat(awaitSyncFinished().getJsonObject("sync").getString("state")).isEqualTo("done");
  }

  /** The highest fitness of the chart's default range (the last 90 days). */
  private double fitness() {
    return client.get("/api/load/pmc").json().getJsonArray("days").stream()
        .mapToDouble(d -> ((JsonObject) d).getDouble("ctl")).max().orElse(0);
  }

  @Test
  @DisplayName("Later syncs are incremental: only activities after the newest known one (with a day's overlap) are fetched")
  void incremental() {
    fake.history(50, 5);
    connect();
    awaitSyncFinished();
    fake.clearRequests();
    fake.addActivity(Instant.now().minus(Duration.ofHours(2)), "Run");
    var started = client.post("/api/strava/sync", null);
    assertThat(started.status()).isEqualTo(202);
    assertThat(started.json().getString("mode")).isEqualTo("incremental");
    JsonObject sync = awaitSyncFinished().getJsonObject("sync");
    assertThat(sync.getInteger("activitiesNew")).isEqualTo(1);
    assertThat(stravaActivities()).isEqualTo(51);
    assertThat(fake.requests()).filteredOn(r -> r.path().equals("/api/v3/athlete/activities"))
        .allSatisfy(r -> assertThat(r.query().get("after")).isNotNull());
  }

  @Test
  @DisplayName("A second sync request while one runs returns the running job instead of starting another")
  void singleRunningJob() {
    fake.history(600, 3);
    fake.delay(Duration.ofMillis(300));
    connect();
    var again = client.post("/api/strava/sync", null);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().getBoolean("alreadyRunning")).isTrue();
    assertThat(again.json().getString("jobId")).isEqualTo(status().getJsonObject("sync").getString("jobId"));
    awaitSyncFinished();
    assertThat(TestDatabase.count("SELECT count(*) FROM sync_jobs")).isEqualTo(1);
  }

  @Test
  @DisplayName("When the rate budget runs out the sync waits for the next window, says so, and finishes by itself")
  void waitsForTheRateLimit() {
    fake.history(1000, 9);
    fake.rateLimits(3, 1000);
    List<String> states = new CopyOnWriteArrayList<>();
    signedIn();
    String userId = client.get("/api/auth/me").json().getString("id");
    app.vertx().eventBus().<JsonObject>consumer("fitcoach.user." + userId + ".sync",
        msg -> states.add(msg.body().getString("state")));
    connectSignedIn(client);
    JsonObject done = awaitSyncFinished();
    assertThat(done.getJsonObject("sync").getString("state")).isEqualTo("done");
    assertThat(stravaActivities()).isEqualTo(1000);
    assertThat(states).contains("waiting-for-rate-limit", "running", "done");
    assertThat(done.getJsonObject("rateLimit").getInteger("readShortLimit")).isEqualTo(3);
  }

  @Test
  @DisplayName("Strava errors (5xx) are retried with backoff; when they persist the job fails with a reason the athlete can read")
  void transientErrors() {
    fake.history(10, 2);
    fake.failNext(2, 503);
    connect();
    assertThat(awaitSyncFinished().getJsonObject("sync").getString("state")).isEqualTo("done");
    assertThat(stravaActivities()).isEqualTo(10);

    fake.failNext(50, 500);
    client.post("/api/strava/sync", null);
    JsonObject failed = awaitSyncFinished().getJsonObject("sync");
    assertThat(failed.getString("state")).isEqualTo("failed");
    assertThat(failed.getString("error")).contains("Strava had an error (500)").contains("gave up");
    assertThat(stravaActivities()).isEqualTo(10);
    fake.failNext(0, 500);
  }

  @Test
  @DisplayName("Expiring tokens are refreshed and the rotated refresh token is the one kept, sync after sync")
  void refreshRotation() {
    fake.accessTokenLifetime(Duration.ofMinutes(4));
    fake.history(5, 4);
    connect();
    awaitSyncFinished();
    for (int i = 0; i < 3; i++) {
      client.post("/api/strava/sync", null);
      assertThat(awaitSyncFinished().getJsonObject("sync").getString("state")).isEqualTo("done");
    }
    assertThat(fake.tokenRequests("refresh_token")).isGreaterThanOrEqualTo(3);
    assertThat(status().getBoolean("needsReauth")).isFalse();
  }

  @Test
  @DisplayName("A revoked authorisation marks the connection as needing reconnection instead of failing forever")
  void revoked() {
    fake.history(5, 4);
    connect();
    awaitSyncFinished();
    fake.revokeAllTokens();
    fake.accessTokenLifetime(Duration.ofMinutes(1));
    TestDatabase.query("UPDATE strava_connections SET expires_at = now()", rs -> null);
    client.post("/api/strava/sync", null);
    JsonObject s = awaitSyncFinished();
    assertThat(s.getJsonObject("sync").getString("state")).isEqualTo("failed");
    assertThat(s.getJsonObject("sync").getString("error")).contains("reconnect");
    assertThat(s.getBoolean("needsReauth")).isTrue();
    assertThat(client.post("/api/strava/sync", null).errorCode()).isEqualTo("strava_reauth_needed");
  }

  @Test
  @DisplayName("A sync cut off by a stop resumes where it was on the next start, with no duplicates and nothing lost")
  void resumesAfterRestart() {
    fake.history(1200, 21);
    // Pages slow enough that the close below lands mid-sync even when this machine is slow to notice page 2.
    fake.delay(Duration.ofMillis(1_000));
    connect();
    await(() -> TestDatabase.count("SELECT count(*) FROM sync_jobs WHERE pages_fetched >= 2") == 1, Duration.ofSeconds(30));
    app.close();
    String state = TestDatabase.query("SELECT state FROM sync_jobs", rs -> {
      rs.next();
      return rs.getString(1);
    });
    assertThat(state).isIn("running", "waiting");
    long before = stravaActivities();
    assertThat(before).isBetween(400L, 1199L);

    fake.delay(Duration.ZERO);
    fake.clearRequests();
    app = TestApp.start(environment(TestApp.env(TestDatabase.url())));
    client = new TestClient(app.port()).cookie(client.cookie());
    JsonObject done = awaitSyncFinished();
    assertThat(done.getJsonObject("sync").getString("state")).isEqualTo("done");
    assertThat(stravaActivities()).isEqualTo(1200);
    assertThat(TestDatabase.count("SELECT count(*) FROM (SELECT external_id FROM activities GROUP BY external_id HAVING count(*) > 1) d")).isZero();
    assertThat(fake.requests()).filteredOn(r -> r.path().equals("/api/v3/athlete/activities"))
        .noneSatisfy(r -> assertThat(r.query().get("page")).isEqualTo("1"));
  }

  @Test
  @DisplayName("A sync row left by an earlier version resumes from its stored cursor: its page and window, unknown keys ignored")
  void resumesAnOldFormatRow() {
    fake.history(600, 31);
    connect();
    awaitSyncFinished();
    app.close();
    // As the code before the typed cursor stored a backfill cut off after its first page, with a key nothing reads.
    // An hour ahead: not the bound the first sync stored, so the row is told apart by its cursor.
    long before = Instant.now().getEpochSecond() + 3600;
    TestDatabase.query("""
        INSERT INTO sync_jobs (user_id, kind, state, mode, cursor, pages_fetched, activities_fetched, started_at)
        SELECT id, 'strava', 'waiting', 'backfill', jsonb_build_object('page', 2, 'before', ?::bigint, 'perPage', 200), 1, 200, now()
        FROM users""", rs -> null, before);

    fake.clearRequests();
    app = TestApp.start(environment(TestApp.env(TestDatabase.url())));
    client = new TestClient(app.port()).cookie(client.cookie());
    JsonObject sync = awaitSyncFinished().getJsonObject("sync");
    assertThat(sync.getString("state")).isEqualTo("done");
    assertThat(sync.getString("mode")).isEqualTo("backfill");
    assertThat(sync.getInteger("pagesFetched")).isEqualTo(3);
    assertThat(sync.getInteger("activitiesFetched")).isEqualTo(600);
    var lists = fake.requests().stream().filter(r -> r.path().equals("/api/v3/athlete/activities")).toList();
    assertThat(lists).extracting(r -> r.query().get("page")).containsExactly("2", "3", "4");
    assertThat(lists).allSatisfy(r -> {
      assertThat(r.query().get("before")).isEqualTo(Long.toString(before));
      assertThat(r.query().get("after")).isNull();
    });
    assertThat(TestDatabase.count("SELECT count(*) FROM sync_jobs WHERE finished_at IS NULL")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM sync_jobs WHERE cursor = jsonb_build_object('page', 4, 'before', ?::bigint)",
        before)).isEqualTo(1);
  }
}
