package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules that fill in what files do not record. */
class ActivityMetricsTest {

  private static Streams times(int... t) {
    return new Streams(t, null, null, null, null, null, null, null, null);
  }

  @Test
  @DisplayName("Altitude jitter of a metre either way adds no elevation gain.")
  void jitterIsIgnored() {
    double[] alt = new double[200];
    for (int i = 0; i < alt.length; i++) {
      alt[i] = 100 + (i % 2 == 0 ? 1 : -1);
    }
    assertThat(ActivityMetrics.elevationGain(alt)).isZero();
  }

  @Test
  @DisplayName("A steady 10 m climb in 1 m steps counts in full, and a 2 m dip inside a climb costs nothing.")
  void climbsCount() {
    assertThat(ActivityMetrics.elevationGain(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})).isEqualTo(10.0);
    assertThat(ActivityMetrics.elevationGain(new double[] {0, 10, 8, 12, 14})).isEqualTo(14.0);
    assertThat(ActivityMetrics.elevationGain(new double[] {14, 11, 14})).isEqualTo(3.0);
  }

  @Test
  @DisplayName("Intervals longer than 10 s are pauses; 10 s is still moving.")
  void gapsArePauses() {
    assertThat(ActivityMetrics.movingSeconds(times(0, 10, 20, 31, 32), "Ride")).isEqualTo(21);
    assertThat(ActivityMetrics.elapsedSeconds(times(0, 10, 20, 31, 32))).isEqualTo(32);
  }

  @Test
  @DisplayName("The speed rule applies to runs but not to swims or strength sessions.")
  void speedRuleBySport() {
    int[] t = {0, 1, 2, 3, 4};
    double[] speed = {0, 0.2, 0.2, 3, 3};
    Streams s = new Streams(t, null, null, null, null, null, speed, null, null);

    assertThat(ActivityMetrics.movingSeconds(s, "Run")).isEqualTo(2);
    assertThat(ActivityMetrics.movingSeconds(s, "Swim")).isEqualTo(4);
    assertThat(ActivityMetrics.movingSeconds(s, "WeightTraining")).isEqualTo(4);
  }

  @Test
  @DisplayName("Smart recording is averaged on the 1 Hz grid: a 9 s gap is interpolated, second by second.")
  void timeWeighting() {
    Streams s = new Streams(new int[] {0, 1, 10}, null, null, null, new double[] {100, 100, 200}, null, null, null, null);

    // Seconds 0..10: 100 at 0 and 1, then 100 + 100·(k−1)/9 for k = 2..10 (111.1 … 200).
    double expected = 200;
    for (int k = 2; k <= 10; k++) {
      expected += 100 + 100.0 * (k - 1) / 9;
    }
    assertThat(ActivityMetrics.compute(s, "Ride").avgHr()).isCloseTo(expected / 11, within(1e-9));
  }

  @Test
  @DisplayName("A stop longer than 25 s counts as zero watts in NP and is left out of the averages, as a pause.")
  void stopsOnTheGrid() {
    // 60 s at 200 W, a 120 s stop (auto-pause), 60 s at 200 W.
    int[] t = new int[121];
    double[] w = new double[121];
    double[] hr = new double[121];
    for (int i = 0; i < 121; i++) {
      t[i] = i <= 60 ? i : i + 119;
      w[i] = 200;
      hr[i] = 140;
    }
    Streams s = new Streams(t, null, null, null, hr, w, null, null, null);
    ActivityMetrics.Computed c = ActivityMetrics.compute(s, "Ride");

    assertThat(c.movingS()).isEqualTo(119);
    assertThat(c.avgPowerW()).isCloseTo(200.0, within(1e-9));
    assertThat(c.avgHr()).isCloseTo(140.0, within(1e-9));
    // the grid is 240 s: 61 s at 200 W, 119 stopped seconds at 0, 60 s at 200 W; NP = NormalizedPower on it.
    double[] grid = new double[240];
    java.util.Arrays.fill(grid, 0, 61, 200);
    java.util.Arrays.fill(grid, 180, 240, 200);
    assertThat(c.normalizedPowerW()).isCloseTo(fitcoach.analysis.NormalizedPower.of(grid).getAsDouble(), within(1e-9))
        .isLessThan(200.0);
  }

  @Test
  @DisplayName("A recording spanning more than 7 days keeps its times but gets no grid averages instead of failing.")
  void absurdSpan() {
    Streams s = new Streams(new int[] {0, 1, 700_000}, null, null, null, new double[] {100, 100, 100}, null, null, null,
        null);
    ActivityMetrics.Computed c = ActivityMetrics.compute(s, "Ride");

    assertThat(c.elapsedS()).isEqualTo(700_000);
    assertThat(c.avgHr()).isNull();
    assertThat(c.maxHr()).isEqualTo(100.0);
  }

  @Test
  @DisplayName("A power channel that never rises above zero counts as no power at all.")
  void zeroPowerIsNoPower() {
    double[] zeros = new double[120];
    Streams s = new Streams(java.util.stream.IntStream.range(0, 120).toArray(), null, null, null, null, zeros, null, null,
        null);

    assertThat(ActivityMetrics.averagePower(s)).isNull();
    assertThat(ActivityMetrics.normalizedPower(s)).isNull();
    Arrays.fill(zeros, 60, 120, 100);
    assertThat(ActivityMetrics.averagePower(s)).isCloseTo(50.0, within(1e-9));
  }

  @Test
  @DisplayName("One degree of latitude is 111,195 m on the IUGG mean sphere.")
  void haversine() {
    assertThat(ActivityMetrics.haversine(45, 10, 46, 10)).isCloseTo(111_195.08, within(0.01));
  }
}
