package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** W′bal, differential form (GoldenCheetah WPrime.cpp, Skiba et al. 2015), with hand-stepped vectors. */
class WPrimeBalanceTest {

  @Test
  @DisplayName("Depletion, partial recovery (a NaN second counts as 0 W) and a deeper depletion: minimum at the last second.")
  void depleteRecoverDeplete() {
    // CP 200 W, W′ 1000 J. Power 300, 300, 100, NaN, 400:
    // t0: 1000 − 100 = 900; t1: 900 − 100 = 800;
    // t2: 800 + (200 − 100)·(1000 − 800)/1000 = 800 + 20 = 820;
    // t3 (NaN → 0 W): 820 + 200·180/1000 = 820 + 36 = 856;
    // t4: 856 − 200 = 656. Minimum 656 J at second 4.
    var min = WPrimeBalance.minimum(new double[] {300, 300, 100, Double.NaN, 400}, 200, 1000).orElseThrow();

    assertThat(min.joules()).isCloseTo(656, within(1e-9));
    assertThat(min.second()).isEqualTo(4);
  }

  @Test
  @DisplayName("The minimum is where it happens, not the end: an effort then recovery.")
  void minimumMidRide() {
    // CP 200, W′ 1000. Power 500, 500, 0, 0: 700, 400, 400 + 200·600/1000 = 520, 520 + 200·480/1000 = 616.
    var min = WPrimeBalance.minimum(new double[] {500, 500, 0, 0}, 200, 1000).orElseThrow();

    assertThat(min.joules()).isCloseTo(400, within(1e-9));
    assertThat(min.second()).isEqualTo(1);
  }

  @Test
  @DisplayName("Riding at exactly CP spends nothing; a ride never above CP keeps W′ full from second 0.")
  void neverAboveCp() {
    double[] power = new double[3600];
    Arrays.fill(power, 150);
    power[100] = 200; // at CP: W ← W − 0

    var min = WPrimeBalance.minimum(power, 200, 20000).orElseThrow();

    assertThat(min.joules()).isEqualTo(20000);
    assertThat(min.second()).isZero();
  }

  @Test
  @DisplayName("An overlong effort drives W′bal below zero and it is reported, not clamped.")
  void negativeReported() {
    // CP 250, W′ 10000: 60 s at 450 W spends 60·200 = 12000 J → −2000 J at second 59.
    double[] power = new double[60];
    Arrays.fill(power, 450);

    var min = WPrimeBalance.minimum(power, 250, 10000).orElseThrow();

    assertThat(min.joules()).isCloseTo(-2000, within(1e-9));
    assertThat(min.second()).isEqualTo(59);
  }

  @Test
  @DisplayName("No grid, or no CP / W′: no W′bal.")
  void absent() {
    assertThat(WPrimeBalance.minimum(new double[0], 200, 1000)).isEmpty();
    assertThat(WPrimeBalance.minimum(new double[] {300}, 0, 1000)).isEmpty();
    assertThat(WPrimeBalance.minimum(new double[] {300}, 200, Double.NaN)).isEmpty();
  }
}
