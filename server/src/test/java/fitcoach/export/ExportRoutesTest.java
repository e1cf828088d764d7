package fitcoach.export;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExportRoutesTest extends ApiTest {

  @Test
  @DisplayName("The export zip holds the profile, every activity as JSON and CSV, their streams, and the chats")
  void exportsEverything() throws Exception {
    signedIn();
    client.put("/api/settings/profile", new JsonObject().put("maxHr", 188).put("goals", "Sub-3, \"finally\""));
    for (int i = 1; i <= 3; i++) {
      client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", "2026-01-0" + i + "T07:00")
          .put("durationS", 1800).put("rpe", 5).put("name", "Run, number " + i));
    }
    String id = client.get("/api/activities?limit=1").jsonArray("items").getJsonObject(0).getString("id");
    fitcoach.testing.Workouts.streams(app, java.util.UUID.fromString(id), gzip("{\"heartrate\":[120,121]}"),
        java.util.List.of("heartrate"), 2);
    TestDatabase.query("INSERT INTO chat_sessions (user_id, title) SELECT id, 'Marathon plan' FROM users", rs -> null);

    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.port() + "/api/export")).header("Cookie", client.cookie()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/zip");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");

    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    assertThat(entries).containsKeys("profile.json", "data-policy.json", "activities.json", "activities.csv", "chat-sessions.json",
        "chat-messages.json", "weekly-reports.json", "streams/" + id + ".json.gz");
    JsonArray activities = new JsonArray(new String(entries.get("activities.json"), StandardCharsets.UTF_8));
    assertThat(activities).hasSize(3);
    assertThat(activities.getJsonObject(0).getString("source")).isEqualTo("manual");
    String csv = new String(entries.get("activities.csv"), StandardCharsets.UTF_8);
    assertThat(csv.lines()).hasSize(4);
    assertThat(csv).contains("\"Run, number 2\"");
    // The profile's max HR is an entry of the threshold history, exported with its date.
    JsonObject maxHr = new JsonArray(new String(entries.get("threshold-history.json"), StandardCharsets.UTF_8)).getJsonObject(0);
    assertThat(maxHr.getString("kind")).isEqualTo("max_hr");
    assertThat(maxHr.getDouble("value")).isEqualTo(188.0);
    assertThat(maxHr.getString("valid_from")).isNotBlank();
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(entries.get("streams/" + id + ".json.gz")))) {
      assertThat(new JsonObject(new String(gz.readAllBytes(), StandardCharsets.UTF_8)).getJsonArray("heartrate")).hasSize(2);
    }
    assertThat(new String(entries.get("chat-sessions.json"), StandardCharsets.UTF_8)).contains("Marathon plan");
    // The temporary zip is deleted once sent.
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    while (app.config().dataDir().resolve("exports").toFile().list().length > 0 && java.time.Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(app.config().dataDir().resolve("exports").toFile().list()).isEmpty();
  }

  private static byte[] gzip(String s) throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
