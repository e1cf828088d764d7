package fitcoach.testing;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivitySource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * An athlete whose activities carry positions in every form FitCoach stores, for tests that prove positions never
 * leave for a model or an MCP client: an imported GPX track (streams with latlng), and a copy with a route polyline
 * and raw start/end positions.
 */
public final class GpsActivities {
  private GpsActivities() {
  }

  /** Digits of the tracks' latitudes and longitudes; no other number the coach sends starts this way. */
  public static final String LAT = "38.8976";
  public static final String LON = "-77.0365";

  static String gpx(Instant start, int points) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\" "
        + "xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">"
        + "<trk><name>White House loop</name><type>running</type><trkseg>");
    for (int s = 0; s < points; s++) {
      sb.append("<trkpt lat=\"").append(LAT).append(String.format("%02d", s % 100)).append("\" lon=\"").append(LON)
          .append(String.format("%02d", s % 100)).append("\"><ele>20</ele><time>").append(start.plusSeconds(s * 5L))
          .append("</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>").append(140 + s % 20)
          .append("</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>");
    }
    return sb.append("</trkseg></trk></gpx>").toString();
  }

  /** Stores both activities for the signed-in athlete; returns {importedId, copyId, polyline}. */
  public static String[] store(fitcoach.boot.FitCoachApp app, TestClient client) throws InterruptedException {
    Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    var upload = client.upload("/api/imports", "files", Map.of("loop.gpx", gpx(start, 400).getBytes(StandardCharsets.UTF_8)));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!"done".equals(client.get("/api/imports/latest").json().getString("state"))) {
      assertThat(System.nanoTime()).as("imported within 60 s").isLessThan(deadline);
      Thread.sleep(25);
    }
    String imported = client.get("/api/activities").jsonArray("items").getJsonObject(0).getString("id");
    String polyline = fitcoach.privacy.PolylineFixture.encode(new double[][] {{38.89767, -77.03653}, {38.8990, -77.0400}});
    Instant at = Instant.now().minus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    JsonObject raw = new JsonObject().put("start_latlng", new JsonArray().add(38.89767).add(-77.03653))
        .put("end_latlng", new JsonArray().add(38.89768).add(-77.03654)).put("map", new JsonObject().put("summary_polyline", polyline));
    String copy = Workouts.store(app, new ActivityInput(ActivitySource.of("file"), "route-copy", "Run", "Mall run", null, null,
        at, LocalDateTime.ofInstant(at, ZoneOffset.UTC), "UTC", 3000, 3000, 10000.0, null, 150.0, null, null, null, null, null,
        null, null, null, null, null, false, false, false, polyline, raw, null, null, null)).toString();
    client.post("/api/load/recompute", null);
    // The control: the positions are really there, for the athlete.
    assertThat(client.get("/api/activities/" + imported + "/streams").body()).contains(LAT).contains(LON);
    assertThat(client.get("/api/activities/" + copy).body()).contains(polyline.substring(0, 8));
    return new String[] {imported, copy, polyline};
  }

}
