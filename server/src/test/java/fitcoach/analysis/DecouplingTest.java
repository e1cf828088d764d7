package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.analysis.Decoupling.Basis;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Aerobic decoupling: first half against second half of the moving seconds. */
class DecouplingTest {

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    Arrays.fill(a, value);
    return a;
  }

  @Test
  @DisplayName("Pw:HR: 200 W at 140 bpm then 200 W at 150 bpm decouples by 6.667 %.")
  void powerDrift() {
    // 2400 moving seconds: first 1200 at 200 W / 140 bpm, last 1200 at 200 W / 150 bpm.
    // EF1 = 200/140 = 1.428571; EF2 = 200/150 = 1.333333; (EF1 − EF2)/EF1 = 1 − 140/150 = 0.0666667 → 6.6667 %.
    double[] power = filled(2400, 200);
    double[] hr = filled(2400, 140);
    Arrays.fill(hr, 1200, 2400, 150);

    var result = Decoupling.of(power, null, hr).orElseThrow();

    assertThat(result.basis()).isEqualTo(Basis.POWER);
    assertThat(result.percent()).isCloseTo(6.666667, within(1e-6));
  }

  @Test
  @DisplayName("Pa:HR without power; stops and missing heart rate are not moving seconds, so the halves are of moving time.")
  void speedHalvesOfMovingTime() {
    // Seconds 0–1199: 3 m/s at 150 bpm. Then 600 s stopped (speed 0), then 600 s with HR missing (NaN),
    // then seconds 2400–3599: 2.7 m/s at 150 bpm. Moving seconds: 1200 + 1200 = 2400, halves at the pause.
    // EF1 = 3/150 = 0.02; EF2 = 2.7/150 = 0.018; (0.02 − 0.018)/0.02 = 10 %.
    // Were the halves split by elapsed time (1800 s), the first would include the stop and differ.
    double[] speed = new double[3600];
    double[] hr = new double[3600];
    Arrays.fill(speed, 0, 1200, 3.0);
    Arrays.fill(hr, 0, 1200, 150);
    Arrays.fill(speed, 1200, 1800, 0);
    Arrays.fill(hr, 1200, 1800, 120);
    Arrays.fill(speed, 1800, 2400, 5.0);
    Arrays.fill(hr, 1800, 2400, Double.NaN);
    Arrays.fill(speed, 2400, 3600, 2.7);
    Arrays.fill(hr, 2400, 3600, 150);

    var result = Decoupling.of(null, speed, hr).orElseThrow();

    assertThat(result.basis()).isEqualTo(Basis.SPEED);
    assertThat(result.percent()).isCloseTo(10, within(1e-9));
  }

  @Test
  @DisplayName("An odd count leaves the middle moving second out; a better second half gives a negative value.")
  void oddCountAndNegative() {
    // 1201 moving seconds: 600 at 100 W, the middle one at 1000 W (ignored), 600 at 110 W; HR 100 throughout.
    // EF1 = 1.0, EF2 = 1.1 → (1.0 − 1.1)/1.0 = −10 %.
    double[] power = new double[1201];
    Arrays.fill(power, 0, 600, 100);
    power[600] = 1000;
    Arrays.fill(power, 601, 1201, 110);

    assertThat(Decoupling.percent(power, filled(1201, 100)).getAsDouble()).isCloseTo(-10, within(1e-9));
  }

  @Test
  @DisplayName("Under 20 minutes of moving seconds with heart rate, or no heart rate at all: absent.")
  void notEnoughData() {
    // 1199 moving seconds plus 600 stopped: below 1200.
    double[] power = filled(1799, 200);
    Arrays.fill(power, 1199, 1799, 0);
    assertThat(Decoupling.percent(power, filled(1799, 140))).isEmpty();
    assertThat(Decoupling.of(filled(3600, 200), null, filled(3600, Double.NaN))).isEmpty();
    assertThat(Decoupling.of(filled(3600, 200), null, null)).isEmpty();
    // exactly 1200 is enough
    assertThat(Decoupling.percent(filled(1200, 200), filled(1200, 140))).isPresent();
  }
}
