package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.load.PowerLoad;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Coggan NP on hand-computed vectors. */
class NormalizedPowerTest {

  @Test
  @DisplayName("A steady 200 W gives NP 200 W; fewer than 30 s gives none.")
  void steady() {
    double[] w = new double[40];
    Arrays.fill(w, 200);
    assertThat(NormalizedPower.of(w).getAsDouble()).isCloseTo(200, within(1e-9));
    assertThat(NormalizedPower.of(Arrays.copyOf(w, 29))).isEmpty();
    assertThat(NormalizedPower.of(Arrays.copyOf(w, 30)).getAsDouble()).isCloseTo(200, within(1e-9));
    assertThat(NormalizedPower.of(null)).isEmpty();
  }

  @Test
  @DisplayName("30 s at 0 W then 30 s at 300 W: NP = 10 × 170129^(1/4) ≈ 203.09 W, above the 150 W average.")
  void rampOfWindows() {
    // 60 s: seconds 0..29 at 0 W, 30..59 at 300 W. Full windows end at seconds 29..59: 31 windows; the window
    // ending at 29 + j holds j seconds of 300 W, so its mean is 300·j/30 = 10·j (j = 0..30).
    // Σ (10j)^4 = 10^4 · Σ j^4 = 10^4 · 30·31·61·(3·900 + 3·30 − 1)/30 = 10^4 · 31·61·2789 = 10^4 · 5,273,999
    // mean over 31 windows = 10^4 · 170,129; 4th root = 10 · 170129^(1/4) = 203.0928...
    // (√170129 = 412.467, √412.467 = 20.3093)
    double[] w = new double[60];
    Arrays.fill(w, 30, 60, 300);
    assertThat(NormalizedPower.of(w).getAsDouble()).isCloseTo(10 * Math.pow(170_129, 0.25), within(1e-9));
    assertThat(NormalizedPower.of(w).getAsDouble()).isCloseTo(203.0928, within(1e-4));
  }

  @Test
  @DisplayName("A window over a missing second is left out (the grid's power has none, but the rule holds).")
  void missingSeconds() {
    // 31 s at 100 W with second 0 missing: only the window 1..30 is full and complete -> NP 100
    double[] w = new double[31];
    Arrays.fill(w, 100);
    w[0] = Double.NaN;
    assertThat(NormalizedPower.of(w).getAsDouble()).isCloseTo(100, within(1e-9));
    w[30] = Double.NaN;
    assertThat(NormalizedPower.of(w)).isEmpty();
  }

  @Test
  @DisplayName("On a grid without holes it agrees with today's PowerLoad.normalizedPower.")
  void agreesWithPowerLoad() {
    double[] w = new double[60];
    Arrays.fill(w, 30, 60, 300);
    assertThat(NormalizedPower.of(w).getAsDouble()).isCloseTo(PowerLoad.normalizedPower(w), within(1e-9));
    Random random = new Random(2);
    double[] ride = new double[3600];
    for (int i = 0; i < ride.length; i++) {
      ride[i] = random.nextInt(10) == 0 ? 0 : 150 + random.nextInt(300);
    }
    assertThat(NormalizedPower.of(ride).getAsDouble()).isCloseTo(PowerLoad.normalizedPower(ride), within(1e-6));
  }
}
