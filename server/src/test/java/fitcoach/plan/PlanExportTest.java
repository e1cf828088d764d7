package fitcoach.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.export.ExportRoutes;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The plan travels in the export (planned-workouts.json, planned-events.json) and comes back from a restore. */
class PlanExportTest extends ApiTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static String entry(byte[] zip, String name) throws Exception {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }

  @Test
  @DisplayName("An export holds the plan, and a restore into an empty account brings every workout, its steps, its link and every event back")
  void roundTrip() throws Exception {
    TestClient c = signedIn();
    LocalDate yesterday = TODAY.minusDays(1);
    var done = c.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", yesterday + "T07:00")
        .put("durationS", 3000).put("distanceM", 10_000).put("rpe", 5));
    assertThat(done.status()).isEqualTo(201);
    JsonArray steps = new JsonArray().add(new JsonObject().put("type", "repeat").put("count", 4).put("steps", new JsonArray()
        .add(new JsonObject().put("type", "work").put("distanceM", 1000.0)
            .put("target", new JsonObject().put("type", "pace").put("low", 230).put("high", 240)))
        .add(new JsonObject().put("type", "recovery").put("durationS", 120))));
    String planned = c.post("/api/plan/workouts", new JsonObject().put("date", TODAY.plusDays(2).toString()).put("sport", "Run")
        .put("title", "4 × 1 km, \"hard\" 🏃").put("description", "Line one\nline two").put("steps", steps)
        .put("intensity", new JsonObject().put("type", "rpe").put("value", 8))).json().getString("id");
    String byHand = c.post("/api/plan/workouts", new JsonObject().put("date", yesterday.minusDays(1).toString()).put("sport", "Ride")
        .put("title", "Spin").put("durationS", 3600).put("targetLoad", 45)).json().getString("id");
    assertThat(c.put("/api/plan/workouts/" + byHand + "/link", new JsonObject().put("activityId", done.json().getString("id")))
        .status()).isEqualTo(200);
    assertThat(c.post("/api/plan/events", new JsonObject().put("date", TODAY.plusDays(40).toString()).put("name", "Half")
        .put("sport", "Run").put("distanceM", 21097.5).put("priority", "A")).status()).isEqualTo(201);
    String from = TODAY.minusDays(10) + "&to=" + TODAY.plusDays(50);
    JsonArray before = c.get("/api/plan/workouts?from=" + from).json().getJsonArray("workouts");
    JsonArray eventsBefore = c.get("/api/plan/events?from=" + from).json().getJsonArray("events");
    assertThat(before).hasSize(2);

    byte[] export = c.download("/api/export");
    assertThat(new JsonArray(entry(export, "planned-workouts.json"))).hasSize(2);
    assertThat(new JsonArray(entry(export, "planned-events.json"))).hasSize(1);

    TestDatabase.truncateAll();
    client = new TestClient(app.port());
    c = signedIn();
    var restored = c.upload(ExportRoutes.RESTORE_PATH, "file", Map.of("export.zip", export));
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    assertThat(restored.json().getInteger("plannedWorkouts")).isEqualTo(2);
    assertThat(restored.json().getInteger("events")).isEqualTo(1);
    assertThat(c.get("/api/plan/workouts?from=" + from).json().getJsonArray("workouts")).isEqualTo(before);
    assertThat(c.get("/api/plan/events?from=" + from).json().getJsonArray("events")).isEqualTo(eventsBefore);
    assertThat(c.get("/api/plan/workouts/" + planned).json().getString("title")).isEqualTo("4 × 1 km, \"hard\" 🏃");
  }
}
