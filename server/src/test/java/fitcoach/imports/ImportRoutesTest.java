package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.testing.ApiTest;
import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivitySource;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImportRoutesTest extends ApiTest {
  private final Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  @BeforeEach
  void signIn() {
    signedIn();
  }

  /** A GPX run of {@code minutes} along a straight line, one point every 5 s, with heart rate 150. */
  static String gpx(Instant start, int minutes) {
    StringBuilder sb = new StringBuilder("   <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
        + "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"><trk><type>running</type><trkseg>");
    for (int s = 0; s <= minutes * 60; s += 5) {
      double lat = 46.0 + s * 0.00003;
      sb.append("<trkpt lat=\"").append(lat).append("\" lon=\"14.5\"><ele>300</ele><time>").append(start.plusSeconds(s))
          .append("</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension>"
              + "</extensions></trkpt>");
    }
    return sb.append("</trkseg></trk></gpx>").toString();
  }

  private HttpResponse<String> upload(Map<String, byte[]> files) {
    String boundary = "----fitcoach" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    files.forEach((name, bytes) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(bytes);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/imports"))
          .header("Cookie", client.cookie()).header("Origin", "http://127.0.0.1:" + app.port())
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonObject awaitImportDone() {
    await(() -> "done".equals(client.get("/api/imports/latest").json().getString("state")));
    return client.get("/api/imports/latest").json();
  }

  static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not done within 30 s");
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  @DisplayName("An import job is shown only to its own account: another account's job id answers 404")
  void anotherAccountsJobIs404() {
    assertThat(upload(Map.of("morning-run.gpx", gpx(start, 30).getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(202);
    JsonObject job = awaitImportDone();
    UUID jobId = UUID.fromString(job.getString("jobId"));
    assertThat(client.get("/api/imports/" + jobId).status()).isEqualTo(200);

    TestDatabase.inSecondAccount("sync_jobs", jobId, () ->
        assertThat(client.get("/api/imports/" + jobId).status()).isEqualTo(404));
  }

  @Test
  @DisplayName("Uploaded files become activities with their metrics, load and streams; bad files fail alone with a reason")
  void uploadBatch() {
    var r = upload(Map.of(
        "morning-run.gpx", gpx(start, 30).getBytes(StandardCharsets.UTF_8),
        "empty.fit", new byte[0],
        "notes.gpx", "this is not xml".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonObject job = awaitImportDone();
    assertThat(job.getInteger("files")).isEqualTo(3);
    assertThat(job.getInteger("filesDone")).isEqualTo(1);
    assertThat(job.getInteger("filesFailed")).isEqualTo(2);
    assertThat(job.getInteger("activitiesNew")).isEqualTo(1);
    assertThat(job.getJsonArray("fileResults")).anySatisfy(o -> {
      JsonObject f = (JsonObject) o;
      assertThat(f.getString("name")).isEqualTo("empty.fit");
      assertThat(f.getString("state")).isEqualTo("failed");
      assertThat(f.getString("error")).isNotBlank();
    });

    JsonObject a = client.get("/api/activities").jsonArray("items").getJsonObject(0);
    assertThat(a.getString("source")).isEqualTo("file");
    assertThat(a.getString("sportFamily")).isEqualTo("run");
    assertThat(a.getInteger("elapsedTimeS")).isEqualTo(1800);
    assertThat(a.getDouble("avgHr")).isCloseTo(150.0, within(0.5));
    assertThat(a.getDouble("distanceM")).isCloseTo(360 * 0.00015 * 111_195, within(60.0));
    assertThat(a.getString("loadMethod")).isEqualTo("HEART_RATE");
    var streams = client.get("/api/activities/" + a.getString("id") + "/streams");
    assertThat(streams.status()).isEqualTo(200);
    assertThat(streams.json().getJsonObject("streams").getJsonArray("heartrate")).hasSize(361);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE original_file LIKE 'files/%morning-run.gpx'")).isEqualTo(1);
  }

  @Test
  @DisplayName("A truncated FIT file imports what was complete and the report says so")
  void truncatedFitIsImportedWithAWarning() throws Exception {
    FitFiles fit = FitFiles.activity();
    for (int t = 0; t < 1800; t++) {
      fit.record(t, r -> {
        r.setHeartRate((short) 140);
        r.setPower(180);
      });
    }
    fit.session(com.garmin.fit.Sport.CYCLING, 0, 1799, 1799, null);
    byte[] whole = fit.write(Files.createTempFile("ride", ".fit"));
    upload(Map.of("cut.fit", java.util.Arrays.copyOf(whole, whole.length / 2)));
    JsonObject report = awaitImportDone().getJsonArray("fileResults").getJsonObject(0);
    assertThat(report.getString("state")).isEqualTo("done");
    assertThat(report.getInteger("activitiesNew")).isEqualTo(1);
    assertThat(report.getString("warning")).startsWith("The FIT file is truncated after");
  }

  @Test
  @DisplayName("A watch's wellness FIT file (HRV status, resting HR) is stored under Wellness, merged with the day's check-in, not as an activity")
  void wellnessFitFile() throws Exception {
    java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
    assertThat(client.put("/api/wellness/" + day, new JsonObject().put("soreness", 2)).status()).isEqualTo(200);
    com.garmin.fit.HrvStatusSummaryMesg hrv = new com.garmin.fit.HrvStatusSummaryMesg();
    hrv.setTimestamp(new com.garmin.fit.DateTime(java.util.Date.from(day.atTime(6, 0).toInstant(java.time.ZoneOffset.UTC))));
    hrv.setLastNightAverage(63.0f);
    com.garmin.fit.MonitoringHrDataMesg rest = new com.garmin.fit.MonitoringHrDataMesg();
    rest.setTimestamp(new com.garmin.fit.DateTime(java.util.Date.from(day.atTime(20, 0).toInstant(java.time.ZoneOffset.UTC))));
    rest.setCurrentDayRestingHeartRate((short) 46);
    byte[] file = FitFiles.activity().fileType(com.garmin.fit.File.MONITORING_B).message(hrv).message(rest)
        .write(Files.createTempFile("wellness", ".fit"));
    upload(Map.of("HRV_STATUS_2026.fit", file));
    JsonObject report = awaitImportDone().getJsonArray("fileResults").getJsonObject(0);
    assertThat(report.getString("state")).isEqualTo("done");
    assertThat(report.getInteger("activitiesNew")).isZero();
    assertThat(report.getString("warning")).isEqualTo("A wellness file: 1 day of HRV, resting heart rate, sleep or weight stored under Wellness");
    assertThat(client.get("/api/activities?limit=1").json().getLong("total")).isZero();
    JsonObject stored = client.get("/api/wellness?from=" + day + "&to=" + day).json().getJsonArray("days").getJsonObject(0);
    assertThat(stored.getDouble("hrvRmssd")).isEqualTo(63.0);
    assertThat(stored.getDouble("restingHr")).isEqualTo(46.0);
    assertThat(stored.getInteger("soreness")).as("the check-in's value is kept").isEqualTo(2);
    assertThat(stored.getString("source")).isEqualTo("fit");
  }

  @Test
  @DisplayName("A triathlon FIT file imports as one Triathlon activity with the race's totals, not five activities")
  void triathlonIsOneActivity() throws Exception {
    upload(Map.of("tri.fit", FitFiles.triathlon().write(Files.createTempFile("tri", ".fit"))));
    JsonObject job = awaitImportDone();
    assertThat(job.getInteger("activitiesNew")).isEqualTo(1);

    var items = client.get("/api/activities").jsonArray("items");
    assertThat(items).hasSize(1);
    JsonObject a = items.getJsonObject(0);
    assertThat(a.getString("sportType")).isEqualTo("Triathlon");
    assertThat(a.getString("sportFamily")).isEqualTo("multisport");
    assertThat(a.getInteger("elapsedTimeS")).isEqualTo(7380);
    assertThat(a.getDouble("distanceM")).isCloseTo(43200.0, within(0.01));
    assertThat(client.get("/api/activities?sport=run").jsonArray("items")).isEmpty();
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE sport_type = 'Transition'")).isZero();
    var streams = client.get("/api/activities/" + a.getString("id") + "/streams").json().getJsonObject("streams");
    assertThat(streams.getJsonArray("heartrate")).hasSize(7381);
  }

  @Test
  @DisplayName("A triathlon's leg loads are served in order, transitions included, and add up to the activity's load")
  void legLoadsAddUpToTheActivitysLoad() throws Exception {
    upload(Map.of("tri.fit", FitFiles.triathlon().write(Files.createTempFile("tri", ".fit"))));
    awaitImportDone();
    String id = client.get("/api/activities").jsonArray("items").getJsonObject(0).getString("id");
    await(() -> client.get("/api/activities/" + id).json().getValue("load") != null);
    double load = client.get("/api/activities/" + id).json().getDouble("load");

    var legs = client.get("/api/activities/" + id + "/leg-loads").json().getJsonArray("legs");
    assertThat(legs).hasSize(5);
    double sum = 0;
    for (int i = 0; i < legs.size(); i++) {
      sum += legs.getJsonObject(i).getDouble("load");
    }
    assertThat(sum).isCloseTo(load, within(0.01));
    assertThat(legs.getJsonObject(2).getDouble("load")).isPositive();
    assertThat(legs.getJsonObject(2).getString("method")).isNotBlank();
    assertThat(client.get("/api/activities/" + UUID.randomUUID() + "/leg-loads").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("A brick's served streams give the run leg's cadence in steps per minute (twice the strides a device records) and the ride's in rpm")
  void brickCadenceIsServedPerLeg() throws Exception {
    FitFiles brick = FitFiles.activity().session(com.garmin.fit.Sport.CYCLING, 0, 600, 600, 5000.0)
        .session(com.garmin.fit.Sport.RUNNING, 600, 600, 600, 1800.0);
    for (int t = 0; t <= 1200; t++) {
      short cadence = (short) (t < 600 ? 90 : 85);
      brick.record(t, r -> r.setCadence(cadence));
    }
    upload(Map.of("brick.fit", brick.write(Files.createTempFile("brick", ".fit"))));
    awaitImportDone();
    String id = client.get("/api/activities").jsonArray("items").getJsonObject(0).getString("id");
    JsonObject served = client.get("/api/activities/" + id + "/streams").json();
    assertThat(served.getString("cadenceUnit")).isEqualTo("per leg");
    var time = served.getJsonObject("streams").getJsonArray("time");
    var cadence = served.getJsonObject("streams").getJsonArray("cadence");
    assertThat(cadence.getDouble(time.getList().indexOf(300))).isEqualTo(90.0);
    assertThat(cadence.getDouble(time.getList().indexOf(900))).isEqualTo(170.0);
  }

  @Test
  @DisplayName("A run's served cadence is in steps per minute however the streams are sampled")
  void sampledRunCadenceIsInSteps() throws Exception {
    FitFiles run = FitFiles.activity().session(com.garmin.fit.Sport.RUNNING, 0, 600, 600, 1800.0);
    for (int t = 0; t <= 600; t++) {
      run.record(t, r -> r.setCadence((short) 86));
    }
    upload(Map.of("run.fit", run.write(Files.createTempFile("run", ".fit"))));
    awaitImportDone();
    String runId = client.get("/api/activities?sport=run").jsonArray("items").getJsonObject(0).getString("id");
    JsonObject runStreams = client.get("/api/activities/" + runId + "/streams?maxPoints=50").json();
    assertThat(runStreams.getString("cadenceUnit")).isEqualTo("steps/min");
    assertThat(runStreams.getJsonObject("streams").getJsonArray("cadence").getList()).hasSize(50).allMatch(v -> ((Number) v).doubleValue() == 172.0);
  }

  @Test
  @DisplayName("A file without positions takes the athlete's time zone; a GPX track takes the zone where it starts")
  void timeZones() throws Exception {
    client.put("/api/settings/profile", new JsonObject().put("timeZone", "America/Denver"));
    FitFiles fit = FitFiles.activity().session(com.garmin.fit.Sport.TRAINING, 0, 1800, 1800, null);
    for (int t = 0; t < 1800; t += 10) {
      fit.record(t, r -> r.setHeartRate((short) 120));
    }
    upload(Map.of("indoor.fit", fit.write(Files.createTempFile("indoor", ".fit"))));
    awaitImportDone();
    JsonObject indoor = client.get("/api/activities").jsonArray("items").getJsonObject(0);
    assertThat(indoor.getString("timeZone")).isEqualTo("America/Denver");
    // 2024-03-10T07:00Z is 00:00 in Denver (MST, -7): DST there starts two hours later.
    assertThat(indoor.getString("startDateLocal")).startsWith("2024-03-10T00:00");

    upload(Map.of("run.gpx", gpx(start, 20).getBytes(StandardCharsets.UTF_8)));
    awaitImportDone();
    JsonObject run = client.get("/api/activities?sport=run").jsonArray("items").getJsonObject(0);
    assertThat(run.getString("timeZone")).isEqualTo("Europe/Ljubljana");
    assertThat(run.getString("startDateLocal"))
        .startsWith(java.time.LocalDateTime.ofInstant(start, java.time.ZoneId.of("Europe/Ljubljana")).toString().substring(0, 16));
  }

  @Test
  @DisplayName("Importing the same file twice adds nothing the second time")
  void sameFileTwice() {
    byte[] file = gpx(start, 20).getBytes(StandardCharsets.UTF_8);
    upload(Map.of("a.gpx", file));
    awaitImportDone();
    upload(Map.of("a-copy.gpx", file));
    JsonObject job = awaitImportDone();
    assertThat(job.getInteger("activitiesKnown")).isEqualTo(1);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isEqualTo(1);
  }

  @Test
  @DisplayName("A device file of a workout already known from Strava merges with it: one activity, the file leads")
  void mergesDuplicates() {
    ActivityInput strava = Workouts.copy(ActivitySource.STRAVA_API, "987654321", "Run", "Strava run", start.plusSeconds(40), 1850,
        null, 149.0);
    Workouts.store(app, strava);
    upload(Map.of("run.gpx", gpx(start, 30).getBytes(StandardCharsets.UTF_8)));
    JsonObject job = awaitImportDone();
    assertThat(job.getInteger("activitiesMerged")).isEqualTo(1);
    var list = client.get("/api/activities").json();
    assertThat(list.getLong("total")).isEqualTo(1);
    assertThat(list.getJsonArray("items").getJsonObject(0).getString("source")).isEqualTo("file");
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE source = 'strava' AND primary_activity_id IS NOT NULL")).isEqualTo(1);
    // The chart counts the workout once.
    JsonObject stats = client.get("/api/activities/stats").json();
    assertThat(stats.getJsonArray("methodMix").stream().mapToLong(m -> ((JsonObject) m).getLong("activities")).sum()).isEqualTo(1);

    String fileId = list.getJsonArray("items").getJsonObject(0).getString("id");
    JsonObject fileView = client.get("/api/activities/" + fileId).json();
    assertThat(fileView.getJsonArray("merged")).hasSize(1);
    String stravaId = fileView.getJsonArray("merged").getJsonObject(0).getString("id");
    assertThat(fileView.getJsonArray("merged").getJsonObject(0).getString("source")).isEqualTo("strava");

    // The athlete prefers the Strava copy: it leads, the file is merged into it.
    var chosen = client.post("/api/activities/" + stravaId + "/primary", null);
    assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
    assertThat(chosen.json().getValue("primaryActivityId")).isNull();
    assertThat(client.get("/api/activities").json().getJsonArray("items").getJsonObject(0).getString("source")).isEqualTo("strava");
    assertThat(client.get("/api/activities").json().getLong("total")).isEqualTo(1);

    // A wrong merge is split: both count again.
    var split = client.post("/api/activities/" + fileId + "/unmerge", null);
    assertThat(split.status()).isEqualTo(200);
    assertThat(client.get("/api/activities").json().getLong("total")).isEqualTo(2);
    assertThat(client.post("/api/activities/" + fileId + "/unmerge", null).errorCode()).isEqualTo("not_merged");
  }

  @Test
  @DisplayName("A file dropped into the inbox folder is imported and moved to inbox/imported; a bad one to inbox/failed with a reason")
  void inbox() throws Exception {
    Path inbox = app.config().dataDir().resolve("inbox");
    Files.createDirectories(inbox);
    Files.writeString(inbox.resolve("dropped.gpx"), gpx(start, 15));
    Files.writeString(inbox.resolve("junk.tcx"), "nope");
    await(() -> Files.exists(inbox.resolve("imported/dropped.gpx")) && Files.exists(inbox.resolve("failed/junk.tcx.error.txt")));
    await(() -> TestDatabase.count("SELECT count(*) FROM activities WHERE source = 'file'") == 1);
    assertThat(Files.readString(inbox.resolve("failed/junk.tcx.error.txt"))).isNotBlank();
  }

  @Test
  @DisplayName("An upload without files is a 422, and one without a session is refused")
  void validation() {
    var empty = upload(Map.of());
    assertThat(empty.statusCode()).isEqualTo(422);
    var anonymous = new fitcoach.testing.TestClient(app.port()).post("/api/imports", new JsonObject());
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("A file without a name of its own is named as devices and Strava do, from its local start and sport; its file name is kept")
  void namedFromLocalStartAndSport(@org.junit.jupiter.api.io.TempDir Path dir) {
    // 07:00 UTC in Bogotá is 02:00 local: a night ride, though the device wrote an offset of 0.
    FitFiles fit = FitFiles.activity().utcOffsetSeconds(0).session(com.garmin.fit.Sport.CYCLING, 0, 600, 600, 4800.0);
    for (int t = 0; t < 600; t++) {
      fit.record(t, r -> {
        r.setPositionLat(FitFiles.semicircles(4.7110));
        r.setPositionLong(FitFiles.semicircles(-74.0721));
        r.setSpeed(8f);
      });
    }
    byte[] bogota = fit.write(dir.resolve("bogota.fit"));
    assertThat(upload(Map.of("bogota.fit", bogota, "test.gpx",
        gpx(Instant.parse("2024-05-02T12:30:00Z"), 20).getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(202);
    assertThat(awaitImportDone().getInteger("activitiesNew")).isEqualTo(2);

    JsonObject ride = client.get("/api/activities?sport=ride").jsonArray("items").getJsonObject(0);
    assertThat(ride.getString("name")).isEqualTo("Night Ride");
    assertThat(ride.getString("startDateLocal")).isEqualTo("2024-03-10T02:00:00");
    assertThat(ride.getString("timeZone")).isEqualTo("America/Bogota");
    assertThat(client.get("/api/activities/" + ride.getString("id")).json().getString("fileName")).isEqualTo("bogota.fit");
    // The file's name still finds it.
    assertThat(client.get("/api/activities?text=bogota").json().getLong("total")).isEqualTo(1L);

    // The GPX run in Slovenia at 12:30 UTC, 14:30 local summer time.
    JsonObject run = client.get("/api/activities?sport=run").jsonArray("items").getJsonObject(0);
    assertThat(run.getString("name")).isEqualTo("Afternoon Run");
    assertThat(client.get("/api/activities/" + run.getString("id")).json().getString("fileName")).isEqualTo("test.gpx");
  }

  @Test
  @DisplayName("A GPX track's own name is kept as the activity's name")
  void trackNameKept() {
    String named = gpx(start, 10).replace("<trk><type>", "<trk><name>Club run by the river</name><type>");
    assertThat(upload(Map.of("named.gpx", named.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(202);
    awaitImportDone();
    assertThat(client.get("/api/activities?sport=run").jsonArray("items").getJsonObject(0).getString("name"))
        .isEqualTo("Club run by the river");
  }

  @Test
  @DisplayName("Before any import the latest import is an explicit null (200), not a 404")
  void noImportYet() {
    var latest = client.get("/api/imports/latest");
    assertThat(latest.status()).isEqualTo(200);
    assertThat(latest.body()).isEqualTo("null");
    assertThat(client.get("/api/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
  }
}
