package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fitcoach.analysis.CriticalPower.Effort;
import fitcoach.analysis.CriticalPower.PowerModel;
import fitcoach.analysis.CriticalPower.SpeedModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two-parameter model work = CP·t + W′ fitted by least squares, with hand-computed vectors. */
class CriticalPowerTest {

  @Test
  @DisplayName("Efforts that lie exactly on CP 250 W, W′ 20 kJ give back those values, R² 1 and eFTP at one hour.")
  void exactModel() {
    // work = 250·t + 20000: t=180 → 65000 J (361.11 W); 300 → 95000 (316.67 W); 600 → 170000 (283.33 W);
    // 1200 → 320000 (266.67 W). eFTP = 250 + 20000/3600 = 255.556 W.
    var efforts = List.of(
        new Effort(180, 65000.0 / 180), new Effort(300, 95000.0 / 300),
        new Effort(600, 170000.0 / 600), new Effort(1200, 320000.0 / 1200));

    PowerModel m = CriticalPower.power(efforts).model().orElseThrow();

    assertThat(m.cpWatts()).isCloseTo(250, within(1e-9));
    assertThat(m.wPrimeJoules()).isCloseTo(20000, within(1e-6));
    assertThat(m.rSquared()).isCloseTo(1, within(1e-12));
    assertThat(m.points()).isEqualTo(4);
    assertThat(m.shortestS()).isEqualTo(180);
    assertThat(m.longestS()).isEqualTo(1200);
    assertThat(m.eftpWatts()).isCloseTo(255.5556, within(1e-4));
  }

  @Test
  @DisplayName("Three scattered efforts: slope, intercept and R² match the hand least-squares; efforts outside 3–20 min are ignored.")
  void scatteredFit() {
    // (t, work): (200, 70000), (600, 190000), (1000, 280000) → mean powers 350, 316.67, 280 W.
    // x̄ = 600, ȳ = 180000; dx = −400, 0, 400; dy = −110000, 10000, 100000.
    // Sxx = 320000; Sxy = 44e6 + 0 + 40e6 = 84e6 → CP = 262.5 W; W′ = 180000 − 262.5·600 = 22500 J.
    // Fitted: 75000, 180000, 285000 → residuals −5000, 10000, −5000 → SSres = 150e6.
    // SStot = 110000² + 10000² + 100000² = 22.2e9 → R² = 1 − 150e6/22.2e9 = 0.9932432.
    // eFTP = 262.5 + 22500/3600 = 268.75 W. The 60 s and 3600 s efforts lie outside the window.
    var efforts = List.of(
        new Effort(60, 600), new Effort(200, 350), new Effort(600, 190000.0 / 600),
        new Effort(1000, 280), new Effort(3600, 200));

    PowerModel m = CriticalPower.power(efforts).model().orElseThrow();

    assertThat(m.cpWatts()).isCloseTo(262.5, within(1e-9));
    assertThat(m.wPrimeJoules()).isCloseTo(22500, within(1e-6));
    assertThat(m.rSquared()).isCloseTo(0.9932432, within(1e-7));
    assertThat(m.points()).isEqualTo(3);
    assertThat(m.shortestS()).isEqualTo(200);
    assertThat(m.longestS()).isEqualTo(1000);
    assertThat(m.eftpWatts()).isCloseTo(268.75, within(1e-9));
  }

  @Test
  @DisplayName("Runs: the same fit on mean speed gives critical speed (m/s) and D′ (m).")
  void criticalSpeed() {
    // distance = 4·t + 200: t=180 → 920 m (5.1111 m/s); 600 → 2600 m (4.3333); 1200 → 5000 m (4.1667).
    var efforts = List.of(new Effort(180, 920.0 / 180), new Effort(600, 2600.0 / 600), new Effort(1200, 5000.0 / 1200));

    SpeedModel m = CriticalPower.speed(efforts).model().orElseThrow();

    assertThat(m.csMetresPerSecond()).isCloseTo(4, within(1e-12));
    assertThat(m.dPrimeMetres()).isCloseTo(200, within(1e-9));
    assertThat(m.rSquared()).isCloseTo(1, within(1e-12));
    assertThat(m.points()).isEqualTo(3);
  }

  @Test
  @DisplayName("Fewer than three efforts in the window: no estimate, and the reason says so.")
  void tooFewPoints() {
    var estimate = CriticalPower.power(List.of(new Effort(180, 360), new Effort(1200, 270), new Effort(60, 700)));

    assertThat(estimate.model()).isEmpty();
    assertThat(estimate.reason()).hasValueSatisfying(r -> assertThat(r).contains("fewer than 3").contains("found 2"));
  }

  @Test
  @DisplayName("Durations all within a factor 1.5 (180–270 s): no estimate.")
  void durationsTooClose() {
    // 270 / 180 = 1.5 exactly: not more than 1.5 times, rejected.
    var estimate = CriticalPower.power(
        List.of(new Effort(180, 360), new Effort(240, 340), new Effort(270, 330)));

    assertThat(estimate.model()).isEmpty();
    assertThat(estimate.reason()).hasValueSatisfying(r -> assertThat(r).contains("similar length"));
  }

  @Test
  @DisplayName("Longer efforts at higher power (a negative W′) are rejected with a reason.")
  void negativeReserve() {
    // work = 300·t − 10000: 200 → 50000 (250 W); 600 → 170000 (283.3 W); 1000 → 290000 (290 W). W′ = −10000.
    var estimate = CriticalPower.power(
        List.of(new Effort(200, 250), new Effort(600, 170000.0 / 600), new Effort(1000, 290)));

    assertThat(estimate.model()).isEmpty();
    assertThat(estimate.reason()).hasValueSatisfying(r -> assertThat(r).contains("W′ of zero or less"));
  }

  @Test
  @DisplayName("Efforts whose work does not grow with time give a non-positive CP and are rejected.")
  void nonPositiveCp() {
    // work constant 100000 J at 200, 600, 1000 s: slope 0.
    var estimate = CriticalPower.speed(
        List.of(new Effort(200, 500), new Effort(600, 100000.0 / 600), new Effort(1000, 100)));

    assertThat(estimate.model()).isEmpty();
    assertThat(estimate.reason()).hasValueSatisfying(r -> assertThat(r).contains("critical speed of zero or less"));
  }

  @Test
  @DisplayName("A poor fit (R² 0.9, below the 0.95 floor) is rejected with the R² in the reason.")
  void poorFit() {
    // (t, work): (200, 120000), (200, 40000), (1000, 360000), (1000, 280000).
    // x̄ = 600, ȳ = 200000; Sxx = 4·400² = 640000; Sxy = 400·(80000 + 160000 + 160000 + 80000) = 192e6 → slope 300;
    // W′ = 200000 − 300·600 = 20000. Fitted 80000 and 320000 → residuals ±40000 → SSres = 4·1.6e9 = 6.4e9.
    // SStot = 80000² + 160000² + 160000² + 80000² = 64e9 → R² = 1 − 0.1 = 0.9.
    var estimate = CriticalPower.power(List.of(
        new Effort(200, 600), new Effort(200, 200), new Effort(1000, 360), new Effort(1000, 280)));

    assertThat(estimate.model()).isEmpty();
    assertThat(estimate.reason()).hasValueSatisfying(r -> assertThat(r).contains("R² 0.900"));
  }

  @Test
  @DisplayName("Missing or zero means do not count as efforts.")
  void unusableMeansIgnored() {
    var estimate = CriticalPower.power(List.of(
        new Effort(180, 65000.0 / 180), new Effort(300, Double.NaN), new Effort(600, 0), new Effort(1200, 320000.0 / 1200)));

    assertThat(estimate.reason()).hasValueSatisfying(r -> assertThat(r).contains("found 2"));
  }

  @Test
  @DisplayName("More than the bounded number of efforts is refused.")
  void inputBounded() {
    var many = new ArrayList<Effort>();
    for (int i = 0; i <= CriticalPower.MAX_EFFORTS; i++) {
      many.add(new Effort(180 + i % 1000, 300));
    }
    assertThatThrownBy(() -> CriticalPower.power(many)).isInstanceOf(IllegalArgumentException.class);
  }
}
