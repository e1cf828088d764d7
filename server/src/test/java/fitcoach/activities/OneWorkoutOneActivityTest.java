package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.strava.StravaTest;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.WorkoutFiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The same workout from several sources, in every order they can arrive: exactly one activity counts, the best copy
 * leads, and its load counts once in the chart, the weekly totals and what the coach reads. End to end through the API,
 * with the real app, a real PostgreSQL and a fake Strava.
 */
class OneWorkoutOneActivityTest extends StravaTest {
  private static final int SECONDS = 3600;
  private final Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
  private boolean connected;

  @org.junit.jupiter.api.BeforeEach
  void notConnectedYet() {
    connected = false;
  }

  // --- Sources ---

  private void importFiles(Map<String, byte[]> files) {
    int before = importsDone();
    var r = client.upload("/api/imports", "files", files);
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    await(() -> importsDone() > before || "done".equals(client.get("/api/imports/latest").json().getString("state"))
        && importsDone() > before, Duration.ofSeconds(30));
  }

  private int importsDone() {
    return (int) TestDatabase.count("SELECT count(*) FROM sync_jobs WHERE kind = 'import' AND state = 'done'");
  }

  private void importGpx(Instant at, int seconds) {
    importFiles(Map.of("ride.gpx", WorkoutFiles.gpx(at, seconds, 150, "cycling")));
  }

  private void importExport(long stravaId, Instant at, int seconds) {
    importFiles(Map.of("export_" + stravaId + ".zip", WorkoutFiles.stravaExport(stravaId, "Export ride", "Ride", at, seconds,
        WorkoutFiles.gpx(at, seconds, 140, "cycling"))));
  }

  /** Puts the workout on the fake Strava (40 s later and 3 % longer, as another device would) and syncs it. */
  private long stravaRide(Instant at, int seconds) {
    JsonObject a = fake.addActivity(at, "Ride");
    long id = a.getLong("id");
    fake.updateActivity(id, new JsonObject().put("elapsed_time", seconds).put("moving_time", seconds - 60)
        .put("name", "Strava ride").put("has_heartrate", true).put("average_heartrate", 145.0).put("max_heartrate", 170.0));
    return id;
  }

  private void sync() {
    if (!connected) {
      connectSignedIn(client);
      connected = true;
    } else {
      var r = client.post("/api/strava/sync", null);
      assertThat(r.status()).isEqualTo(202);
    }
    assertThat(awaitSyncFinished().getJsonObject("sync").getString("state")).isEqualTo("done");
  }

  private JsonObject manualRide(Instant at, int seconds) {
    var r = client.post("/api/activities", new JsonObject().put("sportType", "Ride")
        .put("startLocal", java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC).toString()).put("timeZone", "UTC")
        .put("durationS", seconds).put("rpe", 5).put("name", "Typed in"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  // --- What counts ---

  /** The one listed activity for the workout, checked to count once everywhere; returns it. */
  private JsonObject countsOnce(String leadingSource) {
    JsonArray items = client.get("/api/activities?limit=50").jsonArray("items");
    List<JsonObject> listed = items.stream().map(o -> (JsonObject) o)
        .filter(o -> Duration.between(Instant.parse(o.getString("startDate")), start).abs().toMinutes() <= 5).toList();
    assertThat(listed).as(items.encodePrettily()).hasSize(1);
    JsonObject one = listed.get(0);
    assertThat(one.getString("source")).isEqualTo(leadingSource);
    double load = one.getDouble("load");
    assertThat(load).isGreaterThan(0);
    LocalDate day = LocalDate.parse(one.getString("startDateLocal").substring(0, 10));
    JsonObject pmcDay = client.get("/api/load/pmc?from=" + day + "&to=" + day).json().getJsonArray("days").getJsonObject(0);
    assertThat(pmcDay.getDouble("load")).as("the chart counts the workout once").isCloseTo(load, org.assertj.core.data.Offset.offset(0.01));
    JsonObject week = client.get("/api/analytics/weekly?weeks=2").json().getJsonArray("weeks").stream().map(o -> (JsonObject) o)
        .filter(w -> !LocalDate.parse(w.getString("weekStart")).isAfter(day)
            && LocalDate.parse(w.getString("weekStart")).plusDays(7).isAfter(day)).findFirst().orElseThrow();
    assertThat(week.getInteger("sessions")).as("weekly sessions").isEqualTo(1);
    assertThat(week.getDouble("load")).as("weekly load").isCloseTo(load, org.assertj.core.data.Offset.offset(0.01));
    // What the coach reads (the athlete's own sources; Strava API data is not allowed by default): one copy, never Strava's.
    String userId = client.get("/api/auth/me").json().getString("id");
    List<String> coachSees = TestDatabase.query("SELECT source FROM coach_activities('" + userId + "', ARRAY['file',"
        + "'strava_export','manual','demo']) WHERE start_date BETWEEN '" + start.minusSeconds(300) + "' AND '"
        + start.plusSeconds(300) + "'", rs -> {
          List<String> sources = new java.util.ArrayList<>();
          while (rs.next()) {
            sources.add(rs.getString(1));
          }
          return sources;
        });
    assertThat(coachSees).hasSizeLessThanOrEqualTo(1).doesNotContain("strava");
    return client.get("/api/activities/" + one.getString("id")).json();
  }

  private static long copies() {
    return TestDatabase.count("SELECT count(*) FROM activities");
  }

  // --- Orders ---

  @Test
  @DisplayName("The athlete's Strava export of a synced history (the browser suite's) merges with every API copy")
  void wholeExportMerges() {
    signedIn();
    fake.history(60, 31);
    sync();
    long before = TestDatabase.count("SELECT count(*) FROM activities WHERE primary_activity_id IS NULL");

    importFiles(Map.of("export.zip", fake.exportZip()));

    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE source = 'strava_export'")).isEqualTo(60);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE primary_activity_id IS NULL")).isEqualTo(before);
    // Every workout now leads with the export copy, the athlete's own data.
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE primary_activity_id IS NULL AND source <> 'strava_export'"))
        .isZero();
  }

  @Test
  @DisplayName("File, then Strava sync: the Strava copy joins the file activity, with the reason recorded and shown")
  void fileThenStrava() {
    signedIn();
    importGpx(start, SECONDS);
    stravaRide(start.plusSeconds(40), SECONDS + 100);
    sync();
    assertThat(copies()).isEqualTo(2);
    JsonObject detail = countsOnce("file");
    JsonObject merged = detail.getJsonArray("merged").getJsonObject(0);
    assertThat(merged.getString("source")).isEqualTo("strava");
    assertThat(merged.getString("reason")).contains("starts 40 s apart").contains("device file copy leads");
    assertThat(merged.getString("mergedAt")).isNotNull();
  }

  @Test
  @DisplayName("Strava sync, then the file: the file takes the lead and the Strava copy follows it")
  void stravaThenFile() {
    signedIn();
    stravaRide(start.plusSeconds(40), SECONDS + 100);
    sync();
    countsOnce("strava");
    importGpx(start, SECONDS);
    JsonObject detail = countsOnce("file");
    assertThat(detail.getJsonArray("merged")).hasSize(1);
    JsonObject strava = client.get("/api/activities/" + detail.getJsonArray("merged").getJsonObject(0).getString("id")).json();
    assertThat(strava.getString("primaryActivityId")).isEqualTo(detail.getString("id"));
    assertThat(strava.getString("mergeReason")).contains("device file");
  }

  @Test
  @DisplayName("Strava export, then the file, then a Strava sync: three copies, one activity, the file leads")
  void exportThenFileThenStrava() {
    signedIn();
    long stravaId = stravaRide(start.plusSeconds(40), SECONDS + 100);
    importExport(stravaId, start.plusSeconds(20), SECONDS + 50);
    countsOnce("strava_export");
    importGpx(start, SECONDS);
    countsOnce("file");
    sync();
    assertThat(copies()).isEqualTo(3);
    JsonObject detail = countsOnce("file");
    assertThat(detail.getJsonArray("merged")).extracting(o -> ((JsonObject) o).getString("source"))
        .containsExactly("strava_export", "strava");
  }

  @Test
  @DisplayName("A webhook create after the file: the new Strava copy merges into the file activity")
  void webhookCreateAfterFile() {
    connect();
    connected = true;
    awaitSyncFinished();
    String callback = subscribeWebhook();
    importGpx(start, SECONDS);
    long id = stravaRide(start.plusSeconds(40), SECONDS + 100);
    var sent = client.post(callback.substring(callback.indexOf("/api/")), fake.activityEvent("create", id));
    assertThat(sent.status()).isEqualTo(200);
    await(() -> stravaActivities() == 1 && TestDatabase.count("SELECT count(*) FROM webhook_events WHERE processed_at IS NOT NULL") == 1,
        Duration.ofSeconds(20));
    countsOnce("file");
  }

  @Test
  @DisplayName("A manual entry, then the file of the same workout: the file leads, the entry's RPE stays on its copy")
  void manualThenFile() {
    signedIn();
    manualRide(start.plusSeconds(30), SECONDS);
    countsOnce("manual");
    importGpx(start, SECONDS);
    JsonObject detail = countsOnce("file");
    assertThat(detail.getJsonArray("merged")).extracting(o -> ((JsonObject) o).getString("source")).containsExactly("manual");
  }

  @Test
  @DisplayName("Two files of one ride (a GPX and a TCX): they merge, the richer one leads")
  void twoFilesOfOneRide() {
    signedIn();
    importFiles(Map.of("ride.tcx", WorkoutFiles.tcx(start.plusSeconds(5), SECONDS, 150, "Biking")));
    importGpx(start, SECONDS);
    JsonObject detail = countsOnce("file");
    assertThat(detail.getJsonArray("merged")).hasSize(1);
    // The GPX has positions, altitude and heart rate every 5 s; the TCX heart rate every 10 s.
    assertThat(detail.getString("fileName")).endsWith("ride.gpx");
  }

  @Test
  @DisplayName("Deleting the primary of three copies: the best remaining copy leads, and the workout still counts once")
  void deletePrimaryOfThree() {
    signedIn();
    long stravaId = stravaRide(start.plusSeconds(40), SECONDS + 100);
    importExport(stravaId, start.plusSeconds(20), SECONDS + 50);
    importGpx(start, SECONDS);
    sync();
    JsonObject file = countsOnce("file");
    assertThat(client.delete("/api/activities/" + file.getString("id")).status()).isEqualTo(200);
    JsonObject export = countsOnce("strava_export");
    assertThat(export.getJsonArray("merged")).extracting(o -> ((JsonObject) o).getString("source")).containsExactly("strava");
    assertThat(export.getValue("primaryActivityId")).isNull();
  }

  @Test
  @DisplayName("A webhook delete of the Strava copy of a merged pair leaves the file activity as it was")
  void webhookDeleteOfStravaCopy() {
    signedIn();
    importGpx(start, SECONDS);
    long id = stravaRide(start.plusSeconds(40), SECONDS + 100);
    sync();
    String callback = subscribeWebhook();
    JsonObject before = countsOnce("file");
    fake.deleteActivity(id);
    client.post(callback.substring(callback.indexOf("/api/")), fake.activityEvent("delete", id));
    await(() -> stravaActivities() == 0, Duration.ofSeconds(20));
    JsonObject after = countsOnce("file");
    assertThat(after.getJsonArray("merged")).isEmpty();
    assertThat(after.getDouble("load")).isEqualTo(before.getDouble("load"));
    assertThat(after.getString("name")).isEqualTo(before.getString("name"));
  }

  @Test
  @DisplayName("A webhook update of a merged Strava copy changes only that copy: the file activity keeps the athlete's edits")
  void webhookUpdateOfMergedCopy() {
    signedIn();
    importGpx(start, SECONDS);
    long id = stravaRide(start.plusSeconds(40), SECONDS + 100);
    sync();
    String callback = subscribeWebhook();
    JsonObject file = countsOnce("file");
    client.send("PATCH", "/api/activities/" + file.getString("id"), new JsonObject().put("name", "My race").put("rpe", 8)
        .put("notes", "Legs heavy").encode(), "application/json");
    fake.updateActivity(id, new JsonObject().put("name", "Renamed on Strava"));
    client.post(callback.substring(callback.indexOf("/api/")), fake.activityEvent("update", id));
    await(() -> TestDatabase.count("SELECT count(*) FROM activities WHERE name = 'Renamed on Strava'") == 1, Duration.ofSeconds(20));
    JsonObject after = countsOnce("file");
    assertThat(after.getString("name")).isEqualTo("My race");
    assertThat(after.getInteger("rpe")).isEqualTo(8);
    assertThat(after.getString("notes")).isEqualTo("Legs heavy");
  }

  @Test
  @DisplayName("Expiry of Strava copies under the 7-day policy leaves the file and export copies and their load")
  void expiryKeepsOwnCopies() {
    signedIn();
    long stravaId = stravaRide(start.plusSeconds(40), SECONDS + 100);
    importExport(stravaId, start.plusSeconds(20), SECONDS + 50);
    sync();
    importGpx(start, SECONDS);
    JsonObject before = countsOnce("file");
    // Strava's cache limit counts from the last refresh: move it past 7 days, then let the retention run (hourly, and
    // when the Strava worker starts; a second app on the same database starts one).
    TestDatabase.query("UPDATE activities SET refreshed_at = now() - interval '8 days' WHERE source = 'strava'", rs -> null);
    try (var second = fitcoach.testing.TestApp.start(fitcoach.testing.TestApp.env(TestDatabase.url()))) {
      assertThat(stravaActivities()).isZero();
    }
    JsonObject after = countsOnce("file");
    assertThat(after.getJsonArray("merged")).extracting(o -> ((JsonObject) o).getString("source")).containsExactly("strava_export");
    assertThat(after.getDouble("load")).isEqualTo(before.getDouble("load"));
  }

  @Test
  @DisplayName("The Strava detail fetch refreshes what the athlete sees at once, without a restart")
  void detailFetchRefreshes() {
    signedIn();
    long id = stravaRide(start, SECONDS);
    sync();
    JsonObject listed = countsOnce("strava");
    client.get("/api/activities?limit=50");
    fake.updateActivity(id, new JsonObject().put("name", "Named in the detail").put("calories", 812.0));
    var streams = client.get("/api/activities/" + listed.getString("id") + "/streams");
    assertThat(streams.status()).as(streams.toString()).isEqualTo(200);
    JsonArray items = client.get("/api/activities?limit=50").jsonArray("items");
    assertThat(items.getJsonObject(0).getString("name")).isEqualTo("Named in the detail");
  }

  @Test
  @DisplayName("The sync's removal of activities Strava no longer has refreshes lists and the chart without a restart")
  void vanishedActivityRefreshes() {
    signedIn();
    long id = stravaRide(start, SECONDS);
    sync();
    countsOnce("strava");
    String callback = subscribeWebhook();
    fake.deleteActivity(id);
    client.post(callback.substring(callback.indexOf("/api/")), fake.activityEvent("delete", id));
    // The event is marked processed once the deletion's loads are settled: the list empties a moment before that.
    await(() -> TestDatabase.count("SELECT count(*) FROM webhook_events WHERE object_id = " + id
        + " AND processed_at IS NOT NULL") == 1, Duration.ofSeconds(20));
    assertThat(client.get("/api/activities?limit=50").jsonArray("items")).isEmpty();
    LocalDate day = LocalDate.ofInstant(start, java.time.ZoneOffset.UTC);
    JsonArray days = client.get("/api/load/pmc?from=" + day + "&to=" + day).json().getJsonArray("days");
    assertThat(days.stream().mapToDouble(d -> ((JsonObject) d).getDouble("load")).sum()).isZero();
    assertThat(client.get("/api/activities/stats").json().getDouble("ctl")).isZero();
  }

  @Test
  @DisplayName("Two Strava copies of one ride (two devices uploaded it) in one sync page: one activity counts")
  void twoStravaCopiesInOnePage() {
    signedIn();
    stravaRide(start, SECONDS);
    stravaRide(start.plusSeconds(50), SECONDS - 120);
    sync();
    assertThat(stravaActivities()).isEqualTo(2);
    JsonObject detail = countsOnce("strava");
    assertThat(detail.getJsonArray("merged")).hasSize(1);
  }
}
