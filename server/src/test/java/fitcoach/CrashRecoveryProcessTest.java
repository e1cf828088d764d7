package fitcoach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.AppProcess;
import fitcoach.testing.DataFolder;
import fitcoach.testing.ExportZipMain;
import fitcoach.testing.FakeStrava;
import fitcoach.testing.FitFileMain;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The OOM killer's view of FitCoach: the Java process is killed with SIGKILL in the middle of an import or a Strava sync,
 * then started again on the same data folder with no manual step. Whatever was underway completes, and every activity is
 * there exactly once.
 */
class CrashRecoveryProcessTest {
  private static final String EMAIL = "crash@example.com";
  private static final String PASSWORD = "killed mid-import";
  private static final Duration START = Duration.ofSeconds(120);

  @Test
  @DisplayName("SIGKILL mid-import of a Strava export: after a restart the import completes with 0 duplicates and 0 lost")
  void killedMidImport() throws Exception {
    int activities = 80;
    Path work = TestApp.tempDir();
    DataFolder folder = new DataFolder(work.resolve("data"));
    Path zip = work.resolve("export_12345.zip");
    ExportZipMain.main(new String[] {Integer.toString(activities), zip.toString()});

    try (AppProcess first = AppProcess.start(work, "first.log", env())) {
      TestClient client = signUp(first.awaitListening(START));
      var upload = client.upload("/api/imports", "files", Map.of("export_12345.zip", Files.readAllBytes(zip)));
      assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
      // Killed once the export is unpacked and part of its files are stored: some done, most still to go.
      awaitTrue(() -> {
        JsonObject job = client.get("/api/imports/latest").json();
        return job.getInteger("filesDone") >= 5;
      }, "part of the import done");
      JsonObject before = client.get("/api/imports/latest").json();
      assertThat(before.getInteger("filesDone")).as("killed mid-import").isLessThan(before.getInteger("files"));
      first.kill();
    }

    try (AppProcess second = AppProcess.start(work, "second.log", env())) {
      TestClient client = signIn(second.awaitListening(START));
      awaitTrue(() -> "done".equals(client.get("/api/imports/latest").json().getString("state")), "the import finishes");
      JsonObject job = client.get("/api/imports/latest").json();
      assertThat(job.getInteger("filesFailed")).as(job.encodePrettily()).isZero();
      assertThat(job.getInteger("filesDone")).isEqualTo(job.getInteger("files")).isEqualTo(activities + 1);

      assertThat(folder.count("SELECT count(*) FROM activities")).isEqualTo(activities);
      assertThat(folder.count("SELECT count(DISTINCT external_id) FROM activities")).isEqualTo(activities);
      assertThat(folder.count("SELECT count(DISTINCT start_date) FROM activities")).isEqualTo(activities);
      assertThat(folder.count("SELECT count(*) FROM activity_streams")).isEqualTo(activities);
      assertOriginalsKept(folder, activities);
      second.stop();
    }
  }

  @Test
  @DisplayName("SIGKILL mid-import of FIT files dropped in the inbox: after a restart all are imported once, none lost")
  void killedMidInboxImport() throws Exception {
    int activities = 60;
    Path work = TestApp.tempDir();
    DataFolder folder = new DataFolder(work.resolve("data"));
    Path staging = Files.createDirectories(work.resolve("staging"));
    for (int i = 1; i <= activities; i++) {
      FitFileMain.main(new String[] {staging.resolve("ride-" + i + ".fit").toString(), Integer.toString(i)});
    }

    try (AppProcess first = AppProcess.start(work, "first.log", env())) {
      TestClient client = signUp(first.awaitListening(START));
      Path inbox = Files.createDirectories(folder.dir().resolve("inbox"));
      try (Stream<Path> files = Files.list(staging)) {
        for (Path f : files.toList()) {
          Files.move(f, inbox.resolve(f.getFileName()));
        }
      }
      awaitTrue(() -> {
        var latest = client.get("/api/imports/latest");
        return latest.status() == 200 && !"null".equals(latest.body()) && latest.json().getInteger("filesDone") >= 5;
      }, "part of the inbox imported");
      JsonObject before = client.get("/api/imports/latest").json();
      assertThat(before.getInteger("filesDone")).as("killed mid-import").isLessThan(activities);
      first.kill();
    }

    try (AppProcess second = AppProcess.start(work, "second.log", env())) {
      TestClient client = signIn(second.awaitListening(START));
      awaitTrue(() -> folder.count("SELECT count(*) FROM import_files WHERE state IN ('done', 'failed')") == activities
          && "done".equals(client.get("/api/imports/latest").json().getString("state")), "every inbox file imported");
      assertThat(folder.count("SELECT count(*) FROM import_files WHERE state = 'failed'")).isZero();
      assertThat(folder.count("SELECT count(*) FROM activities")).isEqualTo(activities);
      assertThat(folder.count("SELECT count(DISTINCT start_date) FROM activities")).isEqualTo(activities);
      try (Stream<Path> imported = Files.list(folder.dir().resolve("inbox").resolve("imported"))) {
        assertThat(imported.count()).isEqualTo(activities);
      }
      assertThat(DataFolder.regularFiles(folder.dir().resolve("inbox").resolve("processing"))).isZero();
      second.stop();
    }
  }

  @Test
  @DisplayName("SIGKILL mid-Strava-sync: after a restart the sync resumes and finishes with 0 duplicates and 0 lost")
  void killedMidSync() throws Exception {
    int activities = 400;
    Vertx fakeVertx = Vertx.vertx();
    FakeStrava fake = FakeStrava.start(fakeVertx);
    try {
      fake.history(activities, 17).delay(Duration.ofMillis(150));
      fake.rateLimits(1_000_000, 10_000_000);
      Path work = TestApp.tempDir();
      DataFolder folder = new DataFolder(work.resolve("data"));
      Map<String, String> env = env();
      env.put("STRAVA_BASE_URL", fake.baseUrl());
      env.put("STRAVA_CLIENT_ID", FakeStrava.CLIENT_ID);
      env.put("STRAVA_CLIENT_SECRET", FakeStrava.CLIENT_SECRET);
      env.put("STRAVA_PAGE_SIZE", "20");
      env.put("STRAVA_RETRY_BASE_MS", "20");

      try (AppProcess first = AppProcess.start(work, "first.log", env)) {
        TestClient client = signUp(first.awaitListening(START));
        var connect = client.get("/api/strava/connect");
        assertThat(connect.status()).as(connect.toString()).isEqualTo(302);
        URI callback = URI.create(fake.authorizeAsBrowser(connect.header("Location")));
        assertThat(client.get(callback.getRawPath() + "?" + callback.getRawQuery()).status()).isEqualTo(302);
        awaitTrue(() -> sync(client).getInteger("activitiesFetched", 0) >= 60, "part of the history synced");
        assertThat(sync(client).getString("state")).as("killed mid-sync").isEqualTo("running");
        first.kill();
      }

      try (AppProcess second = AppProcess.start(work, "second.log", env)) {
        TestClient client = signIn(second.awaitListening(START));
        awaitTrue(() -> Stream.of("done", "failed").anyMatch(sync(client).getString("state")::equals), "the sync finishes");
        assertThat(sync(client).getString("state")).as(sync(client).encodePrettily()).isEqualTo("done");
        assertThat(second.output()).contains("Resuming Strava sync");
        assertThat(folder.count("SELECT count(*) FROM activities WHERE source = 'strava'")).isEqualTo(activities);
        assertThat(folder.count("SELECT count(DISTINCT external_id) FROM activities WHERE source = 'strava'")).isEqualTo(activities);
        assertThat(folder.count("SELECT count(DISTINCT start_date) FROM activities")).isEqualTo(activities);
        assertThat(folder.count("SELECT count(*) FROM sync_jobs WHERE kind <> 'import'")).isEqualTo(1);
        second.stop();
      }
    } finally {
      fake.close();
      fakeVertx.close();
    }
  }

  private static Map<String, String> env() {
    return new HashMap<>(Map.of("PORT", "0", "HOST", "127.0.0.1", "FITCOACH_HTTP_INSTANCES", "2"));
  }

  private static TestClient signUp(int port) {
    TestClient client = new TestClient(port);
    var r = client.post("/api/auth/setup", new JsonObject().put("email", EMAIL).put("password", PASSWORD));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return client;
  }

  private static TestClient signIn(int port) {
    TestClient client = new TestClient(port);
    var r = client.post("/api/auth/login", new JsonObject().put("email", EMAIL).put("password", PASSWORD));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return client;
  }

  private static JsonObject sync(TestClient client) {
    JsonObject sync = client.get("/api/strava/status").json().getJsonObject("sync");
    return sync == null ? new JsonObject() : sync;
  }

  /** Every activity names its kept original, each original is on disk once, and nothing is left half-imported. */
  private static void assertOriginalsKept(DataFolder folder, int activities) throws Exception {
    assertThat(folder.count("SELECT count(*) FROM activities WHERE original_file IS NULL")).isZero();
    String[] originals = folder.value("SELECT string_agg(original_file, '|') FROM activities").split("\\|");
    assertThat(originals).hasSize(activities).allSatisfy(f -> assertThat(folder.dir().resolve(f)).isRegularFile());
    assertThat(DataFolder.regularFiles(folder.dir().resolve("files"))).isEqualTo(activities);
    assertThat(DataFolder.regularFiles(folder.dir().resolve("imports"))).as("files left behind in imports/").isZero();
  }


  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    RuntimeException last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("Not within 180 s: " + what + (last == null ? "" : " (last error: " + last + ")"));
  }
}
