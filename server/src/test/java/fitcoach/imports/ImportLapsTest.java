package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivityLap;
import fitcoach.activities.ActivitySource;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Laps through the whole path: upload, store, merge with another copy, delete, export and restore, the analysis route. */
class ImportLapsTest extends ApiTest {
  @BeforeEach
  void signIn() {
    signedIn();
  }

  private JsonObject importFiles(Map<String, byte[]> files) {
    var r = client.upload("/api/imports", "files", files);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    ImportRoutesTest.await(() -> "done".equals(client.get("/api/imports/latest").json().getString("state")));
    return client.get("/api/imports/latest").json();
  }

  private String only(String sql) {
    return TestDatabase.query(sql, rs -> rs.next() ? rs.getString(1) : null);
  }

  private JsonArray laps(String activityId) {
    var r = client.get("/api/activities/" + activityId + "/analysis");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getJsonArray("laps");
  }

  private static ActivityLap lap(int index, int start, int elapsed, double hr) {
    return new ActivityLap(index, start, elapsed, elapsed, null, hr, null, null, null, null, null, "manual");
  }

  @Test
  @DisplayName("A FIT file's three laps are stored once, shown in the analysis, kept on re-import and removed with the activity")
  void fitLapsThroughTheStore() throws Exception {
    byte[] fit = LapsParserTest.threeLapRide().write(Files.createTempFile("laps", ".fit"));
    importFiles(Map.of("laps.fit", fit));
    String id = only("SELECT id FROM activities");
    JsonArray laps = laps(id);
    assertThat(laps).hasSize(3);
    JsonObject first = laps.getJsonObject(0);
    assertThat(first.getInteger("index")).isZero();
    assertThat(first.getInteger("startS")).isZero();
    assertThat(first.getInteger("elapsedS")).isEqualTo(600);
    assertThat(first.getInteger("movingS")).isEqualTo(590);
    assertThat(first.getDouble("distanceM")).isEqualTo(4800.0);
    assertThat(first.getDouble("avgHr")).isEqualTo(141.0);
    assertThat(first.getDouble("maxHr")).isEqualTo(150.0);
    assertThat(first.getDouble("avgPowerW")).isEqualTo(151.0);
    assertThat(first.getDouble("normalizedPowerW")).isEqualTo(150.0);
    assertThat(first.getString("trigger")).isEqualTo("manual");
    assertThat(laps.getJsonObject(1).getDouble("normalizedPowerW")).isEqualTo(250.0);
    assertThat(laps.getJsonObject(2).getDouble("normalizedPowerW")).isEqualTo(210.0);

    importFiles(Map.of("laps-again.fit", fit));
    assertThat(TestDatabase.count("SELECT count(*) FROM activity_laps")).isEqualTo(3);

    assertThat(client.delete("/api/activities/" + id).status()).isEqualTo(200);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM activity_laps")).isZero();
  }

  @Test
  @DisplayName("A TCX file's two laps show in the analysis")
  void tcxLaps() {
    importFiles(Map.of("ride.tcx", LapsParserTest.twoLapTcx().getBytes(StandardCharsets.UTF_8)));
    JsonArray laps = laps(only("SELECT id FROM activities"));
    assertThat(laps).hasSize(2);
    assertThat(laps.getJsonObject(1).getInteger("startS")).isEqualTo(300);
    assertThat(laps.getJsonObject(1).getDouble("avgPowerW")).isEqualTo(250.0);
  }

  @Test
  @DisplayName("A merged workout shows the laps of its leading copy, not both copies' laps; a refreshed copy's laps are replaced")
  void mergedCopiesDoNotDoubleLaps() throws Exception {
    Workouts.store(app, Workouts.copy(ActivitySource.STRAVA_API, "555", "Ride", "Strava ride", FitFiles.START.plusSeconds(20), 1800,
        14400.0, 140.0).withLaps(List.of(lap(0, 0, 900, 139), lap(1, 900, 900, 141))));
    // Strava sends the same laps again with a refresh: replaced, not added.
    Workouts.store(app, Workouts.copy(ActivitySource.STRAVA_API, "555", "Ride", "Strava ride", FitFiles.START.plusSeconds(20), 1800,
        14400.0, 140.0).withLaps(List.of(lap(0, 0, 900, 139), lap(1, 900, 900, 141))));
    assertThat(TestDatabase.count("SELECT count(*) FROM activity_laps")).isEqualTo(2);

    JsonObject job = importFiles(Map.of("laps.fit", LapsParserTest.threeLapRide().write(Files.createTempFile("laps", ".fit"))));
    assertThat(job.getInteger("activitiesMerged")).isEqualTo(1);
    String lead = only("SELECT id FROM activities WHERE primary_activity_id IS NULL");
    assertThat(only("SELECT source FROM activities WHERE id = '" + lead + "'")).isEqualTo("file");
    JsonArray laps = laps(lead);
    assertThat(laps).hasSize(3);
    assertThat(laps.getJsonObject(0).getDouble("avgHr")).isEqualTo(141.0);
  }

  @Test
  @DisplayName("A leading copy without laps (a GPX file) shows the laps of the copy merged into it")
  void lapsFromTheMergedCopy() {
    Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Workouts.store(app, Workouts.copy(ActivitySource.STRAVA_API, "777", "Run", "Strava run", start.plusSeconds(30), 1800, 5000.0,
        150.0).withLaps(List.of(lap(0, 0, 900, 148), lap(1, 900, 900, 152))));
    JsonObject job = importFiles(Map.of("run.gpx", ImportRoutesTest.gpx(start, 30).getBytes(StandardCharsets.UTF_8)));
    assertThat(job.getInteger("activitiesMerged")).isEqualTo(1);
    String lead = only("SELECT id FROM activities WHERE primary_activity_id IS NULL");
    assertThat(only("SELECT source FROM activities WHERE id = '" + lead + "'")).isEqualTo("file");
    JsonArray laps = laps(lead);
    assertThat(laps).hasSize(2);
    assertThat(laps.getJsonObject(1).getDouble("avgHr")).isEqualTo(152.0);
  }

  @Test
  @DisplayName("An export restored into an empty account brings the laps back with their activities")
  void exportAndRestoreKeepLaps() throws Exception {
    importFiles(Map.of("laps.fit", LapsParserTest.threeLapRide().write(Files.createTempFile("laps", ".fit"))));
    String id = only("SELECT id FROM activities");
    JsonArray before = laps(id);
    byte[] export = client.download("/api/export");

    TestDatabase.truncateAll();
    client = new TestClient(app.port());
    signedIn();
    var restored = client.upload("/api/export/restore", "file", Map.of("export.zip", export));
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    assertThat(laps(id)).isEqualTo(before);
  }
}
