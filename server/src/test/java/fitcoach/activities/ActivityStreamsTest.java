package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An activity's streams are served with at most StreamSampler.MAX_POINTS points, channels aligned. */
class ActivityStreamsTest extends ApiTest {

  /** A 1 Hz GPX run of {@code points} samples whose heart rate tells the second it was recorded at: 100 + s % 50. */
  private static String gpx(Instant start, int points) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\" "
        + "xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">"
        + "<trk><type>running</type><trkseg>");
    for (int s = 0; s < points; s++) {
      sb.append("<trkpt lat=\"").append(46.0 + s * 0.00003).append("\" lon=\"14.5\"><time>").append(start.plusSeconds(s))
          .append("</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>").append(100 + s % 50)
          .append("</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>");
    }
    return sb.append("</trkseg></trk></gpx>").toString();
  }

  @Test
  @DisplayName("12,001 stored points are served as 10,000 evenly spaced ones (fewer with ?maxPoints), every channel aligned")
  void longStreamsAreDownsampled() throws InterruptedException {
    signedIn();
    Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    var upload = client.upload("/api/imports", "files", Map.of("long.gpx", gpx(start, 12_001).getBytes(StandardCharsets.UTF_8)));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (client.get("/api/activities").json().getLong("total") == 0) {
      assertThat(System.nanoTime()).as("imported within 60 s").isLessThan(deadline);
      Thread.sleep(25);
    }
    String id = client.get("/api/activities").jsonArray("items").getJsonObject(0).getString("id");

    JsonObject all = client.get("/api/activities/" + id + "/streams").json();
    assertThat(all.getInteger("points")).isEqualTo(StreamSampler.MAX_POINTS);
    assertThat(all.getInteger("storedPoints")).isEqualTo(12_001);
    assertAligned(all.getJsonObject("streams"), StreamSampler.MAX_POINTS, 12_000);

    JsonObject few = client.get("/api/activities/" + id + "/streams?maxPoints=100").json();
    assertThat(few.getInteger("points")).isEqualTo(100);
    assertAligned(few.getJsonObject("streams"), 100, 12_000);

    assertThat(client.get("/api/activities/" + id + "/streams?maxPoints=5").errorField()).isEqualTo("maxPoints");
    assertThat(client.get("/api/activities/" + id + "/streams?maxPoints=10001").status()).isEqualTo(422);
  }

  private static void assertAligned(JsonObject streams, int points, int lastSecond) {
    JsonArray time = streams.getJsonArray("time");
    for (String channel : streams.fieldNames()) {
      assertThat(streams.getJsonArray(channel)).as(channel).hasSize(points);
    }
    assertThat(time.getInteger(0)).isZero();
    assertThat(time.getInteger(points - 1)).isEqualTo(lastSecond);
    for (int k = 0; k < points; k++) {
      assertThat(streams.getJsonArray("heartrate").getDouble(k)).isEqualTo(100.0 + time.getInteger(k) % 50);
    }
  }
}
