package fitcoach.imports;

import static fitcoach.imports.XmlFixtures.LON0;
import static fitcoach.imports.XmlFixtures.START;
import static fitcoach.imports.XmlFixtures.north;
import static fitcoach.imports.XmlFixtures.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPX documents built in the test: namespaces, leading whitespace, missing times, and hostile DOCTYPEs. */
class GpxParserTest {
  private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  @TempDir
  Path dir;

  /**
   * A 600-point track, one point a second, 3 m north each second, HR alternating 140/160 and cadence 80, with
   * the TrackPointExtension bound to {@code prefix}.
   */
  private static String track(String prefix, String type, boolean times) {
    StringBuilder gpx = new StringBuilder(HEADER)
        .append("<gpx version=\"1.1\" creator=\"StravaGPX\" xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:")
        .append(prefix).append("=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n")
        .append("<metadata><time>").append(START).append("</time></metadata>\n<trk><name>Morning</name>");
    if (type != null) {
      gpx.append("<type>").append(type).append("</type>");
    }
    gpx.append("<trkseg>\n");
    for (int t = 0; t < 600; t++) {
      gpx.append("<trkpt lat=\"").append(num(north(3.0 * t))).append("\" lon=\"").append(num(LON0)).append("\">")
          .append("<ele>").append(300 + t / 60).append("</ele>");
      if (times) {
        gpx.append("<time>").append(START.plusSeconds(t)).append("</time>");
      }
      gpx.append("<extensions><").append(prefix).append(":TrackPointExtension><").append(prefix).append(":hr>")
          .append(t % 2 == 0 ? 140 : 160).append("</").append(prefix).append(":hr><").append(prefix).append(":cad>80</")
          .append(prefix).append(":cad></").append(prefix).append(":TrackPointExtension></extensions></trkpt>\n");
    }
    return gpx.append("</trkseg></trk></gpx>\n").toString();
  }

  private static ParsedActivity parseOne(String name, String xml) throws ImportException {
    List<ParsedActivity> all = ActivityFileParser.parse(name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  @DisplayName("A GPX track with gpxtpx heart rate gives start, elapsed, distance, HR, cadence and sport.")
  void gpxtpxTrack() throws Exception {
    ParsedActivity a = parseOne("morning.gpx", track("gpxtpx", "running", true));

    assertThat(a.format()).isEqualTo("gpx");
    assertThat(a.sportType()).isEqualTo("Run");
    assertThat(a.startUtc()).isEqualTo(START);
    // GPX times are UTC; the first position (Ljubljana) gives the zone, in summer time on 4 May.
    assertThat(a.timeZone()).isEqualTo("Europe/Ljubljana");
    assertThat(a.startLocal()).isEqualTo(java.time.LocalDateTime.of(2024, 5, 4, 8, 30));
    assertThat(a.elapsedTimeS()).isEqualTo(599);
    assertThat(a.movingTimeS()).isEqualTo(599);
    assertThat(a.distanceM()).isCloseTo(599 * 3.0, within(0.01));
    assertThat(a.avgHr()).isCloseTo(150.0, within(1e-9));
    assertThat(a.maxHr()).isEqualTo(160.0);
    assertThat(a.avgCadence()).isCloseTo(80.0, within(1e-9));
    assertThat(a.avgPowerW()).isNull();
    assertThat(a.calories()).isNull();
    assertThat(a.elevationGainM()).isCloseTo(9.0, within(1e-9));
    assertThat(a.deviceName()).isNull();
    assertThat(a.streams().heartRate()).hasSize(600);
    assertThat(a.streams().distanceM()[599]).isCloseTo(1797.0, within(0.01));
  }

  @Test
  @DisplayName("The same track with the extension bound to ns3 (Garmin Connect) reads the same heart rate.")
  void ns3Prefix() throws Exception {
    ParsedActivity gpxtpx = parseOne("a.gpx", track("gpxtpx", "running", true));
    ParsedActivity ns3 = parseOne("b.gpx", track("ns3", "running", true));

    assertThat(ns3.streams().heartRate()).containsExactly(gpxtpx.streams().heartRate());
    assertThat(ns3.avgHr()).isEqualTo(gpxtpx.avgHr());
  }

  @Test
  @DisplayName("Spaces and a newline before <?xml, as in Strava exports, do not stop the import.")
  void leadingWhitespace() throws Exception {
    ParsedActivity a = parseOne("strava.gpx", "          \n" + track("gpxtpx", "running", true));

    assertThat(a.startUtc()).isEqualTo(START);
  }

  @Test
  @DisplayName("A UTF-8 byte-order mark followed by whitespace before <?xml is skipped as well.")
  void byteOrderMark() throws Exception {
    ParsedActivity a = parseOne("bom.gpx", "\uFEFF  \r\n" + track("gpxtpx", "running", true));

    assertThat(a.elapsedTimeS()).isEqualTo(599);
  }

  @Test
  @DisplayName("A GPX track without any times is refused: it cannot be placed in time.")
  void noTimes() {
    assertThatThrownBy(() -> parseOne("route.gpx", track("gpxtpx", "running", false)))
        .isInstanceOf(ImportException.class)
        .hasMessage("GPX has no timestamps: cannot place this activity in time");
  }

  @Test
  @DisplayName("A GPX file with only a planned route and no track points is refused as not a recording.")
  void routeOnly() {
    String route = HEADER + "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><rte>"
        + "<rtept lat=\"46.0\" lon=\"14.0\"/><rtept lat=\"46.1\" lon=\"14.1\"/></rte></gpx>";

    assertThatThrownBy(() -> parseOne("route.gpx", route))
        .isInstanceOf(ImportException.class)
        .hasMessage("GPX has no track points: it may be a planned route, not a recorded activity");
  }

  @Test
  @DisplayName("Without a type, a track at 3 m/s is taken for a run; Strava's numeric type 1 is a ride.")
  void sportWithoutType() throws Exception {
    assertThat(parseOne("a.gpx", track("gpxtpx", null, true)).sportType()).isEqualTo("Run");
    assertThat(parseOne("b.gpx", track("gpxtpx", "1", true)).sportType()).isEqualTo("Ride");
    assertThat(parseOne("c.gpx", track("gpxtpx", "MountainBikeRide", true)).sportType()).isEqualTo("MountainBikeRide");
  }

  @Test
  @DisplayName("Two track segments are not joined: the jump between them adds no distance and is a pause.")
  void segmentsAreNotJoined() throws Exception {
    StringBuilder gpx = new StringBuilder(HEADER + "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk>");
    for (int seg = 0; seg < 2; seg++) {
      gpx.append("<trkseg>");
      for (int t = 0; t < 100; t++) {
        double metres = seg * 5000 + 3.0 * t;  // the second segment starts 5 km further north
        int second = seg * 1000 + t;
        gpx.append("<trkpt lat=\"").append(num(north(metres))).append("\" lon=\"").append(num(LON0)).append("\"><time>")
            .append(START.plusSeconds(second)).append("</time></trkpt>");
      }
      gpx.append("</trkseg>");
    }
    ParsedActivity a = parseOne("two.gpx", gpx.append("</trk></gpx>").toString());

    assertThat(a.distanceM()).isCloseTo(2 * 99 * 3.0, within(0.01));
    assertThat(a.elapsedTimeS()).isEqualTo(1099);
    assertThat(a.movingTimeS()).isEqualTo(2 * 99);
  }

  @Test
  @DisplayName("An external entity in a DOCTYPE is never fetched: the import fails as malformed XML instead.")
  void externalEntityIsNotResolved() throws Exception {
    try (XmlFixtures.TrapServer trap = new XmlFixtures.TrapServer()) {
      Path secret = Files.writeString(dir.resolve("secret.txt"), "Ride");
      String xml = HEADER
          + "<!DOCTYPE gpx [\n  <!ENTITY web SYSTEM \"" + trap.url("/entity") + "\">\n"
          + "  <!ENTITY disk SYSTEM \"" + secret.toUri() + "\">\n]>\n"
          + track("gpxtpx", "&web;&disk;", true).substring(HEADER.length());

      assertThatThrownBy(() -> parseOne("evil.gpx", xml))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith("The GPX file is not valid XML (line ");
      assertThat(trap.requests).hasValue(0);
    }
  }

  @Test
  @DisplayName("A DOCTYPE naming an external DTD is ignored without fetching it, and the track still imports.")
  void externalDtdIsNotFetched() throws Exception {
    try (XmlFixtures.TrapServer trap = new XmlFixtures.TrapServer()) {
      String xml = HEADER + "<!DOCTYPE gpx SYSTEM \"" + trap.url("/gpx.dtd") + "\">\n"
          + track("gpxtpx", "running", true).substring(HEADER.length());

      ParsedActivity a = parseOne("dtd.gpx", xml);

      assertThat(a.sportType()).isEqualTo("Run");
      assertThat(trap.requests).hasValue(0);
    }
  }

  @Test
  @DisplayName("Malformed GPX is refused with the line of the problem.")
  void malformed() {
    String broken = HEADER + "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\">\n<trk><trkseg><trkpt lat=\"1\" lon=\"2\">"
        + "\n</trkseg></trk></gpx>";

    assertThatThrownBy(() -> parseOne("broken.gpx", broken))
        .isInstanceOf(ImportException.class)
        .hasMessage("The GPX file is not valid XML (line 4: The element type \"trkpt\" must be terminated by the matching end-tag \"</trkpt>\".)");
  }
}
