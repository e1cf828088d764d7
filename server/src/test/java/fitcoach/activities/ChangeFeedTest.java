package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.boot.FitCoachApp;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Changes another writer commits to the same database are seen at once, not at the next write through this app. */
class ChangeFeedTest extends ApiTest {

  private static void await(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not seen within 20 s: " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private long listed() {
    return client.get("/api/activities").json().getLong("total");
  }

  @Test
  @DisplayName("A second FitCoach on the same database adds an activity: this one lists and counts it without a restart")
  void secondInstance() {
    signedIn();
    assertThat(listed()).isZero();
    double ctlBefore = client.get("/api/activities/stats").json().getDouble("ctl");
    try (FitCoachApp second = TestApp.start(TestApp.env(TestDatabase.url()))) {
      TestClient other = new TestClient(second.port());
      var login = other.post("/api/auth/login", new JsonObject().put("email", EMAIL).put("password", PASSWORD));
      assertThat(login.status()).as(login.toString()).isEqualTo(200);
      var created = other.post("/api/activities", new JsonObject().put("sportType", "Run")
          .put("startLocal", LocalDate.now().minusDays(1) + "T07:00").put("durationS", 3600).put("rpe", 7));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    await(() -> listed() == 1, "the other instance's activity in the list");
    await(() -> client.get("/api/activities/stats").json().getDouble("ctl") > ctlBefore, "its load in fitness");
  }

  @Test
  @DisplayName("An FTP entered on a second FitCoach on the same database changes this one's loads without a restart")
  void thresholdOnSecondInstance() {
    signedIn();
    java.time.LocalDateTime start = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).atTime(8, 0);
    String id = fitcoach.testing.Workouts.store(app, new ActivityInput(ActivitySource.FILE, "ride", "Ride", "ride", null,
        null, start.toInstant(java.time.ZoneOffset.UTC), start, "UTC", 3600, 3600, null, null, 140.0, 180.0, 200.0, 200.0,
        true, null, null, null, null, null, null, false, false, false, null, null, null, null, null)).toString();
    double before = client.get("/api/activities/" + id).json().getDouble("load");
    double ctlBefore = client.get("/api/activities/stats").json().getDouble("ctl"); // now cached in this instance
    try (FitCoachApp second = TestApp.start(TestApp.env(TestDatabase.url()))) {
      TestClient other = new TestClient(second.port());
      assertThat(other.post("/api/auth/login", new JsonObject().put("email", EMAIL).put("password", PASSWORD)).status())
          .isEqualTo(200);
      var entry = other.post("/api/settings/thresholds", new JsonObject().put("kind", "ftp")
          .put("validFrom", LocalDate.now().minusDays(30).toString()).put("value", 200));
      assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
    }
    // one hour at FTP is 100 on the TSS scale; the other instance stored it, and this one's cached chart follows
    await(() -> Math.abs(client.get("/api/activities/" + id).json().getDouble("load") - 100) < 0.5,
        "the load from the other instance's FTP (was " + before + ")");
    await(() -> client.get("/api/activities/stats").json().getDouble("ctl") != ctlBefore, "the new load in fitness");
  }

  @Test
  @DisplayName("Two instances rewriting the same athlete's chart at the same moment both succeed: the writes take turns")
  void twoInstancesWriteTheChartInTurn() throws Exception {
    signedIn();
    client.post("/api/activities", new JsonObject().put("sportType", "Run")
        .put("startLocal", LocalDate.now().minusDays(300) + "T07:00").put("durationS", 3600).put("rpe", 5));
    try (FitCoachApp second = TestApp.start(TestApp.env(TestDatabase.url()))) {
      TestClient other = new TestClient(second.port());
      assertThat(other.post("/api/auth/login", new JsonObject().put("email", EMAIL).put("password", PASSWORD)).status())
          .isEqualTo(200);
      for (int round = 0; round < 5; round++) {
        var mine = java.util.concurrent.CompletableFuture.supplyAsync(() -> client.post("/api/load/recompute", new JsonObject()));
        var theirs = java.util.concurrent.CompletableFuture.supplyAsync(() -> other.post("/api/load/recompute", new JsonObject()));
        assertThat(mine.get(30, java.util.concurrent.TimeUnit.SECONDS).status()).as("this instance, round " + round)
            .isEqualTo(200);
        assertThat(theirs.get(30, java.util.concurrent.TimeUnit.SECONDS).status()).as("the other, round " + round)
            .isEqualTo(200);
      }
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM daily_load")).isEqualTo(
        TestDatabase.count("SELECT count(DISTINCT day) FROM daily_load"));
  }

  @Test
  @DisplayName("A fix by hand in SQL (an RPE corrected, an activity deleted) is reflected in loads and lists at once")
  void fixByHand() {
    signedIn();
    var created = client.post("/api/activities", new JsonObject().put("sportType", "Run")
        .put("startLocal", LocalDate.now().minusDays(1) + "T07:00").put("durationS", 3600).put("rpe", 3));
    String id = created.json().getString("id");
    double load = created.json().getDouble("load");
    TestDatabase.query("UPDATE activities SET rpe = 9 WHERE id = ?::uuid", rs -> null, id);
    await(() -> client.get("/api/activities/" + id).json().getDouble("load") > load, "the corrected RPE's load");
    await(() -> client.get("/api/activities").json().getJsonArray("items").getJsonObject(0).getDouble("load") > load,
        "the corrected load in the list");
    TestDatabase.query("DELETE FROM activities WHERE id = ?::uuid", rs -> null, id);
    await(() -> listed() == 0, "the deletion in the list");
    await(() -> client.get("/api/activities/stats").json().getDouble("ctl") == 0, "the deletion in fitness");
  }

  @Test
  @DisplayName("When the feed's connection is killed it reconnects, and changes made meanwhile are caught up")
  void reconnects() {
    signedIn();
    var created = client.post("/api/activities", new JsonObject().put("sportType", "Run")
        .put("startLocal", LocalDate.now().minusDays(1) + "T07:00").put("durationS", 3600).put("rpe", 3));
    String id = created.json().getString("id");
    double load = created.json().getDouble("load");
    long killed = TestDatabase.count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = 'LISTEN activities_changed'");
    assertThat(killed).isGreaterThanOrEqualTo(1);
    // Changed while no one listens (or just after): the reconnect brings the numbers up to date all the same.
    TestDatabase.query("UPDATE activities SET rpe = 9 WHERE id = ?::uuid", rs -> null, id);
    await(() -> client.get("/api/activities/" + id).json().getDouble("load") > load, "the change made during the reconnect");
    await(() -> TestDatabase.count("SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN activities_changed'") >= 1,
        "the feed listening again");
    TestDatabase.query("UPDATE activities SET rpe = 2 WHERE id = ?::uuid", rs -> null, id);
    await(() -> client.get("/api/activities/" + id).json().getDouble("load") < load, "a change after the reconnect");
  }

  @Test
  @DisplayName("A primary deleted by hand hands its group to the best remaining copy: the workout still counts once")
  void primaryDeletedByHand() {
    signedIn();
    Instant start = Instant.now().minus(Duration.ofDays(2));
    var file = fitcoach.testing.Workouts.copy(ActivitySource.FILE, "f", "Ride", "File ride", start, 3600, null, 150.0);
    var export = fitcoach.testing.Workouts.copy(ActivitySource.STRAVA_EXPORT, "x", "Ride", "Export ride", start.plusSeconds(20),
        3620, null, 148.0);
    var api = fitcoach.testing.Workouts.copy(ActivitySource.STRAVA_API, "a", "Ride", "Strava ride", start.plusSeconds(40),
        3580, null, 152.0);
    java.util.List<java.util.UUID> ids = fitcoach.testing.Workouts.store(app, java.util.List.of(api, file, export));
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE primary_activity_id IS NULL")).isEqualTo(1);
    TestDatabase.query("DELETE FROM activities WHERE source = 'file'", rs -> null);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE primary_activity_id IS NULL")).isEqualTo(1);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE primary_activity_id IS NULL AND source = 'strava_export'"))
        .isEqualTo(1);
    await(() -> listed() == 1 && client.get("/api/activities").json().getJsonArray("items").getJsonObject(0)
        .getString("source").equals("strava_export"), "the export copy leading in the list");
    assertThat(ids).hasSize(3);
  }
}
