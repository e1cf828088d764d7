package fitcoach.privacy;

import fitcoach.geo.Polyline;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a zone hides: great-circle distance on a sphere, and the shapes positions take (streams, polylines, raw JSON). */
class PrivacyZonesTest {
  private static PrivacyZones zones(double lat, double lon, int radiusM) {
    return new PrivacyZones(List.of(new PrivacyZone(UUID.randomUUID(), "Home", lat, lon, radiusM)));
  }

  /** The point {@code meters} from (lat, lon) along {@code bearingDeg}, on the same sphere the zones use. */
  private static double[] destination(double lat, double lon, double bearingDeg, double meters) {
    double d = meters / PrivacyZones.EARTH_RADIUS_M;
    double p1 = Math.toRadians(lat);
    double b = Math.toRadians(bearingDeg);
    double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
    double l2 = Math.toRadians(lon) + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    return new double[] {Math.toDegrees(p2), ((Math.toDegrees(l2) + 540) % 360) - 180};
  }

  @Test
  @DisplayName("The edge is inside: 1 cm within the radius is hidden, 1 cm beyond is not, in every direction")
  void edge() {
    PrivacyZones home = zones(46.0569, 14.5058, 250);
    assertThat(home.hides(46.0569, 14.5058)).isTrue();
    for (int bearing = 0; bearing < 360; bearing += 45) {
      double[] in = destination(46.0569, 14.5058, bearing, 249.99);
      double[] out = destination(46.0569, 14.5058, bearing, 250.01);
      assertThat(home.hides(in[0], in[1])).as("bearing %d inside", bearing).isTrue();
      assertThat(home.hides(out[0], out[1])).as("bearing %d outside", bearing).isFalse();
    }
    assertThat(PrivacyZones.distanceM(46.0569, 14.5058, 46.0569, 14.5058)).isZero();
  }

  @Test
  @DisplayName("Near a pole, points at opposite longitudes 111 m apart are close, not half a world away")
  void poles() {
    PrivacyZones north = zones(89.9995, 0, 200);
    assertThat(north.hides(89.9995, 180)).isTrue();
    assertThat(north.hides(90, 123.4)).isTrue();
    assertThat(north.hides(89.99, 0)).isFalse();
    PrivacyZones south = zones(-90, 0, 100);
    assertThat(south.hides(-89.9995, -77)).isTrue();
    assertThat(south.hides(89.9995, -77)).isFalse();
  }

  @Test
  @DisplayName("Across the antimeridian, 179.999° E and 179.999° W are 220 m apart")
  void antimeridian() {
    PrivacyZones dateline = zones(0, 179.999, 300);
    assertThat(dateline.hides(0, -179.999)).isTrue();
    assertThat(dateline.hides(0, 180)).isTrue();
    assertThat(dateline.hides(0, -179.99)).isFalse();
    assertThat(zones(-16.7, -180, 150).hides(-16.7, 179.9995)).isTrue();
  }

  @Test
  @DisplayName("No zones hide nothing; several zones hide what any of them covers; NaN is never hidden")
  void severalAndNone() {
    assertThat(PrivacyZones.NONE.isEmpty()).isTrue();
    assertThat(PrivacyZones.NONE.hides(0, 0)).isFalse();
    PrivacyZones two = new PrivacyZones(List.of(new PrivacyZone(UUID.randomUUID(), "A", 10, 10, 100),
        new PrivacyZone(UUID.randomUUID(), "B", 20, 20, 1000)));
    assertThat(two.isEmpty()).isFalse();
    assertThat(two.hides(10, 10)).isTrue();
    assertThat(two.hides(20.005, 20)).isTrue();
    assertThat(two.hides(15, 15)).isFalse();
    assertThat(two.hides(Double.NaN, 10)).isFalse();
  }

  @Test
  @DisplayName("In streams only latlng points inside are nulled, counted either way; other channels and lengths stay")
  void streams() throws Exception {
    PrivacyZones home = zones(46.0, 14.5, 200);
    String json = new JsonObject().put("time", new JsonArray().add(0).add(1).add(2).add(3))
        .put("latlng", new JsonArray().add(new JsonArray().add(46.0).add(14.5)).add(new JsonArray().add(46.001).add(14.5))
            .addNull().add(new JsonArray().add(46.01).add(14.5)))
        .put("heartrate", new JsonArray().add(120).add(121).add(122).add(123)).encode();
    PrivacyZones.HiddenStreams hidden = home.hideInStreams(json, true);
    assertThat(hidden.hiddenPoints()).isEqualTo(2);
    JsonObject out = new JsonObject(hidden.json());
    assertThat(out.getJsonArray("latlng").getList()).hasSize(4);
    assertThat(out.getJsonArray("latlng").getValue(0)).isNull();
    assertThat(out.getJsonArray("latlng").getValue(1)).isNull();
    assertThat(out.getJsonArray("latlng").getJsonArray(3).getDouble(0)).isEqualTo(46.01);
    assertThat(out.getJsonArray("heartrate")).isEqualTo(new JsonObject(json).getJsonArray("heartrate"));
    assertThat(out.getJsonArray("time")).isEqualTo(new JsonObject(json).getJsonArray("time"));

    PrivacyZones.HiddenStreams counted = home.hideInStreams(json, false);
    assertThat(counted.hiddenPoints()).isEqualTo(2);
    assertThat(new JsonObject(counted.json())).isEqualTo(new JsonObject(json));

    assertThat(PrivacyZones.NONE.hideInStreams(json, true).json()).isSameAs(json);
    assertThat(home.hideInStreams("null", true).json()).isEqualTo("null");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertThat(home.hideInStreams(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), bytes)).isEqualTo(2);
    assertThat(new JsonObject(bytes.toString(StandardCharsets.UTF_8))).isEqualTo(out);
  }

  @Test
  @DisplayName("A polyline loses its points inside (start and finish at home), keeps the rest exactly; all inside is null")
  void polyline() {
    PrivacyZones home = zones(38.5, -120.2, 300);
    String route = Polyline.encode(new double[][] {{38.5, -120.2}, {38.501, -120.2}, {40.7, -120.95}, {43.252, -126.453},
        {38.5, -120.2}});
    assertThat(route).startsWith("_p~iF~ps|U");
    assertThat(home.polyline(route)).isEqualTo(Polyline.encode(new double[][] {{40.7, -120.95}, {43.252, -126.453}}));
    assertThat(zones(40.7, -120.95, 100).polyline(route)).isEqualTo(Polyline.encode(new double[][] {{38.5, -120.2},
        {38.501, -120.2}, {43.252, -126.453}, {38.5, -120.2}}));
    assertThat(home.polyline(Polyline.encode(new double[][] {{38.5, -120.2}}))).isNull();
    assertThat(PrivacyZones.NONE.polyline(route)).isSameAs(route);
    assertThat(home.polyline(null)).isNull();
    // Not a polyline (cut mid-value, a character outside the format): not handed out when zones exist.
    assertThat(home.polyline(route.substring(0, 3))).isNull();
    assertThat(home.polyline("ab\u0001cd")).isNull();
  }

  @Test
  @DisplayName("Raw source JSON: start/end latlng inside become null, polylines are filtered, at any depth")
  void raw() {
    PrivacyZones home = zones(38.5, -120.2, 300);
    String route = Polyline.encode(new double[][] {{38.5, -120.2}, {40.7, -120.95}});
    JsonObject raw = new JsonObject().put("name", "Morning Run")
        .put("start_latlng", new JsonArray().add(38.5).add(-120.2)).put("end_latlng", new JsonArray().add(40.7).add(-120.95))
        .put("map", new JsonObject().put("summary_polyline", route).put("polyline", route))
        .put("segment_efforts", new JsonArray().add(new JsonObject().put("segment",
            new JsonObject().put("start_latlng", new JsonArray().add(38.5001).add(-120.2)))));
    JsonObject out = home.hideInRaw(raw);
    assertThat(out.getValue("start_latlng")).isNull();
    assertThat(out.containsKey("start_latlng")).isTrue();
    assertThat(out.getJsonArray("end_latlng").getDouble(0)).isEqualTo(40.7);
    assertThat(out.getJsonObject("map").getString("summary_polyline")).isEqualTo(Polyline.encode(new double[][] {{40.7, -120.95}}));
    assertThat(out.getJsonObject("map").getString("polyline")).isEqualTo(Polyline.encode(new double[][] {{40.7, -120.95}}));
    assertThat(out.getJsonArray("segment_efforts").getJsonObject(0).getJsonObject("segment").getValue("start_latlng")).isNull();
    assertThat(out.getString("name")).isEqualTo("Morning Run");
    // The original is untouched.
    assertThat(raw.getJsonArray("start_latlng")).isNotNull();
  }
}
