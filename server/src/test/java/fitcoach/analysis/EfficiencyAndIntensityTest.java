package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Efficiency factor (NP or speed over average HR) and intensity factor (NP over FTP). */
class EfficiencyAndIntensityTest {

  private static final double NaN = Double.NaN;

  @Test
  @DisplayName("EF with power: NP 210 W over the average of the present heart rates (missing and 0 skipped).")
  void efPower() {
    // HR present: 130, 140, 150 → average 140 (NaN and 0 are missing). EF = 210 / 140 = 1.5.
    double[] hr = {130, NaN, 140, 0, 150};

    assertThat(EfficiencyFactor.ofPower(210, hr).getAsDouble()).isCloseTo(1.5, within(1e-12));
  }

  @Test
  @DisplayName("EF without power: moving average speed over average HR; stops do not lower the speed.")
  void efSpeed() {
    // Moving speeds 3, 3.5, 4 → 3.5 m/s (the 0 is a stop); HR 140, 140, 140, 140 → 140. EF = 3.5/140 = 0.025.
    double[] speed = {3, 0, 3.5, 4};
    double[] hr = {140, 140, 140, 140};

    assertThat(EfficiencyFactor.ofSpeed(speed, hr).getAsDouble()).isCloseTo(0.025, within(1e-12));
  }

  @Test
  @DisplayName("EF is absent without heart rate or without output.")
  void efAbsent() {
    assertThat(EfficiencyFactor.ofPower(210, new double[] {NaN, NaN})).isEmpty();
    assertThat(EfficiencyFactor.ofPower(210, null)).isEmpty();
    assertThat(EfficiencyFactor.ofPower(0, new double[] {140})).isEmpty();
    assertThat(EfficiencyFactor.ofSpeed(new double[] {0, 0}, new double[] {140, 140})).isEmpty();
  }

  @Test
  @DisplayName("IF = NP / FTP: 225 W over 250 W is 0.9; absent without an FTP.")
  void intensity() {
    assertThat(IntensityFactor.of(225, OptionalDouble.of(250)).getAsDouble()).isCloseTo(0.9, within(1e-12));
    assertThat(IntensityFactor.of(225, OptionalDouble.empty())).isEmpty();
    assertThat(IntensityFactor.of(225, OptionalDouble.of(0))).isEmpty();
    assertThat(IntensityFactor.of(Double.NaN, OptionalDouble.of(250))).isEmpty();
  }
}
