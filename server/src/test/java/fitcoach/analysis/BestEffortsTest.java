package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fitcoach.analysis.BestEfforts.Effort;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Best efforts by distance, interpolated within a second, on hand-computed vectors and against a fine scan. */
class BestEffortsTest {

  @Test
  @DisplayName("The fastest 8 m uses the whole 6 m/s second and two thirds of the 3 m/s one: 5/3 s from second 1.")
  void interpolatedAtTheEnd() {
    // distance 0, 1, 7, 10: speeds 1, 6, 3 m/s in seconds 0-1, 1-2, 2-3
    // start 0: reach 8 at 2 + (8 − 7)/3 = 2.333 -> 2.333 s
    // start 1: reach 9 at 2 + (9 − 7)/3 = 2.667 -> 1.667 s  <- best
    // end 3: last at 10 − 8 = 2 at 1 + (2 − 1)/6 = 1.167 -> 1.833 s
    List<Effort> e = BestEfforts.of(new double[] {0, 1, 7, 10}, List.of(8.0, 10.0, 11.0));
    assertThat(e).hasSize(2); // 11 m is more than the 10 m covered
    assertThat(e.get(0).distanceM()).isEqualTo(8.0);
    assertThat(e.get(0).timeS()).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(e.get(0).startS()).isEqualTo(1.0);
    assertThat(e.get(1)).isEqualTo(new Effort(10.0, 3.0, 0.0));
  }

  @Test
  @DisplayName("An effort can start inside a second: the fastest 8 m of speeds 3, 6, 1 m/s starts at second 1/3.")
  void interpolatedAtTheStart() {
    // distance 0, 3, 9, 10: the mirror of the vector above. End on second 2 (9 m): start where distance was 1 m,
    // 0 + 1/3 -> 2 − 1/3 = 5/3 s from 1/3 s.
    Effort e = BestEfforts.of(new double[] {0, 3, 9, 10}, List.of(8.0)).get(0);
    assertThat(e.timeS()).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(e.startS()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  @DisplayName("A steady 4 m/s run of 200 s: 400 m in 100 s from the start; 1 km and longer are absent.")
  void steadyRun() {
    double[] d = new double[200];
    for (int k = 0; k < d.length; k++) {
      d[k] = 4.0 * k; // 796 m at second 199
    }
    assertThat(BestEfforts.running(d)).containsExactly(new Effort(400.0, 100.0, 0.0));
    assertThat(BestEfforts.running(null)).isEmpty();
  }

  @Test
  @DisplayName("A stop (distance held) is never part of the fastest effort; a device's backwards step is ignored.")
  void stopsAndBackwardSteps() {
    // 0, 5, 10, 10, 10, 15, 20 (a 2 s stop), then 9 (the device stepped back) and 25
    // 10 m: 0 -> 10 in seconds 0..2 = 2 s, and 10 -> 20 in 4..6 = 2 s: the earliest, start 0
    // 15 m: must cross the stop: from 5 at 1 to 20 at 6 = 5 s, or 10 at 4 to 25 at 8 (20 held at 7) = 4 s
    List<Effort> e = BestEfforts.of(new double[] {0, 5, 10, 10, 10, 15, 20, 9, 25}, List.of(10.0, 15.0));
    assertThat(e.get(0)).isEqualTo(new Effort(10.0, 2.0, 0.0));
    assertThat(e.get(1)).isEqualTo(new Effort(15.0, 4.0, 4.0));
    assertThatThrownBy(() -> BestEfforts.of(new double[] {0, 1}, List.of(0.0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("On random runs with stops the result is the fastest a fine scan of every start finds.")
  void matchesFineScan() {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      int n = 5 + random.nextInt(60);
      double[] d = new double[n];
      for (int k = 1; k < n; k++) {
        d[k] = d[k - 1] + (random.nextInt(5) == 0 ? 0 : 1 + random.nextDouble() * 6);
      }
      double distance = 5 + random.nextDouble() * d[n - 1] * 0.6;
      Effort e = BestEfforts.of(d, List.of(distance)).get(0);
      // scan starts every 1/1000 s; the end is found by walking the linear pieces
      double scanned = Double.POSITIVE_INFINITY;
      for (int step = 0; step <= (n - 1) * 1000; step++) {
        double t1 = step / 1000.0;
        double target = at(d, t1) + distance;
        for (int k = (int) Math.floor(t1) + 1; k < n; k++) {
          if (d[k] >= target) {
            double t2 = (k - 1) + (target - d[k - 1]) / (d[k] - d[k - 1]);
            if (t2 < t1) {
              t2 = t1; // the target was reached inside the start's own second
            }
            scanned = Math.min(scanned, t2 - t1);
            break;
          }
        }
      }
      assertThat(e.timeS()).isLessThanOrEqualTo(scanned + 1e-9);
      assertThat(e.timeS()).isGreaterThan(scanned - 0.01);
      // and the reported start really covers the distance in the reported time
      assertThat(at(d, e.startS() + e.timeS()) - at(d, e.startS())).isCloseTo(distance, within(1e-6));
    }
  }

  private static double at(double[] d, double t) {
    int k = (int) Math.floor(t);
    if (k >= d.length - 1) {
      return d[d.length - 1];
    }
    return d[k] + (d[k + 1] - d[k]) * (t - k);
  }
}
