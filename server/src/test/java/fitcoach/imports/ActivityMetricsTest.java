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
  @DisplayName("Smart recording is time-weighted: a value held for 9 s counts nine times as much as a 1 s one.")
  void timeWeighting() {
    Streams s = new Streams(new int[] {0, 1, 10}, null, null, null, new double[] {100, 100, 200}, null, null, null, null);

    assertThat(ActivityMetrics.secondly(s, s.heartRate())).hasSize(11);
    assertThat(ActivityMetrics.timeWeightedMean(s, s.heartRate(), true)).isCloseTo((2 * 100 + 9 * 200) / 11.0, within(1e-9));
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
