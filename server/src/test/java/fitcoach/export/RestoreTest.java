package fitcoach.export;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.settings.DataPolicy;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RestoreTest extends ApiTest {

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static String one(String sql) {
    return TestDatabase.query(sql, rs -> rs.next() ? rs.getString(1) : null);
  }

  @Test
  @DisplayName("An export restored into a new, empty instance brings back activities, merges, streams, chats, reports and settings")
  void roundTrip() throws Exception {
    signedIn();
    client.put("/api/settings/profile", new JsonObject().put("maxHr", 188).put("ftpWatts", 250).put("timeZone", "Europe/Paris")
        .put("goals", "Sub-3, \"finally\""));
    client.put("/api/settings/data-policy", new JsonObject().put("allowStravaApi", true).put("acknowledgement", DataPolicy.ACKNOWLEDGEMENT)
        .put("stravaRetention", "keep"));
    for (int i = 1; i <= 3; i++) {
      client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", "2026-11-0" + i + "T07:00")
          .put("durationS", 1800 + i * 60).put("rpe", 4 + i).put("name", "Run, number " + i));
    }
    // The Strava API's copy of the first run: it leads the manual entry by source priority, until the athlete chooses.
    Instant at = Instant.parse("2026-11-01T06:00:00Z");
    fitcoach.testing.Workouts.store(app, new fitcoach.activities.ActivityInput(fitcoach.activities.ActivitySource.STRAVA_API, "987",
        "Run", "Strava copy", null, null, at, java.time.LocalDateTime.parse("2026-11-01T07:00"), "Europe/Paris", 1860, null, null,
        null, 151.0, null, null, null, null, null, null, null, null, null, null, false, false, false, null,
        new JsonObject().put("suffer_score", 42), null, null, null));
    String primary = one("SELECT id FROM activities WHERE name = 'Run, number 1'");
    String secondary = one("SELECT id FROM activities WHERE name = 'Strava copy'");
    assertThat(one("SELECT primary_activity_id FROM activities WHERE id = '" + primary + "'")).isEqualTo(secondary);
    // The athlete chooses the manual entry to lead: the choice survives the restore.
    assertThat(client.post("/api/activities/" + primary + "/primary", null).status()).isEqualTo(200);
    fitcoach.testing.Workouts.streams(app, java.util.UUID.fromString(primary), gzip("{\"time\":[0,1],\"heartrate\":[120,121]}"),
        java.util.List.of("time", "heartrate"), 2);
    TestDatabase.query("""
        WITH s AS (INSERT INTO chat_sessions (user_id, title) SELECT id, 'Marathon plan' FROM users RETURNING id, user_id)
        INSERT INTO chat_messages (session_id, user_id, role, content, context_activity_ids)
        SELECT s.id, s.user_id, r.role, r.content, CASE WHEN r.role = 'assistant' THEN ARRAY[?::uuid] END
        FROM s, (VALUES (1, 'user', 'How am I doing?'), (2, 'assistant', 'Well.')) AS r(n, role, content) ORDER BY r.n""",
        rs -> null, primary);
    TestDatabase.query("""
        INSERT INTO weekly_reports (user_id, week_start, summary, metrics, model) SELECT id, '2026-10-26', 'A good week',
          '{"sessions": 3}', 'claude-sonnet-5' FROM users""", rs -> null);
    client.post("/api/load/recompute", null);
    JsonArray before = client.get("/api/activities?limit=50").jsonArray("items");
    JsonObject statsBefore = client.get("/api/activities/stats").json();
    JsonArray thresholdsBefore = client.get("/api/settings/thresholds").json().getJsonArray("entries");
    assertThat(thresholdsBefore).hasSize(2);
    byte[] export = client.download("/api/export");

    TestDatabase.truncateAll();
    client = new fitcoach.testing.TestClient(app.port());
    signedIn();
    var restored = client.upload(ExportRoutes.RESTORE_PATH, "file", Map.of("export.zip", export));
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    assertThat(restored.json().getInteger("activities")).isEqualTo(4);
    assertThat(restored.json().getInteger("streams")).isEqualTo(1);
    assertThat(restored.json().getInteger("chatMessages")).isEqualTo(2);
    assertThat(restored.json().getInteger("weeklyReports")).isEqualTo(1);

    JsonArray after = client.get("/api/activities?limit=50").jsonArray("items");
    assertThat(after).hasSize(before.size());
    for (int i = 0; i < before.size(); i++) {
      JsonObject b = before.getJsonObject(i);
      JsonObject a = after.getJsonObject(i);
      for (String field : new String[] {"id", "name", "sportType", "startDateLocal", "load", "loadMethod", "rpe"}) {
        assertThat(a.getValue(field)).as(field).isEqualTo(b.getValue(field));
      }
    }
    assertThat(client.get("/api/activities/stats").json().getDouble("ctl")).isEqualTo(statsBefore.getDouble("ctl"));
    assertThat(one("SELECT primary_activity_id FROM activities WHERE id = '" + secondary + "'")).isEqualTo(primary);
    assertThat(one("SELECT raw->>'suffer_score' FROM activities WHERE id = '" + secondary + "'")).isEqualTo("42");
    assertThat(one("SELECT array_to_string(stream_types, ',') FROM activity_streams")).isEqualTo("time,heartrate");
    JsonObject profile = client.get("/api/settings/profile").json();
    assertThat(profile.getString("goals")).isEqualTo("Sub-3, \"finally\"");
    assertThat(profile.getString("timeZone")).isEqualTo("Europe/Paris");
    assertThat(profile.getInteger("maxHr")).isEqualTo(188);
    JsonArray thresholdsAfter = client.get("/api/settings/thresholds").json().getJsonArray("entries");
    assertThat(thresholdsAfter).hasSize(thresholdsBefore.size());
    for (int i = 0; i < thresholdsBefore.size(); i++) {
      for (String field : new String[] {"kind", "validFrom", "value", "source", "createdAt"}) {
        assertThat(thresholdsAfter.getJsonObject(i).getValue(field)).as(field).isEqualTo(thresholdsBefore.getJsonObject(i).getValue(field));
      }
    }
    JsonObject policy = client.get("/api/settings/data-policy").json();
    assertThat(policy.getBoolean("allowStravaApi")).isTrue();
    assertThat(policy.getString("stravaRetention")).isEqualTo("keep");
    String sessionId = client.get("/api/ai/chat/sessions").json().getJsonArray("sessions").getJsonObject(0).getString("id");
    JsonArray messages = client.get("/api/ai/chat/sessions/" + sessionId + "/messages").json().getJsonArray("messages");
    assertThat(messages).extracting(m -> ((JsonObject) m).getString("content")).containsExactly("How am I doing?", "Well.");
    assertThat(messages.getJsonObject(1).getJsonArray("contextActivityIds").getString(0)).isEqualTo(primary);
    assertThat(client.get("/api/ai/weekly-reports/2026-10-26").json().getString("content")).isEqualTo("A good week");

    var again = client.upload(ExportRoutes.RESTORE_PATH, "file", Map.of("export.zip", export));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("not_empty");
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isEqualTo(4);
  }

  @Test
  @DisplayName("An export from before dated thresholds restores: its profile's single values become entries from the first activity")
  void exportWithSingleProfileValues() throws Exception {
    signedIn();
    for (int i = 1; i <= 2; i++) {
      client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", "2026-10-0" + (i * 3) + "T07:00")
          .put("durationS", 1800).put("rpe", 5).put("name", "Run " + i));
    }
    byte[] current = client.download("/api/export");
    // The same export as an older FitCoach wrote it: no threshold-history.json, the values in profile.json.
    ByteArrayOutputStream old = new ByteArrayOutputStream();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(current)); ZipOutputStream out = new ZipOutputStream(old)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals("threshold-history.json")) {
          continue;
        }
        if (e.getName().equals("profile.json")) {
          bytes = new JsonObject(new String(bytes, StandardCharsets.UTF_8)).put("ftp_watts", 250).put("max_hr", 188)
              .put("weight_kg", 70.5).putNull("lthr").encode().getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
      }
    }
    TestDatabase.truncateAll();
    client = new fitcoach.testing.TestClient(app.port());
    signedIn();
    var restored = client.upload(ExportRoutes.RESTORE_PATH, "file", Map.of("old.zip", old.toByteArray()));
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    JsonArray entries = client.get("/api/settings/thresholds").json().getJsonArray("entries");
    assertThat(entries).extracting(o -> ((JsonObject) o).getString("kind") + " " + ((JsonObject) o).getString("validFrom") + " "
        + ((JsonObject) o).getDouble("value") + " " + ((JsonObject) o).getString("source"))
        .containsExactly("ftp 2026-10-03 250.0 migrated", "max_hr 2026-10-03 188.0 migrated", "weight 2026-10-03 70.5 migrated");
    assertThat(client.get("/api/settings/profile").json().getInteger("ftpWatts")).isEqualTo(250);
  }

  @Test
  @DisplayName("Something that is not a FitCoach export is refused with a 422 and nothing is stored")
  void notAnExport() throws Exception {
    signedIn();
    var notZip = client.upload(ExportRoutes.RESTORE_PATH, "file", Map.of("x.zip", "hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(notZip.status()).isEqualTo(422);
    assertThat(notZip.errorCode()).isEqualTo("not_a_fitcoach_export");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write("{\"format\":\"fitcoach-export\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("profile.json"));
      zip.write("{\"goals\":\"half restored\"}".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("activities.json"));
      zip.write("[{\"id\":\"5b0c0c1e-0000-4000-8000-000000000001\",\"source\":\"manual\"".getBytes(StandardCharsets.UTF_8));
    }
    var broken = client.upload(ExportRoutes.RESTORE_PATH, "file", Map.of("broken.zip", bytes.toByteArray()));
    assertThat(broken.status()).isEqualTo(422);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isZero();
    assertThat(client.get("/api/settings/profile").json().getString("goals")).as("a failed restore leaves nothing behind").isNull();
    assertThat(client.upload(ExportRoutes.RESTORE_PATH, "file", Map.of()).status()).isEqualTo(422);
  }
}
