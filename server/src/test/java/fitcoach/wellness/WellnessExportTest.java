package fitcoach.wellness;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.export.ExportRoutes;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Wellness entries travel in the export (wellness.json) and come back unchanged from a restore. */
class WellnessExportTest extends ApiTest {

  private static String entry(byte[] zip, String name) throws Exception {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }

  private static byte[] zip(Map<String, String> entries) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName("An export holds every wellness entry, and a restore into an empty account brings each back with its source and time")
  void roundTrip() throws Exception {
    signedIn();
    assertThat(client.put("/api/wellness/2026-11-01", new JsonObject().put("sleepHours", 7.25).put("sleepQuality", 4)
        .put("soreness", 2).put("stress", 1).put("motivation", 5).put("hrvRmssd", 61.3).put("restingHr", 47.5)
        .put("weightKg", 70.05).put("note", "Long day, \"tired\"\nbut fine 🏃").put("illness", false).put("injury", true))
        .status()).isEqualTo(200);
    var imported = client.send("POST", WellnessRoutes.IMPORT_PATH, "date,rMSSD,RHR\n2026-11-02,58,49\n2026-11-03,64,48\n",
        "text/csv");
    assertThat(imported.json().getInteger("days")).as(imported.toString()).isEqualTo(2);
    JsonArray before = client.get("/api/wellness?from=2026-10-01&to=2026-11-30").jsonArray("days");
    assertThat(before).hasSize(3);

    byte[] export = client.download("/api/export");
    JsonArray file = new JsonArray(entry(export, "wellness.json"));
    assertThat(file).hasSize(3);
    assertThat(file.getJsonObject(0).getString("day")).isEqualTo("2026-11-01");

    TestDatabase.truncateAll();
    client = new TestClient(app.port());
    signedIn();
    var restored = client.upload(ExportRoutes.RESTORE_PATH, "file", Map.of("export.zip", export));
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    assertThat(restored.json().getInteger("wellnessDays")).isEqualTo(3);
    JsonArray after = client.get("/api/wellness?from=2026-10-01&to=2026-11-30").jsonArray("days");
    assertThat(after).isEqualTo(before);
  }

  @Test
  @DisplayName("A restore keeps an entry the athlete made first, skips rows with no value, and refuses values out of range whole")
  void restoreEdges() throws Exception {
    signedIn();
    client.put("/api/wellness/2026-11-01", new JsonObject().put("hrvRmssd", 70));
    String manifest = new JsonObject().put("format", "fitcoach-export").put("version", 1).encode();
    String wellness = new JsonArray()
        .add(new JsonObject().put("day", "2026-11-01").put("hrv_rmssd", 40).put("source", "csv"))
        .add(new JsonObject().put("day", "2026-11-02"))
        .add(new JsonObject().put("day", "2026-11-03").put("resting_hr", 50).put("source", "weird"))
        .add(new JsonObject().put("day", "2026-11-04").put("resting_hr", 51).put("source", "demo")).encode();
    var r = client.upload(ExportRoutes.RESTORE_PATH, "file", Map.of("export.zip", zip(Map.of("manifest.json", manifest,
        "wellness.json", wellness))));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().getInteger("wellnessDays")).isEqualTo(2);
    JsonArray days = client.get("/api/wellness?from=2026-11-01&to=2026-11-04").jsonArray("days");
    assertThat(days).hasSize(3);
    assertThat(days.getJsonObject(0).getDouble("hrvRmssd")).isEqualTo(70.0);
    assertThat(days.getJsonObject(0).getString("source")).isEqualTo("manual");
    assertThat(days.getJsonObject(1).getString("source")).isEqualTo("restore");
    // The demo athlete's days stay the demo's, so removing the (restored) demo removes them too.
    assertThat(days.getJsonObject(2).getString("source")).isEqualTo("demo");
    assertThat(client.delete("/api/demo").status()).isEqualTo(200);
    assertThat(client.get("/api/wellness?from=2026-11-01&to=2026-11-04").jsonArray("days")).extracting(d -> ((JsonObject) d).getString("source"))
        .containsExactly("manual", "restore");

    TestDatabase.truncateAll();
    client = new TestClient(app.port());
    signedIn();
    String bad = new JsonArray().add(new JsonObject().put("day", "2026-11-05").put("resting_hr", 50))
        .add(new JsonObject().put("day", "2026-11-06").put("hrv_rmssd", 4000)).encode();
    var refused = client.upload(ExportRoutes.RESTORE_PATH, "file", Map.of("export.zip", zip(Map.of("manifest.json", manifest,
        "wellness.json", bad))));
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(TestDatabase.count("SELECT count(*) FROM wellness")).isZero();
  }
}
