package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivitySource;
import fitcoach.testing.MovableClock;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Strava copies stay while the athlete stays connected: a background refresh has Strava re-confirm them before they
 * reach the API Policy's 7-day cache limit, removes what Strava no longer has, and only copies that cannot be refreshed
 * expire. The app runs on a calendar the tests move days ahead.
 */
class StravaRefreshTest extends StravaTest {
  private final MovableClock calendar = new MovableClock();

  @Override
  protected Clock calendar() {
    return calendar;
  }

  @BeforeEach
  void today() {
    calendar.reset();
  }

  @Test
  @DisplayName("Eight days later, with the refresh running daily, all 300 activities and the same chart are there")
  void eightDaysLater() {
    fake.history(300, 11);
    connect();
    assertThat(awaitSyncFinished().getJsonObject("sync").getString("state")).isEqualTo("done");
    assertThat(stravaActivities()).isEqualTo(300);
    String chart = pmc();
    fake.clearRequests();

    for (int day = 1; day <= 8; day++) {
      calendar.advance(Duration.ofDays(1));
      assertThat(maintain()).as("refreshes started on day %d", day).isEqualTo(1);
      JsonObject refresh = awaitRefresh(day);
      assertThat(refresh.getString("state")).isEqualTo("done");
      assertThat(refresh.getInteger("confirmed")).isGreaterThanOrEqualTo(300);
      assertThat(refresh.getInteger("removed")).isZero();
    }

    assertThat(stravaActivities()).isEqualTo(300);
    assertThat(pmc()).isEqualTo(chart);
    JsonObject copies = status().getJsonObject("copies");
    assertThat(copies.getLong("count")).isEqualTo(300);
    assertThat(copies.getBoolean("atRisk")).isFalse();
    assertThat(Instant.parse(copies.getString("oldestRefreshedAt"))).isAfter(calendar.instant().minus(Duration.ofHours(1)));
    // Each refresh walked the list in pages of 200 from the newest down (two pages for 300 activities), asking for what
    // started before the oldest one seen, so a deletion on Strava mid-walk cannot shift a page.
    var lists = fake.requests().stream().filter(r -> r.path().equals("/api/v3/athlete/activities")).toList();
    assertThat(lists).hasSize(16);
    assertThat(lists).allSatisfy(r -> {
      assertThat(r.query().get("per_page")).isEqualTo("200");
      assertThat(r.query().get("page")).isEqualTo("1");
      assertThat(r.query().get("before")).isNotNull();
    });
    tokensOnlyInTheHeader();
  }

  @Test
  @DisplayName("An activity deleted on Strava is gone after the next refresh; nothing else moves")
  void deletedOnStrava() {
    fake.history(40, 12);
    connect();
    awaitSyncFinished();
    long gone = fake.activities().get(17).getLong("id");
    fake.deleteActivity(gone);
    calendar.advance(Duration.ofHours(25));

    assertThat(maintain()).isEqualTo(1);
    JsonObject refresh = awaitRefresh(1);

    assertThat(refresh.getString("state")).isEqualTo("done");
    assertThat(refresh.getInteger("removed")).isEqualTo(1);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE source = 'strava' AND external_id = '" + gone + "'")).isZero();
    assertThat(stravaActivities()).isEqualTo(39);
    // Strava was asked once, by id, about the copy the list did not show, and answered 404.
    assertThat(fake.requests().stream().filter(r -> r.path().equals("/api/v3/activities/" + gone))).hasSize(1);
    // A refresh is not due again the same day.
    assertThat(maintain()).isZero();
  }

  @Test
  @DisplayName("With access revoked, the copies are flagged, expire after 7 days, and file copies of merged workouts lead")
  void revokedCopiesExpire() {
    Instant start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    JsonObject ride = fake.addActivity(start, "Ride");
    fake.addActivity(start.plus(Duration.ofDays(1)), "Run");
    connect();
    awaitSyncFinished();
    int seconds = ride.getInteger("elapsed_time");
    Workouts.store(app, Workouts.copy(ActivitySource.FILE, "ride.fit", "Ride", "Morning ride", start, seconds, 30_000.0, 140.0));
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE primary_activity_id IS NULL")).isEqualTo(2);

    fake.revokeAllTokens();
    calendar.advance(Duration.ofDays(1));
    assertThat(maintain()).isEqualTo(1);
    assertThat(awaitRefresh(1).getString("state")).isEqualTo("failed");
    JsonObject copies = status().getJsonObject("copies");
    assertThat(copies.getBoolean("atRisk")).isTrue();
    assertThat(copies.getString("reason")).isEqualTo("reconnect");
    assertThat(Instant.parse(copies.getString("expiresAt")))
        .isEqualTo(Instant.parse(copies.getString("oldestRefreshedAt")).plus(Duration.ofDays(7)));
    assertThat(stravaActivities()).isEqualTo(2);

    calendar.advance(Duration.ofDays(6).plusHours(1));
    maintain();

    assertThat(stravaActivities()).isZero();
    // The ride's file copy stays and now leads its workout; the run, which only Strava's API held, is gone.
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE source = 'file' AND primary_activity_id IS NULL")).isEqualTo(1);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isEqualTo(1);
    assertThat(client.get("/api/activities").json().getJsonArray("items")).hasSize(1);
  }

  @Test
  @DisplayName("Disconnecting revokes FitCoach with POST /oauth/revoke and removes Strava API copies; file copies stay")
  void disconnectRemovesCopies() {
    Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    JsonObject ride = fake.addActivity(start, "Ride");
    for (int i = 1; i <= 4; i++) {
      fake.addActivity(start.minus(Duration.ofDays(i)), "Run");
    }
    connect();
    awaitSyncFinished();
    Workouts.store(app, Workouts.copy(ActivitySource.FILE, "ride.fit", "Ride", "Morning ride", start, ride.getInteger("elapsed_time"),
        30_000.0, 140.0));
    fake.clearRequests();

    var r = client.delete("/api/strava/disconnect");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject body = r.json();
    assertThat(body.getBoolean("revokedOnStrava")).isTrue();
    assertThat(body.getInteger("stravaCopiesRemoved")).isEqualTo(5);
    assertThat(body.getInteger("activitiesKept")).isEqualTo(1);
    assertThat(body.getString("message")).contains("5 activities that only Strava's API held were removed")
        .contains("your 1 activity from files, exports and manual entries stay");
    assertThat(stravaActivities()).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM strava_connections")).isZero();
    assertThat(client.get("/api/activities").json().getJsonArray("items")).hasSize(1);
    var revoke = fake.requests().stream().filter(q -> q.path().equals("/oauth/revoke")).toList();
    assertThat(revoke).hasSize(1);
    assertThat(revoke.get(0).headers().get("Authorization")).startsWith("Basic ");
    assertThat(revoke.get(0).body()).contains("token=").contains("token_type_hint=refresh_token");
    assertThat(fake.requests()).noneMatch(q -> q.path().contains("deauthorize"));
  }

  @Test
  @DisplayName("Revoking FitCoach on strava.com removes the connection and the Strava API copies")
  void deauthorizedOnStrava() {
    signedIn();
    subscribeWebhook();
    fake.history(6, 13);
    connectSignedIn(client);
    awaitSyncFinished();
    assertThat(stravaActivities()).isEqualTo(6);

    assertThat(fake.deauthorizeOnStrava()).isEqualTo(200);

    await(() -> stravaActivities() == 0 && TestDatabase.count("SELECT count(*) FROM strava_connections") == 0, Duration.ofSeconds(30));
    assertThat(status().getBoolean("connected")).isFalse();
  }

  @Test
  @DisplayName("A sync page fetched before a disconnect does not bring back the copies it removed")
  void noCopiesAfterDisconnect() {
    fake.history(450, 14);
    fake.delay(Duration.ofMillis(300));
    connect();
    await(() -> stravaActivities() > 0, Duration.ofSeconds(30));

    assertThat(client.delete("/api/strava/disconnect").status()).isEqualTo(200);
    awaitSyncFinished();
    fake.delay(Duration.ZERO);

    assertThat(stravaActivities()).isZero();
  }

  @Test
  @DisplayName("A refresh killed mid-walk resumes from its cursor when FitCoach starts again, and still finds a deletion")
  void resumesAfterRestart() {
    fake.history(450, 15);
    connect();
    awaitSyncFinished();
    calendar.advance(Duration.ofDays(1));
    // What a process killed after the refresh's first page leaves behind: the 200 newest copies confirmed, the cursor
    // at the oldest of them, the job still running.
    Instant since = calendar.instant();
    long before = Instant.parse(fake.activities().get(199).getString("start_date")).getEpochSecond() + 1;
    TestDatabase.query("UPDATE activities SET refreshed_at = now() + interval '1 day' WHERE source = 'strava' AND start_date >= "
        + "to_timestamp(" + (before - 1) + ")", rs -> null);
    TestDatabase.query("INSERT INTO sync_jobs (user_id, kind, state, mode, cursor, pages_fetched, activities_fetched,"
        + " activities_updated, started_at) SELECT id, 'strava_refresh', 'running', 'refresh', jsonb_build_object('phase', 'list',"
        + " 'before', " + before + ", 'since', " + since.toEpochMilli() + ", 'afterId', 0, 'removed', 0), 1, 200, 200, now()"
        + " FROM users", rs -> null);
    long gone = fake.activities().get(300).getLong("id");
    fake.deleteActivity(gone);
    fake.clearRequests();

    try (var restarted = fitcoach.boot.FitCoachApp.start(fitcoach.app.AppConfig.fromEnv(
        environment(fitcoach.testing.TestApp.env(TestDatabase.url()))), calendar)) {
      JsonObject refresh = awaitRefresh(1);
      assertThat(refresh.getString("state")).isEqualTo("done");
      assertThat(refresh.getInteger("removed")).isEqualTo(1);
    }

    // It went on from where it stopped: no page from the top again.
    var lists = fake.requests().stream().filter(r -> r.path().equals("/api/v3/athlete/activities")).toList();
    assertThat(lists).isNotEmpty().allSatisfy(r -> assertThat(Long.parseLong(r.query().get("before"))).isLessThanOrEqualTo(before));
    assertThat(stravaActivities()).isEqualTo(449);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE source = 'strava' AND refreshed_at < to_timestamp("
        + since.getEpochSecond() + ")")).isZero();
  }

  private void tokensOnlyInTheHeader() {
    var api = fake.requests().stream().filter(r -> r.path().startsWith("/api/v3/athlete") || r.path().startsWith("/api/v3/activities"))
        .toList();
    assertThat(api).isNotEmpty().allSatisfy(r -> {
      assertThat(r.headers().get("Authorization")).startsWith("Bearer ");
      assertThat(r.query().get("access_token")).isNull();
    });
  }

  private String pmc() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    var r = client.get("/api/load/pmc?from=" + today.minusDays(365) + "&to=" + today);
    assertThat(r.status()).isEqualTo(200);
    JsonArray days = r.json().getJsonArray("days");
    assertThat(days).isNotEmpty();
    return days.encode();
  }

  /** Applies the retention and starts due refreshes, as the hourly job does; how many refreshes started. */
  private int maintain() {
    try {
      return app.vertx().eventBus().<Integer>request(Addresses.MAINTAIN, null).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS).body();
    } catch (Exception e) {
      throw new AssertionError("maintenance failed", e);
    }
  }

  /** Waits until the {@code n}-th refresh has finished and returns the status's view of it. */
  private JsonObject awaitRefresh(int n) {
    await(() -> TestDatabase.count("SELECT count(*) FROM sync_jobs WHERE kind = 'strava_refresh' AND state IN ('done', 'failed')") >= n,
        Duration.ofSeconds(60));
    return status().getJsonObject("refresh");
  }
}
