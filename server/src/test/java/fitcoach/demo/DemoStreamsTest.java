package fitcoach.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.activities.ActivityInput;
import fitcoach.analysis.BestEfforts;
import fitcoach.analysis.CriticalPower;
import fitcoach.analysis.MeanMax;
import fitcoach.analysis.NormalizedPower;
import fitcoach.analysis.OneHertz;
import fitcoach.imports.Streams;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo athlete's 1 Hz streams: deterministic, consistent with the stored summaries, worth analysing. */
class DemoStreamsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final List<DemoActivity> HISTORY = DemoGenerator.generate(TODAY, 2, 6, 42L);

  private static List<DemoActivity> recent(String... sports) {
    List<String> wanted = List.of(sports);
    return HISTORY.stream().filter(a -> wanted.contains(a.sportType()))
        .filter(a -> a.startLocal().toLocalDate().isAfter(TODAY.minusDays(90))).toList();
  }

  @Test
  @DisplayName("Demo rides' streams give the stored average power and, through the engine's 1 Hz grid, the stored NP")
  void ridesAgreeWithTheirSummary() {
    List<DemoActivity> rides = recent("Ride", "VirtualRide");
    assertThat(rides).hasSizeGreaterThan(10);
    for (DemoActivity a : rides) {
      ActivityInput in = DemoService.input(a, "UTC", ZoneOffset.UTC, true);
      Streams s = DemoStreams.of(a).streams();
      double[] power = OneHertz.of(s.timeS()).power(s.powerW());
      assertThat(in.streams()).isNotNull();
      assertThat(in.streams().types()).contains("time", "watts", "velocity_smooth", "distance");
      assertThat(in.movingTimeS()).isBetween(a.movingTimeS() - 60, a.movingTimeS());
      double np = NormalizedPower.of(power).orElseThrow();
      // A stop is zeros on the engine's grid and left out of the import's average: within 2 % of each other.
      assertThat(np).as(a.externalId()).isCloseTo(in.weightedPowerW(), within(in.weightedPowerW() * 0.02));
      MeanMax.Curve curve = MeanMax.power(power);
      assertThat(curve.points().get(0).value()).isGreaterThanOrEqualTo(in.avgPowerW());
      assertThat(in.distanceM()).isCloseTo(s.distanceM()[s.size() - 1], within(0.01));
    }
  }

  @Test
  @DisplayName("Demo runs' distance streams give best efforts from 400 m to the half marathon of a race")
  void runsGiveBestEfforts() {
    List<DemoActivity> runs = HISTORY.stream().filter(a -> "Run".equals(a.sportType()))
        .filter(a -> a.startLocal().toLocalDate().isAfter(TODAY.minusMonths(DemoService.STREAM_MONTHS))).toList();
    boolean sawHalf = false;
    for (DemoActivity a : runs) {
      Streams s = DemoStreams.of(a).streams();
      double[] distance = OneHertz.of(s.timeS()).distance(s.distanceM());
      List<BestEfforts.Effort> efforts = BestEfforts.running(distance);
      assertThat(efforts).extracting(BestEfforts.Effort::distanceM).contains(400.0, 1000.0);
      if ("RACE".equals(a.workout())) {
        assertThat(efforts).extracting(BestEfforts.Effort::distanceM).contains(21097.5);
        assertThat(DemoStreams.of(a).laps()).hasSizeGreaterThanOrEqualTo(5)
            .allSatisfy(l -> assertThat(l.trigger()).isEqualTo("distance"));
        sawHalf = true;
      }
      if ("INTERVALS_RUN".equals(a.workout())) {
        // 5 × 6 min at threshold speed: the best 5 km is faster than an easy run's.
        assertThat(efforts.stream().filter(e -> e.distanceM() == 1000.0).findFirst().orElseThrow().timeS()).isLessThan(250);
      }
    }
    assertThat(sawHalf).isTrue();
  }

  @Test
  @DisplayName("Ninety days of demo rides fit a critical-power model near the athlete's (CP 262 W, W′ 18 kJ)")
  void criticalPowerFits() {
    Map<Integer, Double> best = new HashMap<>();
    for (DemoActivity a : recent("Ride", "VirtualRide")) {
      Streams s = DemoStreams.of(a).streams();
      for (MeanMax.Point p : MeanMax.power(OneHertz.of(s.timeS()).power(s.powerW())).points()) {
        best.merge(p.durationS(), p.value(), Math::max);
      }
    }
    List<CriticalPower.Effort> efforts = new ArrayList<>();
    best.forEach((t, w) -> efforts.add(new CriticalPower.Effort(t, w)));
    CriticalPower.PowerModel model = CriticalPower.power(efforts).model().orElseThrow();
    assertThat(model.cpWatts()).isBetween(230.0, 275.0);
    assertThat(model.wPrimeJoules()).isBetween(8_000.0, 30_000.0);
  }

  @Test
  @DisplayName("Interval sessions have a lap per effort and recovery with figures from the streams; the same session gives the same streams")
  void lapsAndDeterminism() {
    DemoActivity intervals = HISTORY.stream().filter(a -> "INTERVALS_RUN".equals(a.workout())).reduce((x, y) -> y).orElseThrow();
    ActivityInput in = DemoService.input(intervals, "UTC", ZoneOffset.UTC, true);
    assertThat(in.laps()).hasSizeGreaterThanOrEqualTo(11);
    assertThat(in.laps().get(1).elapsedS()).isEqualTo(360);
    assertThat(in.laps().get(1).avgSpeedMps()).isGreaterThan(4.2);
    assertThat(in.laps().get(1).avgHr()).isNotNull();
    assertThat(DemoService.input(intervals, "UTC", ZoneOffset.UTC, true).streams().gzippedJson())
        .isEqualTo(in.streams().gzippedJson());
  }

  @Test
  @DisplayName("Streams go to the newest rides and runs only, so ten dense years cost no more than a few hundred recorded sessions")
  void recordedSessionsAreBounded() {
    for (int[] config : new int[][] {{2, 6}, {10, 42}}) {
      long t0 = System.nanoTime();
      List<DemoActivity> all = DemoGenerator.generate(TODAY, config[0], config[1], 42L);
      java.util.Set<String> recorded = DemoService.recorded(all, TODAY);
      long bytes = 0;
      int streams = 0;
      for (DemoActivity a : all) {
        ActivityInput in = DemoService.input(a, "UTC", ZoneOffset.UTC, recorded.contains(a.externalId()));
        if (in.streams() != null) {
          streams++;
          bytes += in.streams().gzippedJson().length;
        }
      }
      // Printed for the record (speed is measured, not asserted): 1 to 3 s on a shared 2-core machine.
      System.out.printf("demo %d y x %d/week: %d sessions, %d with streams, %.1f MB gzipped, %d ms%n", config[0], config[1],
          all.size(), streams, bytes / 1e6, (System.nanoTime() - t0) / 1_000_000);
      assertThat(streams).isBetween(100, DemoService.MAX_RECORDED);
      assertThat(bytes).isLessThan(DemoService.MAX_RECORDED * 100_000L);
    }
  }
}
