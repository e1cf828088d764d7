package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.imports.ActivityFileParser;
import fitcoach.imports.ParsedActivity;
import fitcoach.imports.Streams;
import fitcoach.testing.SharedActivityFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine on real device files from {@code shared/data/activity-files} (values from its README), parsed by the
 * existing importer. Skipped when that folder is not next to the repository. Linear interpolation never leaves the
 * range of the two samples around a second, so the 1 s peak of a curve is the largest recorded sample exactly.
 */
class SharedActivityFilesCurvesTest {
  private static ParsedActivity parse(String name) throws Exception {
    try (InputStream in = Files.newInputStream(SharedActivityFiles.path(name))) {
      List<ParsedActivity> activities = ActivityFileParser.parse(name, in);
      assertThat(activities).hasSize(1);
      return activities.get(0);
    }
  }

  private static double max(double[] values) {
    double best = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v) && v > best) {
        best = v;
      }
    }
    return best;
  }

  @Test
  @DisplayName("Edge 810 + Vector ride: 1 s peaks are the session's max power 619 W and max HR 176; NP 301 W within 0.5 W.")
  void edge810Ride() throws Exception {
    Streams s = parse("Edge810-Vector-2013-08-16-15-35-10.fit").streams();
    OneHertz grid = OneHertz.of(s.timeS());
    double[] power = grid.power(s.powerW());
    MeanMax.Curve powerCurve = MeanMax.power(power);
    MeanMax.Curve hrCurve = MeanMax.heartRate(grid.heartRate(s.heartRate()));

    assertThat(powerCurve.at(1).orElseThrow().value()).isEqualTo(619.0).isEqualTo(max(s.powerW()));
    assertThat(hrCurve.at(1).orElseThrow().value()).isEqualTo(176.0).isEqualTo(max(s.heartRate()));
    // 4700 s of ride: the 1 h point exists, the 2 h point does not; longer means never beat shorter ones
    assertThat(powerCurve.at(3600)).isPresent();
    assertThat(powerCurve.at(7200)).isEmpty();
    assertThat(powerCurve.at(3600).orElseThrow().value()).isLessThanOrEqualTo(powerCurve.at(1200).orElseThrow().value());
    // the device's own NP is 301 W; ours runs on the 1 Hz grid of the same records
    assertThat(NormalizedPower.of(power).getAsDouble()).isCloseTo(301.0, within(0.5));
  }

  @Test
  @DisplayName("Forerunner 110 run (smart recording, 4835 m): max HR 171; 400 m to 1 mile best efforts, no 5 km.")
  void forerunnerRun() throws Exception {
    Streams s = parse("2013-02-06-12-11-14.fit").streams();
    OneHertz grid = OneHertz.of(s.timeS());
    MeanMax.Curve hrCurve = MeanMax.heartRate(grid.heartRate(s.heartRate()));
    assertThat(hrCurve.at(1).orElseThrow().value()).isEqualTo(171.0).isEqualTo(max(s.heartRate()));

    List<BestEfforts.Effort> efforts = BestEfforts.running(grid.distance(s.distanceM()));
    assertThat(efforts).extracting(BestEfforts.Effort::distanceM).containsExactly(400.0, 1000.0, 1609.344);
    // 4835 m in 2625 s: the first four kilometres took at most 2625 s, so one of them took at most 2625 / 4 s
    assertThat(efforts.get(1).timeS()).isLessThanOrEqualTo(2625.14 / 4);
    // the best mile holds four consecutive 400 m pieces, so the best 400 m takes at most a quarter of it
    assertThat(efforts.get(0).timeS()).isLessThanOrEqualTo(efforts.get(2).timeS() / 4);
  }
}
