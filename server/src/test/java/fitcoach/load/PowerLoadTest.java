package fitcoach.load;

import static fitcoach.load.Decimals.assertRoundsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §9.2: power TSS and the Normalized Power stream vector. */
class PowerLoadTest {

  @ParameterizedTest(name = "{0}: {1} s at NP {2} W with FTP {3} W is IF {4} and TSS {5}.")
  @DisplayName("Each power TSS vector of §9.2 reproduces IF and TSS.")
  @CsvSource({
      "P1, 3600, 250, 250, 1.0000, 100.00",
      "P2, 7200, 210, 280, 0.7500, 112.50",
      "P3, 5400, 265, 250, 1.0600, 168.54",
      "P4, 2700, 300, 260, 1.1538, 99.85"})
  void powerTssVectors(String id, double seconds, double np, double ftp, String intensity, String tss) {
    assertRoundsTo(np / ftp, intensity);
    assertRoundsTo(ActivityLoad.powerTss(seconds, np, ftp), tss);
  }

  @Test
  @DisplayName("The interval stream averages 183.3333 W but has a Coggan NP of 246.3993 W.")
  void cogganNormalizedPower() {
    double[] stream = Fixtures.intervalStream();
    assertThat(stream).hasSize(1800);
    assertRoundsTo(java.util.Arrays.stream(stream).average().orElseThrow(), "183.3333");
    assertRoundsTo(ActivityLoad.normalizedPower(stream), "246.3993");
  }

  @Test
  @DisplayName("The interval stream with FTP 250 over its 1800 s is IF 0.9856 and TSS 48.57.")
  void intervalStreamTss() {
    double np = ActivityLoad.normalizedPower(Fixtures.intervalStream());
    assertRoundsTo(np / 250, "0.9856");
    assertRoundsTo(ActivityLoad.powerTss(1800, np, 250), "48.57");
  }

  @Test
  @DisplayName("A constant stream has NP equal to its power, including zeros from coasting in the mean.")
  void constantStreamNpIsItsPower() {
    assertThat(ActivityLoad.normalizedPower(Fixtures.repeat(200, 600))).isCloseTo(200, within(1e-9));
    double[] withCoasting = Fixtures.concat(Fixtures.repeat(200, 600), Fixtures.repeat(0, 600));
    assertThat(ActivityLoad.normalizedPower(withCoasting)).isLessThan(200).isGreaterThan(100);
  }

  @Test
  @DisplayName("A 30 s window holding a missing (NaN) second is left out; the windows on either side count.")
  void windowsOverAGapAreLeftOut() {
    double[] withGap = Fixtures.concat(Fixtures.repeat(200, 600), Fixtures.repeat(Double.NaN, 300),
        Fixtures.repeat(100, 600));
    // 571 full windows at 200 W and 571 at 100 W; none mixes the two sides (joining them would add 29 that do).
    double expected = Math.pow((571 * Math.pow(200, 4) + 571 * Math.pow(100, 4)) / 1142, 0.25);
    assertThat(ActivityLoad.normalizedPower(withGap)).isCloseTo(expected, within(1e-9));
  }

  @Test
  @DisplayName("The first rolling value is at the 30th sample: exactly 30 samples give one value, 29 give none (NaN).")
  void windowStartsAtThirtiethSample() {
    double[] thirty = Fixtures.concat(Fixtures.repeat(100, 15), Fixtures.repeat(300, 15));
    assertThat(ActivityLoad.normalizedPower(thirty)).isCloseTo(200, within(1e-9));
    assertThat(ActivityLoad.normalizedPower(Fixtures.repeat(300, 29))).isNaN();
  }
}
