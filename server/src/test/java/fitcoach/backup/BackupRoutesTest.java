package fitcoach.backup;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.export.ExportRoutes;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GET and POST /api/backups on the real app, and a backup restored into an empty instance. */
class BackupRoutesTest extends ApiTest {

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    // Nightly backups stay off here (no catch-up in the middle of a test): POST makes them. Retention 3 days, 2 weeks.
    env.put("FITCOACH_BACKUP_KEEP_DAILY", "3");
    env.put("FITCOACH_BACKUP_KEEP_WEEKLY", "2");
    env.put("FITCOACH_BACKUP_TIME", "04:15");
    return env;
  }

  private Path folder() {
    return app.config().dataDir().resolve("backups");
  }

  @BeforeEach
  void emptyFolder() throws Exception {
    if (Files.isDirectory(folder())) {
      try (Stream<Path> files = Files.list(folder())) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
    }
  }

  /** POST /api/backups, then GET until it is done; the status at the end. */
  private JsonObject backUp() throws InterruptedException {
    var started = client.post("/api/backups", null);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonObject status = client.get("/api/backups").json();
      if (!status.getBoolean("running")) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the backup did not finish in 60 s");
  }

  @Test
  @DisplayName("GET /api/backups shows the settings and no backup; POST makes one: a private zip named by the minute, shown as the last")
  void backUpNow() throws Exception {
    assertThat(client.get("/api/backups").status()).isEqualTo(401);
    assertThat(client.post("/api/backups", null).status()).isEqualTo(401);
    signedIn();
    JsonObject before = client.get("/api/backups").json();
    assertThat(before.getBoolean("enabled")).isFalse();
    assertThat(before.getString("at")).isEqualTo("04:15");
    assertThat(before.getInteger("keepDaily")).isEqualTo(3);
    assertThat(before.getInteger("keepWeekly")).isEqualTo(2);
    assertThat(before.getString("folder")).isEqualTo(folder().toAbsolutePath().toString());
    assertThat(before.containsKey("last")).isTrue();
    assertThat(before.getValue("last")).isNull();
    assertThat(before.getValue("next")).as("nightly backups are off").isNull();
    assertThat(before.getValue("lastError")).isNull();
    client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", "2026-11-02T07:00")
        .put("durationS", 1800).put("rpe", 5).put("name", "Easy run"));

    JsonObject after = backUp();
    JsonObject last = after.getJsonObject("last");
    assertThat(last.getString("file")).matches("fitcoach-\\d{4}-\\d{2}-\\d{2}T\\d{4}\\.zip");
    Path file = folder().resolve(last.getString("file"));
    assertThat(last.getLong("bytes")).isEqualTo(Files.size(file)).isPositive();
    assertThat(Duration.between(Instant.parse(last.getString("createdAt")), Instant.now())).isBetween(Duration.ZERO, Duration.ofMinutes(2));
    assertThat(after.getValue("lastError")).isNull();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder()))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (ZipFile zip = new ZipFile(file.toFile())) {
      assertThat(new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes())).contains("fitcoach-export");
      assertThat(new String(zip.getInputStream(zip.getEntry("activities.csv")).readAllBytes())).contains("Easy run");
    }
    try (Stream<Path> files = Files.list(folder())) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).as("nothing but the backup").containsExactly(last.getString("file"));
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).as("a backup stores nothing").isEqualTo(1);
  }

  @Test
  @DisplayName("A .part file a killed backup left is removed and never listed; other files in the folder are left alone")
  void leftoversAndForeignFiles() throws Exception {
    signedIn();
    Files.createDirectories(folder());
    Path part = folder().resolve(".fitcoach-2026-12-01T0330.zip.part");
    Files.write(part, new byte[] {'P', 'K', 3, 4, 0, 0});
    Path notes = Files.writeString(folder().resolve("notes.txt"), "mine");
    Path export = Files.writeString(folder().resolve("fitcoach-export-2026-12-01.zip"), "a download kept here");
    assertThat(client.get("/api/backups").json().getValue("last")).as("a .part is not a backup").isNull();

    JsonObject status = backUp();
    assertThat(part).doesNotExist();
    assertThat(notes).exists();
    assertThat(export).exists();
    assertThat(status.getJsonObject("last").getString("file")).startsWith("fitcoach-" + LocalDate.now().getYear());
  }

  @Test
  @DisplayName("After a backup only the newest of the last 3 days and the last 2 weeks stay; files not named like backups stay too")
  void retentionOnDisk() throws Exception {
    signedIn();
    Files.createDirectories(folder());
    for (int day = 1; day <= 30; day++) {
      Files.writeString(folder().resolve(String.format("fitcoach-2026-11-%02dT0330.zip", day)), "old");
    }
    Files.writeString(folder().resolve("fitcoach-2026-11-30T1200.zip"), "a second one that day");
    Files.writeString(folder().resolve("fitcoach-2026-11-01.zip"), "not our name");

    String newest = backUp().getJsonObject("last").getString("file");
    try (Stream<Path> files = Files.list(folder())) {
      // Days: today, 30 and 29 November (the 30th's newest is 12:00); weeks: this one and 23–29 November's newest.
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly("fitcoach-2026-11-01.zip",
          "fitcoach-2026-11-29T0330.zip", "fitcoach-2026-11-30T1200.zip", newest);
    }
  }

  @Test
  @DisplayName("The latest backup restored into an empty instance gives back the same activities, streams, laps, wellness, plan, zones and chats")
  void restoreLatestBackup() throws Exception {
    signedIn();
    var demo = client.post("/api/demo", new JsonObject().put("years", 1).put("sessionsPerWeek", 3));
    assertThat(demo.status()).as(demo.toString()).isEqualTo(201);
    String today = LocalDate.now().toString();
    assertThat(client.post("/api/plan/workouts", new JsonObject().put("date", today).put("sport", "Ride").put("title", "Sweet spot")
        .put("durationS", 3600).put("intensity", new JsonObject().put("type", "rpe").put("value", 6))).status()).isEqualTo(201);
    assertThat(client.post("/api/plan/events", new JsonObject().put("date", LocalDate.now().plusWeeks(10).toString())
        .put("name", "City marathon").put("sport", "Run").put("distanceM", 42195).put("priority", "A")).status()).isEqualTo(201);
    assertThat(client.put("/api/wellness/" + today, new JsonObject().put("sleepHours", 7.5).put("note", "Slept well")).status())
        .isEqualTo(200);
    assertThat(client.post("/api/settings/thresholds", new JsonObject().put("kind", "ftp").put("validFrom", "2026-01-05")
        .put("value", 250)).status()).isEqualTo(201);
    var zone = client.post("/api/settings/privacy-zones", new JsonObject().put("name", "Home").put("lat", 48.137).put("lon", 11.575)
        .put("radiusM", 300));
    assertThat(zone.status()).as(zone.toString()).isEqualTo(201);
    TestDatabase.query("""
        WITH s AS (INSERT INTO chat_sessions (user_id, title) SELECT id, 'Marathon plan' FROM users RETURNING id, user_id)
        INSERT INTO chat_messages (session_id, user_id, role, content) SELECT s.id, s.user_id, 'user', 'How am I doing?' FROM s""",
        rs -> null);
    Map<String, String> original = snapshot();
    assertThat(original.get("activities.id")).doesNotStartWith("0 ");
    assertThat(original.get("streams")).doesNotStartWith("0 ");
    assertThat(original.get("wellness")).doesNotStartWith("0 ");

    backUp();
    // An older backup beside it: the latest is the one to restore.
    Files.writeString(folder().resolve("fitcoach-2026-01-01T0330.zip"), "an older backup");
    String latest = client.get("/api/backups").json().getJsonObject("last").getString("file");
    byte[] zip = Files.readAllBytes(folder().resolve(latest));
    Map<String, Long> entries = entryChecksums(folder().resolve(latest));

    TestDatabase.truncateAll();
    client = new TestClient(app.port());
    signedIn();
    assertThat(snapshot().get("activities.id")).startsWith("0 ");
    var restored = client.upload(ExportRoutes.RESTORE_PATH, "file", Map.of(latest, zip));
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);

    Map<String, String> back = snapshot();
    assertThat(back).isEqualTo(original);
    // A backup of the restored instance holds the same streams, byte for byte, and the same activity table.
    emptyFolder();
    Map<String, Long> again = entryChecksums(folder().resolve(backUp().getJsonObject("last").getString("file")));
    entries.keySet().removeIf(name -> !name.startsWith("streams/") && !name.equals("activities.csv"));
    again.keySet().removeIf(name -> !name.startsWith("streams/") && !name.equals("activities.csv"));
    assertThat(again).isEqualTo(entries).hasSizeGreaterThan(1);
  }

  private static Map<String, Long> entryChecksums(Path zipFile) throws Exception {
    Map<String, Long> crcs = new TreeMap<>();
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      for (ZipEntry e : List.copyOf(java.util.Collections.list(zip.entries()))) {
        crcs.put(e.getName(), e.getCrc());
      }
    }
    return crcs;
  }

  /** Count and checksum of what the athlete owns, table by table, leaving out the account id (new in a new instance). */
  private static Map<String, String> snapshot() {
    Map<String, String> sums = new LinkedHashMap<>();
    // Column by column, so a difference names the column.
    for (String column : new String[] {"id", "source", "external_id", "sport_type", "name", "start_date", "start_date_local",
        "time_zone", "moving_time_s", "elapsed_time_s", "distance_m", "elevation_gain_m", "avg_hr", "max_hr", "avg_power_w",
        "weighted_power_w", "rpe", "calories", "summary_polyline", "load", "load_method", "primary_activity_id", "raw"}) {
      // A JSON null in raw comes back as no raw at all: the same absence of source data.
      String value = column.equals("raw") ? "nullif(raw, 'null'::jsonb)" : column;
      sums.put("activities." + column, sum("activities", "id", "coalesce(" + value + "::text, '∅')"));
    }
    sums.put("streams", sum("activity_streams", "activity_id, resolution",
        "concat_ws('|', activity_id, resolution, point_count, array_to_string(stream_types, ','), md5(data))"));
    sums.put("laps", sum("activity_laps", "activity_id, lap_index", "concat_ws('|', activity_id, lap_index, to_jsonb(activity_laps)::text)"));
    sums.put("wellness", sum("wellness", "day", """
        concat_ws('|', day, sleep_hours, sleep_quality, soreness, stress, motivation, hrv_rmssd, resting_hr, weight_kg, note,
          illness, injury, source)"""));
    sums.put("planned_workouts", sum("planned_workouts", "id", "concat_ws('|', id, day, sport, title, duration_s, steps::text, link)"));
    sums.put("planned_events", sum("planned_events", "id", "concat_ws('|', id, day, name, sport, distance_m, priority)"));
    sums.put("thresholds", sum("threshold_history", "kind, valid_from", "concat_ws('|', kind, valid_from, value, source)"));
    sums.put("chat_messages", sum("chat_messages", "seq", "concat_ws('|', role, content)"));
    sums.put("privacy_zones", sum("privacy_zones", "id", "concat_ws('|', id, name, lat, lon, radius_m)"));
    sums.put("profile", sum("athlete_profiles", "user_id", "concat_ws('|', goals, time_zone)"));
    return sums;
  }

  private static String sum(String table, String order, String row) {
    return TestDatabase.query("SELECT count(*) || ' ' || coalesce(md5(string_agg(" + row + ", E'\\n' ORDER BY " + order
        + ")), '-') FROM " + table, rs -> {
          rs.next();
          return rs.getString(1);
        });
  }
}

