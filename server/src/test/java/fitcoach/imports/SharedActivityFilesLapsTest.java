package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgDefinitionListener;
import com.garmin.fit.MesgNum;
import fitcoach.activities.ActivityLap;
import fitcoach.testing.SharedActivityFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laps of the real device files in {@code shared/data/activity-files} (skipped when that folder is absent): as many laps
 * as the file has lap messages (FIT, counted with the SDK's decoder here) or {@code <Lap>} elements (TCX), none when it
 * has one lap or none (GPX), and the lap figures the folder's README lists.
 */
class SharedActivityFilesLapsTest {
  private static byte[] bytes(String name) throws IOException {
    return SharedActivityFiles.bytes(name);
  }

  static Stream<String> files() {
    return Stream.of("2013-02-06-12-11-14.fit", "Edge810-Vector-2013-08-16-15-35-10.fit", "2020-06-01-16-52-40.fit",
        "sample_mulitple_header.fit", "2019-02-17-062644-ELEMNT-297E-195-0.fit",
        "coros-pace-2-cycling-misaligned-fields.fit", "nick.fit", "12866632127.fit.gz", "garmin-activity.gpx",
        "run_gpxtpx.gpx", "test.tcx", "activity_5039744860.tcx");
  }

  /** Lap messages or elements in the file, counted without the import's code. */
  private static int lapsInFile(String name, byte[] bytes) throws IOException {
    if (name.endsWith(".gpx")) {
      return 0;
    }
    if (name.endsWith(".tcx")) {
      Matcher m = Pattern.compile("<(\\w+:)?Lap[\\s>]").matcher(new String(bytes, StandardCharsets.UTF_8));
      int n = 0;
      while (m.find()) {
        n++;
      }
      return n;
    }
    byte[] fit = name.endsWith(".gz") ? new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes() : bytes;
    int[] laps = {0};
    try {
      new Decode().read(new ByteArrayInputStream(fit), m -> laps[0] += m.getNum() == MesgNum.LAP ? 1 : 0,
          (MesgDefinitionListener) null);
    } catch (RuntimeException e) {
      // A damaged file: the laps before the damage count, as they do for the import.
    }
    return laps[0];
  }

  @ParameterizedTest(name = "{0}: one lap per lap in the file (none for a single lap)")
  @DisplayName("Every shared file gives as many laps as it holds")
  @MethodSource("files")
  void lapCountMatchesTheFile(String name) throws Exception {
    byte[] bytes = bytes(name);
    int inFile = lapsInFile(name, bytes);
    List<ActivityLap> laps = ActivityFileParser.parseFile(name, new ByteArrayInputStream(bytes)).activities().get(0).laps();
    assertThat(laps).hasSize(inFile < 2 ? 0 : Math.min(inFile, ActivityLap.MAX_PER_ACTIVITY));
    for (int i = 0; i < laps.size(); i++) {
      ActivityLap lap = laps.get(i);
      assertThat(lap.index()).isEqualTo(i);
      assertThat(lap.elapsedS()).isNotNegative();
      if (i > 0) {
        assertThat(lap.startS()).isGreaterThanOrEqualTo(laps.get(i - 1).startS());
      }
    }
  }

  @Test
  @DisplayName("The 2013 Forerunner run has its 5 laps of 1000, 1000, 1000, 1000 and 835.38 m at 146/157/132/157/154 bpm")
  void foreRunnerLaps() throws Exception {
    byte[] bytes = bytes("2013-02-06-12-11-14.fit");
    List<ActivityLap> laps = ActivityFileParser.parseFile("a.fit", new ByteArrayInputStream(bytes)).activities().get(0).laps();
    assertThat(laps).extracting(ActivityLap::distanceM).satisfiesExactly(
        d -> assertThat(d).isCloseTo(1000.0, within(0.01)), d -> assertThat(d).isCloseTo(1000.0, within(0.01)),
        d -> assertThat(d).isCloseTo(1000.0, within(0.01)), d -> assertThat(d).isCloseTo(1000.0, within(0.01)),
        d -> assertThat(d).isCloseTo(835.38, within(0.01)));
    assertThat(laps).extracting(ActivityLap::avgHr).containsExactly(146.0, 157.0, 132.0, 157.0, 154.0);
  }

  @Test
  @DisplayName("The Edge 810 ride with Vector pedals has its 8 laps at 252/294/327/55/311/160/305/180 W")
  void edgeVectorLaps() throws Exception {
    byte[] bytes = bytes("Edge810-Vector-2013-08-16-15-35-10.fit");
    List<ActivityLap> laps = ActivityFileParser.parseFile("a.fit", new ByteArrayInputStream(bytes)).activities().get(0).laps();
    assertThat(laps).extracting(ActivityLap::avgPowerW).containsExactly(252.0, 294.0, 327.0, 55.0, 311.0, 160.0, 305.0, 180.0);
    // Every lap has an NP: the lap message's own, else one from the 1 Hz grid.
    assertThat(laps).allSatisfy(l -> assertThat(l.normalizedPowerW()).isNotNull());
  }
}
