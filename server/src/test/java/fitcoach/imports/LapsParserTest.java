package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.LapTrigger;
import com.garmin.fit.Sport;
import fitcoach.activities.ActivityLap;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Laps read from FIT lap messages and TCX laps, with what the device left out filled from the 1 Hz grid. */
class LapsParserTest {
  @TempDir
  Path dir;

  /**
   * A 30 min ride at 1 Hz, 8 m/s, HR 140: 150 W for 10 min, 250 W for 10 min, 200 W for 10 min; three lap messages,
   * the first and last with the device's own figures, the middle one with nothing but its times and trigger.
   */
  static FitFiles threeLapRide() {
    FitFiles fit = FitFiles.activity().session(Sport.CYCLING, 0, 1800, 1800, 14400.0);
    for (int t = 0; t <= 1800; t++) {
      int second = t;
      fit.record(t, r -> {
        r.setPower(second < 600 ? 150 : second < 1200 ? 250 : 200);
        r.setHeartRate((short) 140);
        r.setSpeed(8f);
        r.setDistance(8f * second);
      });
    }
    return fit
        .lap(0, 600, l -> {
          l.setTotalTimerTime(590f);
          l.setTotalDistance(4800f);
          l.setAvgHeartRate((short) 141);
          l.setMaxHeartRate((short) 150);
          l.setAvgPower(151);
          l.setTotalAscent(12);
          l.setLapTrigger(LapTrigger.MANUAL);
        })
        .lap(600, 600, l -> l.setLapTrigger(LapTrigger.DISTANCE))
        .lap(1200, 600, l -> {
          l.setTotalTimerTime(600f);
          l.setTotalDistance(4800f);
          l.setAvgPower(199);
          l.setNormalizedPower(210);
          l.setEnhancedAvgSpeed(8.1f);
          l.setLapTrigger(LapTrigger.SESSION_END);
        });
  }

  @Test
  @DisplayName("A FIT file with three lap messages gives three laps: the device's figures as recorded, the rest from the 1 Hz grid")
  void fitLaps() throws Exception {
    ParsedActivity a = parse("laps.fit", threeLapRide().write(dir.resolve("laps.fit"))).activities().get(0);
    List<ActivityLap> laps = a.laps();
    assertThat(laps).hasSize(3);

    ActivityLap first = laps.get(0);
    assertThat(first.index()).isZero();
    assertThat(first.startS()).isZero();
    assertThat(first.elapsedS()).isEqualTo(600);
    assertThat(first.movingS()).isEqualTo(590);
    assertThat(first.distanceM()).isEqualTo(4800.0);
    assertThat(first.avgHr()).isEqualTo(141.0);
    assertThat(first.maxHr()).isEqualTo(150.0);
    assertThat(first.avgPowerW()).isEqualTo(151.0);
    assertThat(first.ascentM()).isEqualTo(12.0);
    assertThat(first.trigger()).isEqualTo("manual");
    // Not in the lap message: from the grid (a constant 150 W) and distance over moving time.
    assertThat(first.normalizedPowerW()).isCloseTo(150.0, within(1e-9));
    assertThat(first.avgSpeedMps()).isCloseTo(4800.0 / 590, within(1e-9));

    ActivityLap second = laps.get(1);
    assertThat(second.startS()).isEqualTo(600);
    assertThat(second.elapsedS()).isEqualTo(600);
    assertThat(second.movingS()).isEqualTo(600);
    assertThat(second.distanceM()).isCloseTo(4800.0, within(1e-6));
    assertThat(second.avgHr()).isCloseTo(140.0, within(1e-9));
    assertThat(second.maxHr()).isCloseTo(140.0, within(1e-9));
    assertThat(second.avgPowerW()).isCloseTo(250.0, within(1e-9));
    assertThat(second.normalizedPowerW()).isCloseTo(250.0, within(1e-9));
    assertThat(second.avgSpeedMps()).isCloseTo(8.0, within(1e-6));
    assertThat(second.ascentM()).isNull();
    assertThat(second.trigger()).isEqualTo("distance");

    ActivityLap third = laps.get(2);
    assertThat(third.startS()).isEqualTo(1200);
    assertThat(third.avgPowerW()).isEqualTo(199.0);
    assertThat(third.normalizedPowerW()).isEqualTo(210.0);
    assertThat(third.avgSpeedMps()).isCloseTo(8.1, within(1e-6));
    assertThat(third.trigger()).isEqualTo("session_end");
  }

  @Test
  @DisplayName("A FIT file with a single lap stores no laps: the lap is the activity")
  void oneLapIsNone() throws Exception {
    FitFiles fit = FitFiles.activity().session(Sport.RUNNING, 0, 600, 600, 1800.0);
    for (int t = 0; t <= 600; t += 5) {
      fit.record(t, r -> r.setHeartRate((short) 150));
    }
    fit.lap(0, 600, l -> l.setLapTrigger(LapTrigger.SESSION_END));
    assertThat(parse("one.fit", fit.write(dir.resolve("one.fit"))).activities().get(0).laps()).isEmpty();
  }

  @Test
  @DisplayName("A hostile FIT file with 100,000 lap messages keeps the first 1,000 laps and says so")
  void manyLapsAreBounded() throws Exception {
    FitFiles fit = FitFiles.activity().session(Sport.RUNNING, 0, 100_000, 100_000, null);
    fit.record(0, r -> r.setHeartRate((short) 150));
    fit.record(100_000, r -> r.setHeartRate((short) 150));
    for (int i = 0; i < 100_000; i++) {
      fit.lap(i, 1, l -> l.setLapTrigger(LapTrigger.TIME));
    }
    ParsedFile parsed = parse("many.fit", fit.write(dir.resolve("many.fit")));
    assertThat(parsed.activities().get(0).laps()).hasSize(ActivityLap.MAX_PER_ACTIVITY);
    assertThat(parsed.activities().get(0).laps().get(999).startS()).isEqualTo(999);
    assertThat(parsed.warnings()).contains("The FIT file has 100,000 laps: kept the first 1,000");
  }

  @Test
  @DisplayName("A TCX file with two laps gives two laps: its HR and distance as recorded, moving time, power and NP from the trackpoints")
  void tcxLaps() throws Exception {
    ParsedActivity a = parse("ride.tcx", twoLapTcx().getBytes(StandardCharsets.UTF_8)).activities().get(0);
    List<ActivityLap> laps = a.laps();
    assertThat(laps).hasSize(2);
    assertThat(laps.get(0).startS()).isZero();
    assertThat(laps.get(0).elapsedS()).isEqualTo(300);
    assertThat(laps.get(1).startS()).isEqualTo(300);
    assertThat(laps.get(1).elapsedS()).isEqualTo(300);
    assertThat(laps.get(0).distanceM()).isEqualTo(2400.0);
    assertThat(laps.get(0).avgHr()).isEqualTo(99.0);
    assertThat(laps.get(1).maxHr()).isEqualTo(170.0);
    assertThat(laps.get(0).trigger()).isEqualTo("manual");
    assertThat(laps.get(1).trigger()).isEqualTo("distance");
    // Second 0 ends no recording interval, so the first lap moves 299 s of its 300.
    assertThat(laps.get(0).movingS()).isEqualTo(299);
    assertThat(laps.get(1).movingS()).isEqualTo(300);
    assertThat(laps.get(0).avgPowerW()).isCloseTo(150.0, within(1e-9));
    assertThat(laps.get(1).avgPowerW()).isCloseTo(250.0, within(1e-9));
    assertThat(laps.get(1).normalizedPowerW()).isCloseTo(250.0, within(1e-9));
    assertThat(laps.get(1).avgHr()).isCloseTo(150.0, within(1e-9));
  }

  /** Two laps of 300 one-second trackpoints at 8 m/s, HR 150, 150 W then 250 W; lap 1 records HR 99, lap 2 max HR 170. */
  static String twoLapTcx() {
    StringBuilder tcx = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase"
        + " xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\""
        + " xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"><Activities><Activity Sport=\"Biking\"><Id>")
        .append(XmlFixtures.START).append("</Id>\n");
    for (int lap = 0; lap < 2; lap++) {
      tcx.append("<Lap StartTime=\"").append(XmlFixtures.START.plusSeconds(lap * 300L)).append("\"><TotalTimeSeconds>300")
          .append("</TotalTimeSeconds><DistanceMeters>2400</DistanceMeters>")
          .append(lap == 0 ? "<AverageHeartRateBpm><Value>99</Value></AverageHeartRateBpm>"
              : "<MaximumHeartRateBpm><Value>170</Value></MaximumHeartRateBpm>")
          .append("<TriggerMethod>").append(lap == 0 ? "Manual" : "Distance").append("</TriggerMethod><Track>\n");
      for (int i = 0; i < 300; i++) {
        int t = lap * 300 + i;
        tcx.append("<Trackpoint><Time>").append(XmlFixtures.START.plusSeconds(t)).append("</Time><DistanceMeters>")
            .append(8.0 * t).append("</DistanceMeters><HeartRateBpm><Value>150</Value></HeartRateBpm>")
            .append("<Extensions><ns3:TPX><ns3:Speed>8.0</ns3:Speed><ns3:Watts>").append(lap == 0 ? 150 : 250)
            .append("</ns3:Watts></ns3:TPX></Extensions></Trackpoint>\n");
      }
      tcx.append("</Track></Lap>\n");
    }
    return tcx.append("</Activity></Activities></TrainingCenterDatabase>\n").toString();
  }

  private static ParsedFile parse(String name, byte[] bytes) throws ImportException {
    return ActivityFileParser.parseFile(name, new ByteArrayInputStream(bytes));
  }
}
