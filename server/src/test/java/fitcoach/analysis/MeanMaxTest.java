package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.analysis.MeanMax.Curve;
import fitcoach.analysis.MeanMax.Point;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Mean-maximal curves on hand-computed vectors and against a brute-force computation. */
class MeanMaxTest {
  private static final double NaN = Double.NaN;

  @Test
  @DisplayName("Best mean per duration with the second it starts at; durations longer than the activity are absent.")
  void handVector() {
    // power 100, 300, 200, 400, 0 (5 s)
    // 1 s: best single second 400 at second 3
    // 2 s: sums 400, 500, 600, 400 -> 600 at 2, mean 300
    // 3 s: sums 600, 900, 600 -> 900 at 1, mean 300
    // 5 s: 1000 / 5 = 200 at 0
    // 8 s: longer than 5 s -> absent
    Curve c = MeanMax.curve(new double[] {100, 300, 200, 400, 0}, List.of(1, 2, 3, 5, 8));
    assertThat(c.points()).containsExactly(
        new Point(1, 400, 3), new Point(2, 300, 2), new Point(3, 300, 1), new Point(5, 200, 0));
    assertThat(c.at(8)).isEmpty();
  }

  @Test
  @DisplayName("Equal windows: the earliest start wins.")
  void tiesTakeTheEarliest() {
    Curve c = MeanMax.curve(new double[] {200, 100, 200, 100}, List.of(1, 2));
    // 1 s: 200 at 0 and at 2 -> 0; 2 s: every pair sums 300 -> 0
    assertThat(c.points()).containsExactly(new Point(1, 200, 0), new Point(2, 150, 0));
  }

  @Test
  @DisplayName("A window with a missing heart rate does not count for the HR curve.")
  void missingHeartRate() {
    // 150, 160, NaN, 170, 165
    // 1 s: 170 at 3
    // 2 s: (150+160)/2 = 155 at 0; windows over second 2 are out; (170+165)/2 = 167.5 at 3 -> 167.5 at 3
    // 3 s: every 3 s window holds second 2 -> absent
    Curve c = MeanMax.curve(new double[] {150, 160, NaN, 170, 165}, List.of(1, 2, 3));
    assertThat(c.points()).containsExactly(new Point(1, 170, 3), new Point(2, 167.5, 3));
    assertThat(MeanMax.heartRate(new double[] {NaN, NaN}).points()).isEmpty();
    assertThat(MeanMax.power(null).points()).isEmpty();
  }

  @Test
  @DisplayName("The fixed durations run from 1 s to 6 h, ascending, log-spaced within ×2, with the quoted points.")
  void durations() {
    List<Integer> d = MeanMax.DURATIONS_S;
    assertThat(d.get(0)).isEqualTo(1);
    assertThat(d.get(d.size() - 1)).isEqualTo(6 * 3600);
    assertThat(d).containsSubsequence(1, 5, 10, 15, 30, 60, 120, 180, 300, 480, 600, 720, 1200, 1800, 2700, 3600,
        5400, 7200, 10800, 14400, 18000, 21600);
    for (int i = 1; i < d.size(); i++) {
      assertThat(d.get(i)).isGreaterThan(d.get(i - 1));
      assertThat((double) d.get(i) / d.get(i - 1)).isLessThanOrEqualTo(2.0);
    }
  }

  @Test
  @DisplayName("A 6 h grid has a 6 h point; one second shorter has none.")
  void sixHours() {
    double[] full = new double[21_600];
    Arrays.fill(full, 200);
    assertThat(MeanMax.power(full).at(21_600)).contains(new Point(21_600, 200, 0));
    assertThat(MeanMax.power(Arrays.copyOf(full, 21_599)).at(21_600)).isEmpty();
    assertThat(MeanMax.power(Arrays.copyOf(full, 21_599)).at(18_000)).isPresent();
  }

  @Test
  @DisplayName("Pace is 1000 / speed in s/km: 5 m/s is 200 s/km; a standstill has no pace.")
  void pace() {
    assertThat(MeanMax.paceSecondsPerKm(4).getAsDouble()).isEqualTo(250);
    assertThat(MeanMax.paceSecondsPerKm(0)).isEmpty();
    // speed 5, 5, 0: 1 s best 5 at 0 -> 200 s/km; 3 s best 10/3 m/s -> 300 s/km
    Curve pace = MeanMax.pace(MeanMax.curve(new double[] {5, 5, 0}, List.of(1, 3)));
    assertThat(pace.points()).hasSize(2);
    assertThat(pace.points().get(0)).isEqualTo(new Point(1, 200, 0));
    assertThat(pace.points().get(1).value()).isCloseTo(300, within(1e-9));
    assertThat(MeanMax.pace(MeanMax.curve(new double[] {0, 0}, List.of(1))).points()).isEmpty();
  }

  @Test
  @DisplayName("On random series with holes the curve equals a brute-force scan of every window.")
  void matchesBruteForce() {
    Random random = new Random(14);
    for (int round = 0; round < 20; round++) {
      int n = 1 + random.nextInt(400);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = random.nextInt(50) == 0 ? NaN : random.nextInt(500); // whole watts: sums are exact
      }
      Curve c = MeanMax.curve(v, MeanMax.DURATIONS_S);
      for (int d : MeanMax.DURATIONS_S) {
        double best = NaN;
        int start = -1;
        for (int s = 0; s + d <= n; s++) {
          double sum = 0;
          for (int i = s; i < s + d; i++) {
            sum += v[i];
          }
          if (!Double.isNaN(sum) && (start < 0 || sum / d > best)) {
            best = sum / d;
            start = s;
          }
        }
        if (start < 0) {
          assertThat(c.at(d)).isEmpty();
        } else {
          Point p = c.at(d).orElseThrow();
          assertThat(p.value()).isCloseTo(best, within(1e-9));
          assertThat(p.startS()).isEqualTo(start);
        }
      }
    }
  }
}
