package fitcoach.export;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivitySource;
import fitcoach.app.Gzip;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The export and privacy zones: a full backup by default (zones included, restored), positions left out on request. */
class ExportPrivacyTest extends ApiTest {
  private static final double HOME_LAT = 52.37403;
  private static final double HOME_LON = 4.88969;
  /** A route out of the zone and back: 0.0009° of latitude is 100 m, so points 0-2 and 8-9 lie within 250 m of home. */
  private static final double[] LATS = {0, 0.0009, 0.0018, 0.0036, 0.0072, 0.0108, 0.0072, 0.0036, 0.0018, 0};

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static String text(Map<String, byte[]> entries, String name) {
    return new String(entries.get(name), StandardCharsets.UTF_8);
  }

  private static JsonObject streams(Map<String, byte[]> entries, String id) throws Exception {
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(entries.get("streams/" + id + ".json.gz")))) {
      return new JsonObject(new String(gz.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** A Strava copy with start and end at home, its route polyline, raw start/end latlng and stored streams. */
  private String homeRun() {
    StringBuilder polyline = new StringBuilder();
    JsonArray latlng = new JsonArray();
    JsonArray hr = new JsonArray();
    JsonArray time = new JsonArray();
    double[][] route = new double[LATS.length][];
    for (int i = 0; i < LATS.length; i++) {
      latlng.add(new JsonArray().add(HOME_LAT + LATS[i]).add(HOME_LON));
      hr.add(140 + i);
      time.add(i * 30);
      route[i] = new double[] {HOME_LAT + LATS[i], HOME_LON};
    }
    polyline.append(fitcoach.privacy.PolylineFixture.encode(route));
    Instant at = Instant.parse("2026-11-01T06:00:00Z");
    JsonObject raw = new JsonObject().put("id", 4242).put("start_latlng", new JsonArray().add(HOME_LAT).add(HOME_LON))
        .put("end_latlng", new JsonArray().add(HOME_LAT + 0.0001).add(HOME_LON))
        .put("map", new JsonObject().put("summary_polyline", polyline.toString()));
    UUID id = Workouts.store(app, new ActivityInput(ActivitySource.STRAVA_API, "4242", "Run", "Canal loop", null, null, at,
        LocalDateTime.parse("2026-11-01T07:00"), "Europe/Amsterdam", 270, 270, 2400.0, null, 150.0, null, null, null, null, null,
        null, null, null, null, null, false, false, false, polyline.toString(), raw, null, null, null));
    Workouts.streams(app, id, Gzip.text(new JsonObject().put("time", time).put("latlng", latlng).put("heartrate", hr).encode()),
        List.of("time", "latlng", "heartrate"), LATS.length);
    return id.toString();
  }

  @Test
  @DisplayName("By default the export is lossless: every position, and the zones, which a restore brings back")
  void fullBackupRoundTrip() throws Exception {
    signedIn();
    String id = homeRun();
    assertThat(client.post("/api/settings/privacy-zones", new JsonObject().put("name", "Home").put("lat", HOME_LAT)
        .put("lon", HOME_LON).put("radiusM", 250)).status()).isEqualTo(201);
    assertThat(client.post("/api/settings/privacy-zones", new JsonObject().put("name", "Work, \"2nd\" floor").put("lat", -33.8688)
        .put("lon", 151.2093).put("radiusM", 1000)).status()).isEqualTo(201);
    JsonArray zones = client.get("/api/settings/privacy-zones").json().getJsonArray("zones");

    byte[] zip = client.download("/api/export");
    Map<String, byte[]> entries = unzip(zip);
    assertThat(new JsonObject(text(entries, "manifest.json")).getString("privacy")).isEqualTo("off");
    JsonArray exported = new JsonArray(text(entries, "privacy-zones.json"));
    assertThat(exported).hasSize(2);
    assertThat(exported.getJsonObject(0).getDouble("lat")).isEqualTo(HOME_LAT);
    assertThat(exported.getJsonObject(0).getInteger("radius_m")).isEqualTo(250);
    JsonObject s = streams(entries, id);
    assertThat(s.getJsonArray("latlng").getJsonArray(0).getDouble(0)).isEqualTo(HOME_LAT);
    JsonObject activity = new JsonArray(text(entries, "activities.json")).getJsonObject(0);
    assertThat(activity.getJsonObject("raw").getJsonArray("start_latlng").getDouble(0)).isEqualTo(HOME_LAT);

    // Into a new, empty instance: the zones come back as they were, and hide again at once.
    TestDatabase.truncateAll();
    client = new fitcoach.testing.TestClient(app.port());
    signedIn();
    var restored = client.upload("/api/export/restore", "file", Map.of("export.zip", zip));
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.json().getInteger("privacyZones")).isEqualTo(2);
    assertThat(client.get("/api/settings/privacy-zones").json().getJsonArray("zones")).isEqualTo(zones);
    JsonObject served = client.get("/api/activities/" + id + "/streams").json();
    assertThat(served.getJsonObject("privacy").getInteger("hiddenPoints")).isEqualTo(5);
    assertThat(client.get("/api/activities/" + id + "/streams?privacy=off").json().getJsonObject("streams"))
        .isEqualTo(s);
  }

  @Test
  @DisplayName("With ?privacy=on the export leaves out positions in zones (streams, route, raw) and the zones themselves")
  void privacyOn() throws Exception {
    signedIn();
    String id = homeRun();
    assertThat(client.post("/api/settings/privacy-zones", new JsonObject().put("name", "Home").put("lat", HOME_LAT)
        .put("lon", HOME_LON).put("radiusM", 250)).status()).isEqualTo(201);

    Map<String, byte[]> entries = unzip(client.download("/api/export?privacy=on"));
    assertThat(new JsonObject(text(entries, "manifest.json")).getString("privacy")).isEqualTo("on");
    assertThat(entries).doesNotContainKey("privacy-zones.json");
    JsonObject s = streams(entries, id);
    JsonArray latlng = s.getJsonArray("latlng");
    assertThat(latlng).hasSize(LATS.length);
    for (int i = 0; i < LATS.length; i++) {
      boolean inside = LATS[i] <= 0.0018;
      assertThat(latlng.getValue(i) == null).as("point %d hidden", i).isEqualTo(inside);
    }
    assertThat(s.getJsonArray("heartrate")).hasSize(LATS.length);
    assertThat(s.getJsonArray("time").getInteger(9)).isEqualTo(270);
    JsonObject activity = new JsonArray(text(entries, "activities.json")).getJsonObject(0);
    assertThat(activity.getValue("summary_polyline")).isEqualTo(fitcoach.privacy.PolylineFixture.encode(new double[][] {
        {HOME_LAT + 0.0036, HOME_LON}, {HOME_LAT + 0.0072, HOME_LON}, {HOME_LAT + 0.0108, HOME_LON},
        {HOME_LAT + 0.0072, HOME_LON}, {HOME_LAT + 0.0036, HOME_LON}}));
    JsonObject raw = activity.getJsonObject("raw");
    assertThat(raw.getValue("start_latlng")).isNull();
    assertThat(raw.getValue("end_latlng")).isNull();
    assertThat(raw.getJsonObject("map").getString("summary_polyline")).isEqualTo(activity.getString("summary_polyline"));
    assertThat(raw.getInteger("id")).isEqualTo(4242);
    // The home's digits appear nowhere in the archive.
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      String content = e.getKey().endsWith(".gz") ? streams(entries, id).encode() : new String(e.getValue(), StandardCharsets.UTF_8);
      assertThat(content).as(e.getKey()).doesNotContain("52.37403").doesNotContain("52.374");
    }
    // The stored data is untouched; privacy=off and absent are the full export.
    assertThat(streams(unzip(client.download("/api/export?privacy=off")), id).getJsonArray("latlng").getValue(0)).isNotNull();
    var bad = client.get("/api/export?privacy=maybe");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorField()).isEqualTo("privacy");
  }

  @Test
  @DisplayName("A restore into an account that made zones already stops at 20, and never takes another account's zone id")
  void restoreKeepsTheLimit() throws Exception {
    signedIn();
    homeRun();
    for (int i = 0; i < 3; i++) {
      assertThat(client.post("/api/settings/privacy-zones", new JsonObject().put("name", "Exported " + i).put("lat", 10 + i)
          .put("lon", 10).put("radiusM", 100)).status()).isEqualTo(201);
    }
    byte[] zip = client.download("/api/export");

    TestDatabase.truncateAll();
    client = new fitcoach.testing.TestClient(app.port());
    signedIn();
    for (int i = 0; i < 18; i++) {
      assertThat(client.post("/api/settings/privacy-zones", new JsonObject().put("name", "Mine " + i).put("lat", -10 - i)
          .put("lon", 10).put("radiusM", 100)).status()).isEqualTo(201);
    }
    var restored = client.upload("/api/export/restore", "file", Map.of("export.zip", zip));
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.json().getInteger("privacyZones")).isEqualTo(2);
    JsonArray zones = client.get("/api/settings/privacy-zones").json().getJsonArray("zones");
    assertThat(zones).hasSize(20);
    assertThat(zones.stream().map(z -> ((JsonObject) z).getString("name")).filter(n -> n.startsWith("Exported")))
        .containsExactlyInAnyOrder("Exported 0", "Exported 1");
  }
}
