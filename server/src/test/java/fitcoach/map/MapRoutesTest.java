package fitcoach.map;

import fitcoach.geo.Polyline;
import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.WorkoutFiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** /api/map with tiles on (a template of one's own): the settings, the CSP that lets them load, the heatmap. */
class MapRoutesTest extends ApiTest {
  private static final String TILES = "https://{s}.tiles.example.net:8443/{z}/{x}/{y}.png";

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    var out = new java.util.HashMap<>(env);
    out.put("FITCOACH_MAP_TILES", TILES);
    out.put("FITCOACH_MAP_ATTRIBUTION", "© Example tiles");
    return out;
  }

  /** Imports the files in one upload and waits until they are all listed. */
  private void importFiles(Map<String, byte[]> files) throws InterruptedException {
    var upload = client.upload("/api/imports", "files", files);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (client.get("/api/activities").json().getLong("total") < files.size()) {
      assertThat(System.nanoTime()).as("imported within 120 s").isLessThan(deadline);
      Thread.sleep(25);
    }
  }

  @Test
  @DisplayName("The settings give the tile template, its credit and the zoom limit; the CSP lets images come from the tiles' origin only")
  void settingsAndCsp() {
    assertThat(client.get("/api/map/settings").status()).isEqualTo(401);
    signedIn();
    var r = client.get("/api/map/settings");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json()).isEqualTo(new JsonObject().put("tiles", TILES).put("attribution", "© Example tiles").put("maxZoom", 19));
    String csp = r.header("Content-Security-Policy");
    assertThat(csp).contains("img-src 'self' data: https://*.tiles.example.net:8443;");
    assertThat(csp).contains("connect-src 'self';").contains("default-src 'self';");
    // The page itself carries the same policy (it is what the browser enforces for the map's <img> tiles).
    assertThat(client.get("/activities").header("Content-Security-Policy")).isEqualTo(csp);
  }

  @Test
  @DisplayName("The heatmap holds each imported route as encoded segments, filtered by sport and dates, newest first")
  void heatmapFromImportedRoutes() throws InterruptedException {
    signedIn();
    assertThat(client.get("/api/map/heatmap").json())
        .isEqualTo(new JsonObject().put("routes", new JsonArray()).put("truncated", false));
    Instant runStart = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Instant rideStart = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    importFiles(Map.of("run.gpx", WorkoutFiles.gpx(runStart, 1800, 150, "running"),
        "ride.gpx", WorkoutFiles.gpx(rideStart, 3600, 140, "cycling")));

    var all = client.get("/api/map/heatmap");
    assertThat(all.status()).as(all.toString()).isEqualTo(200);
    JsonArray routes = all.jsonArray("routes");
    assertThat(routes).hasSize(2);
    JsonObject run = routes.getJsonObject(0);
    assertThat(run.getString("sport")).isEqualTo("run");
    assertThat(run.getString("date")).isEqualTo(LocalDate.ofInstant(runStart, ZoneOffset.UTC).toString());
    assertThat(run.getString("id")).isNotBlank();
    assertThat(all.json().getBoolean("truncated")).isFalse();
    // The GPX runs straight north from (46.0, 14.5): simplified to its two ends.
    double[][] line = Polyline.decode(run.getJsonArray("segments").getString(0));
    assertThat(line.length).isBetween(2, RouteSegments.MAX_POINTS);
    assertThat(line[0]).containsExactly(46.0, 14.5);
    assertThat(routes.getJsonObject(1).getString("sport")).isEqualTo("ride");

    assertThat(client.get("/api/map/heatmap?sport=ride").jsonArray("routes")).hasSize(1);
    assertThat(client.get("/api/map/heatmap?sport=all").jsonArray("routes")).hasSize(2);
    assertThat(client.get("/api/map/heatmap?sport=swim").jsonArray("routes")).isEmpty();
    String since = LocalDate.now(ZoneOffset.UTC).minusDays(10).toString();
    JsonArray recent = client.get("/api/map/heatmap?from=" + since).jsonArray("routes");
    assertThat(recent).hasSize(1);
    assertThat(recent.getJsonObject(0).getString("sport")).isEqualTo("run");
    String rideDay = LocalDate.ofInstant(rideStart, ZoneOffset.UTC).toString();
    assertThat(client.get("/api/map/heatmap?from=" + rideDay + "&to=" + rideDay).jsonArray("routes")).hasSize(1);
    // Served twice: the second time from the cache, the same answer.
    assertThat(client.get("/api/map/heatmap").json()).isEqualTo(all.json());
  }

  @Test
  @DisplayName("Bad filters are refused with a JSON 4xx naming the parameter, and nothing is stored")
  void badInput() {
    TestClient c = signedIn();
    long rows = TestDatabase.count("SELECT count(*) FROM activities");
    for (String[] bad : new String[][] {
        {"from=yesterday", "from"}, {"to=2026-13-40", "to"}, {"from=1900-01-01", "from"}, {"to=9999-01-01", "to"},
        {"from=2026-05-02&to=2026-05-01", "from"}, {"to=2026-02-30", "to"}, {"sport=curling", "sport"}, {"sport=%27%3B--", "sport"}}) {
      var r = c.get("/api/map/heatmap?" + bad[0]);
      assertThat(r.status()).as(bad[0] + " " + r).isEqualTo(422);
      assertThat(r.errorField()).as(bad[0]).isEqualTo(bad[1]);
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isEqualTo(rows);
  }

  @Test
  @DisplayName("The heatmap leaves out every position inside a privacy zone, and shows them again once the zone is gone")
  void privacyZonesHideTheStart() throws InterruptedException {
    signedIn();
    importFiles(Map.of("run.gpx", WorkoutFiles.gpx(Instant.now().minus(2, ChronoUnit.DAYS), 1800, 150, "running")));
    double[][] whole = Polyline.decode(client.get("/api/map/heatmap").jsonArray("routes").getJsonObject(0)
        .getJsonArray("segments").getString(0));
    assertThat(whole[0]).containsExactly(46.0, 14.5);

    var zone = client.post("/api/settings/privacy-zones",
        new JsonObject().put("name", "Home").put("lat", 46.0).put("lon", 14.5).put("radiusM", 500));
    assertThat(zone.status()).as(zone.toString()).isEqualTo(201);
    JsonArray segments = client.get("/api/map/heatmap").jsonArray("routes").getJsonObject(0).getJsonArray("segments");
    assertThat(segments).isNotEmpty();
    for (Object encoded : segments) {
      for (double[] point : Polyline.decode((String) encoded)) {
        // 500 m north of the start is 0.0045° of latitude: nothing nearer than that is sent.
        assertThat(point[0]).as("latitude of a sent point").isGreaterThan(46.0044);
      }
    }

    assertThat(client.delete("/api/settings/privacy-zones/" + zone.json().getString("id")).status()).isEqualTo(204);
    double[][] again = Polyline.decode(client.get("/api/map/heatmap").jsonArray("routes").getJsonObject(0)
        .getJsonArray("segments").getString(0));
    assertThat(again[0]).containsExactly(46.0, 14.5);
  }

  @Test
  @DisplayName("The heatmap shows one athlete's routes only")
  void ownRoutesOnly() throws InterruptedException {
    signedIn();
    importFiles(Map.of("run.gpx", WorkoutFiles.gpx(Instant.now().minus(1, ChronoUnit.DAYS), 600, 150, "running")));
    TestClient other = new TestClient(app.port());
    assertThat(other.get("/api/map/heatmap").status()).isEqualTo(401);
    assertThat(client.get("/api/map/heatmap").jsonArray("routes")).hasSize(1);
    java.util.UUID id = java.util.UUID.fromString(client.get("/api/activities").jsonArray("items").getJsonObject(0).getString("id"));
    TestDatabase.inSecondAccount("activities", id, () ->
        assertThat(client.get("/api/map/heatmap").jsonArray("routes")).isEmpty());
  }
}
