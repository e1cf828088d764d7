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
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TCX documents built in the test: TPX Speed/Watts extensions, laps, leading whitespace, courses, hostile DOCTYPEs. */
class TcxParserTest {
  private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String ROOT = "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\""
      + " xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n";

  /**
   * One Biking activity of 2 laps x 300 one-second trackpoints at 8 m/s, watts alternating 30 s at 300 and 30 s at
   * 100, HR 150, cadence 90; the laps record 40 and 35 kcal.
   */
  private static String ride(boolean times) {
    StringBuilder tcx = new StringBuilder(HEADER).append(ROOT).append("<Activities><Activity Sport=\"Biking\">")
        .append("<Id>").append(START).append("</Id>\n");
    for (int lap = 0; lap < 2; lap++) {
      tcx.append("<Lap StartTime=\"").append(START.plusSeconds(lap * 300L)).append("\"><TotalTimeSeconds>300</TotalTimeSeconds>")
          .append("<DistanceMeters>2400</DistanceMeters><Calories>").append(lap == 0 ? 40 : 35).append("</Calories>")
          .append("<AverageHeartRateBpm><Value>99</Value></AverageHeartRateBpm><Track>\n");
      for (int i = 0; i < 300; i++) {
        int t = lap * 300 + i;
        tcx.append("<Trackpoint>");
        if (times) {
          tcx.append("<Time>").append(START.plusSeconds(t)).append("</Time>");
        }
        tcx.append("<Position><LatitudeDegrees>").append(num(north(8.0 * t))).append("</LatitudeDegrees><LongitudeDegrees>")
            .append(num(LON0)).append("</LongitudeDegrees></Position><AltitudeMeters>200</AltitudeMeters>")
            .append("<DistanceMeters>").append(8.0 * t).append("</DistanceMeters>")
            .append("<HeartRateBpm><Value>150</Value></HeartRateBpm><Cadence>90</Cadence>")
            .append("<Extensions><ns3:TPX><ns3:Speed>8.0</ns3:Speed><ns3:Watts>").append((t / 30) % 2 == 0 ? 300 : 100)
            .append("</ns3:Watts></ns3:TPX></Extensions></Trackpoint>\n");
      }
      tcx.append("</Track></Lap>\n");
    }
    return tcx.append("<Creator xsi:type=\"Device_t\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        .append("<Name>Edge 530 Software Version 9.10</Name></Creator></Activity></Activities></TrainingCenterDatabase>\n")
        .toString();
  }

  private static List<ParsedActivity> parse(String name, String xml) throws ImportException {
    return ActivityFileParser.parse(name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("A TCX ride reads trackpoints with TPX speed and watts, lap calories, sport and device.")
  void rideWithExtensions() throws Exception {
    ParsedActivity a = parse("ride.tcx", ride(true)).get(0);

    assertThat(a.format()).isEqualTo("tcx");
    assertThat(a.sportType()).isEqualTo("Ride");
    assertThat(a.startUtc()).isEqualTo(START);
    assertThat(a.elapsedTimeS()).isEqualTo(599);
    assertThat(a.movingTimeS()).isEqualTo(599);
    assertThat(a.distanceM()).isCloseTo(599 * 8.0, within(1e-9));
    assertThat(a.calories()).isEqualTo(75.0);
    assertThat(a.avgHr()).isEqualTo(150.0);
    assertThat(a.avgCadence()).isEqualTo(90.0);
    assertThat(a.streams().speedMps()).containsOnly(8.0);
    assertThat(a.avgPowerW()).isCloseTo(200.0, within(1e-9));
    assertThat(a.normalizedPowerW()).isGreaterThan(215.0).isLessThan(300.0);
    assertThat(a.elevationGainM()).isZero();
    assertThat(a.deviceName()).isEqualTo("Edge 530");
  }

  @Test
  @DisplayName("Ten spaces before <?xml, as in Strava and Fitbit TCX exports, do not stop the import.")
  void leadingWhitespace() throws Exception {
    assertThat(parse("strava.tcx", "          " + ride(true)).get(0).startUtc()).isEqualTo(START);
  }

  @Test
  @DisplayName("A TCX whose trackpoints, laps and Id carry no time is refused: it cannot be placed in time.")
  void noTimes() {
    String xml = ride(false).replaceAll("<Id>[^<]*</Id>", "").replaceAll(" StartTime=\"[^\"]*\"", "");

    assertThatThrownBy(() -> parse("notime.tcx", xml))
        .isInstanceOf(ImportException.class)
        .hasMessage("TCX has no timestamps: cannot place this activity in time");
  }

  @Test
  @DisplayName("A TCX with laps but no trackpoints takes its times, distance, calories and HR from the laps.")
  void lapsOnly() throws Exception {
    String xml = HEADER + ROOT + "<Activities><Activity Sport=\"Running\"><Id>" + START + "</Id>"
        + "<Lap StartTime=\"" + START + "\"><TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>1800</DistanceMeters>"
        + "<Calories>120</Calories><AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>"
        + "<MaximumHeartRateBpm><Value>160</Value></MaximumHeartRateBpm></Lap>"
        + "<Lap StartTime=\"" + START.plusSeconds(600) + "\"><TotalTimeSeconds>300</TotalTimeSeconds>"
        + "<DistanceMeters>1000</DistanceMeters><Calories>70</Calories>"
        + "<AverageHeartRateBpm><Value>170</Value></AverageHeartRateBpm>"
        + "<MaximumHeartRateBpm><Value>180</Value></MaximumHeartRateBpm></Lap>"
        + "</Activity></Activities></TrainingCenterDatabase>";

    ParsedActivity a = parse("treadmill.tcx", xml).get(0);

    assertThat(a.sportType()).isEqualTo("Run");
    assertThat(a.elapsedTimeS()).isEqualTo(900);
    assertThat(a.distanceM()).isEqualTo(2800.0);
    assertThat(a.calories()).isEqualTo(190.0);
    assertThat(a.avgHr()).isCloseTo((140 * 600 + 170 * 300) / 900.0, within(1e-9));
    assertThat(a.maxHr()).isEqualTo(180.0);
  }

  @Test
  @DisplayName("A TCX course (a planned route) is refused as not a recorded activity.")
  void course() {
    String xml = HEADER + ROOT + "<Courses><Course><Name>Loop</Name><Track><Trackpoint><Position>"
        + "<LatitudeDegrees>46</LatitudeDegrees><LongitudeDegrees>14</LongitudeDegrees></Position></Trackpoint>"
        + "</Track></Course></Courses></TrainingCenterDatabase>";

    assertThatThrownBy(() -> parse("loop.tcx", xml))
        .isInstanceOf(ImportException.class)
        .hasMessage("This TCX file holds a course (a planned route), not a recorded activity");
  }

  @Test
  @DisplayName("An external entity in a TCX DOCTYPE is never fetched: the import fails as malformed XML instead.")
  void externalEntityIsNotResolved() throws Exception {
    try (XmlFixtures.TrapServer trap = new XmlFixtures.TrapServer()) {
      String xml = HEADER + "<!DOCTYPE TrainingCenterDatabase [<!ENTITY sport SYSTEM \"" + trap.url("/sport") + "\">]>\n"
          + ride(true).substring(HEADER.length()).replace("Sport=\"Biking\">", "Sport=\"Biking\"><Notes>&sport;</Notes>");

      assertThatThrownBy(() -> parse("evil.tcx", xml))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("The entity \"sport\" was referenced, but not declared");
      assertThat(trap.requests).hasValue(0);
    }
  }

  @Test
  @DisplayName("An XML file that is neither GPX nor TCX is refused, naming what it holds.")
  void otherXml() {
    assertThatThrownBy(() -> parse("ride.tcx", HEADER + "<kml><Document/></kml>"))
        .isInstanceOf(ImportException.class)
        .hasMessage("Not an activity file: it is named .tcx but holds <kml>, not TCX");
  }
}
