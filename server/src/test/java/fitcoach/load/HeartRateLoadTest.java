package fitcoach.load;

import static fitcoach.load.Decimals.assertRoundsTo;
import static fitcoach.load.Fixtures.hr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** §9.1: Banister TRIMP and HRSS vectors, plus clamping and the per-second stream form. */
class HeartRateLoadTest {

  private static final Thresholds A = hr(Sex.MALE, 190, 60, 170);
  private static final Thresholds B = hr(Sex.FEMALE, 185, 55, 168);
  private static final Thresholds C = hr(Sex.MALE, 185, 50, 160);
  private static final Thresholds D = hr(Sex.FEMALE, 180, 60, 160);

  @Test
  @DisplayName("Vector A: a man, 60 min at 150 bpm with rest 60 and max 190, has x 0.692308 and TRIMP 100.44.")
  void trimpVectorA() {
    assertRoundsTo(HeartRateLoad.reserveFraction(150, A), "0.692308");
    assertRoundsTo(ActivityLoad.trimp(60, 150, A), "100.44");
  }

  @Test
  @DisplayName("Vector B: a woman, 45 min at 160 bpm with rest 55 and max 185, has TRIMP 120.44 with the 0.86 pre-factor.")
  void trimpVectorB() {
    assertRoundsTo(HeartRateLoad.reserveFraction(160, B), "0.807692");
    assertRoundsTo(ActivityLoad.trimp(45, 160, B), "120.44");
  }

  @Test
  @DisplayName("Vector C: a man, 90 min at 135 bpm with rest 50 and max 185, has x 0.629630 and TRIMP 121.48.")
  void trimpVectorC() {
    assertRoundsTo(HeartRateLoad.reserveFraction(135, C), "0.629630");
    assertRoundsTo(ActivityLoad.trimp(90, 135, C), "121.48");
  }

  @Test
  @DisplayName("Vector D: a woman, 30 min at 120 bpm with rest 60 and max 180, has x 0.5 and TRIMP 29.73.")
  void trimpVectorD() {
    assertRoundsTo(HeartRateLoad.reserveFraction(120, D), "0.500000");
    assertRoundsTo(ActivityLoad.trimp(30, 120, D), "29.73");
  }

  @Test
  @DisplayName("An average HR at or below resting HR scores a TRIMP of 0.")
  void heartRateAtOrBelowRestScoresZero() {
    assertThat(ActivityLoad.trimp(60, 60, A)).isEqualTo(0.0);
    assertThat(ActivityLoad.trimp(60, 45, A)).isEqualTo(0.0);
    assertThat(ActivityLoad.hrss(60, 45, A)).isEqualTo(0.0);
  }

  @Test
  @DisplayName("An average HR above max is clamped to x = 1: 60 min at 195 over max 190 gives 261.92, not the unclamped 292.85.")
  void heartRateAboveMaxIsClamped() {
    assertThat(HeartRateLoad.reserveFraction(195, A)).isEqualTo(1.0);
    assertRoundsTo(ActivityLoad.trimp(60, 195, A), "261.92");
    assertThat(ActivityLoad.trimp(60, 195, A)).isEqualTo(ActivityLoad.trimp(60, 190, A));
  }

  @Test
  @DisplayName("Raw TRIMP is sensitive to HRmax: 180, 190 and 200 give 121.56, 100.44 and 84.82.")
  void trimpSensitivityToMaxHr() {
    assertRoundsTo(ActivityLoad.trimp(60, 150, hr(Sex.MALE, 180, 60, 170)), "121.56");
    assertRoundsTo(ActivityLoad.trimp(60, 150, hr(Sex.MALE, 190, 60, 170)), "100.44");
    assertRoundsTo(ActivityLoad.trimp(60, 150, hr(Sex.MALE, 200, 60, 170)), "84.82");
  }

  @Test
  @DisplayName("Raw TRIMP is sensitive to HRrest: 50, 60 and 70 give 108.10, 100.44 and 92.07.")
  void trimpSensitivityToRestingHr() {
    assertRoundsTo(ActivityLoad.trimp(60, 150, hr(Sex.MALE, 190, 50, 170)), "108.10");
    assertRoundsTo(ActivityLoad.trimp(60, 150, hr(Sex.MALE, 190, 60, 170)), "100.44");
    assertRoundsTo(ActivityLoad.trimp(60, 150, hr(Sex.MALE, 190, 70, 170)), "92.07");
  }

  @Test
  @DisplayName("HRSS of vector A with LTHR 170: one hour at LTHR is TRIMP 164.9461, so HRSS is 60.89.")
  void hrssVectorA() {
    assertRoundsTo(ActivityLoad.trimp(60, 170, A), "164.9461");
    assertRoundsTo(ActivityLoad.hrss(60, 150, A), "60.89");
  }

  @Test
  @DisplayName("HRSS of vector A with the default LTHR 170.5 is 60.17.")
  void hrssVectorADefaultLthr() {
    assertRoundsTo(ActivityLoad.hrss(60, 150, hr(Sex.MALE, 190, 60, 170.5)), "60.17");
  }

  @Test
  @DisplayName("HRSS of vector B with LTHR 168: one hour at LTHR is TRIMP 191.5197, so HRSS is 62.88.")
  void hrssVectorB() {
    assertRoundsTo(ActivityLoad.trimp(60, 168, B), "191.5197");
    assertRoundsTo(ActivityLoad.hrss(45, 160, B), "62.88");
  }

  @Test
  @DisplayName("HRSS of vector B with the default LTHR 165.5 is 66.41.")
  void hrssVectorBDefaultLthr() {
    assertRoundsTo(ActivityLoad.hrss(45, 160, hr(Sex.FEMALE, 185, 55, 165.5)), "66.41");
  }

  @Test
  @DisplayName("With LTHR fixed, moving HRmax from 180 to 200 moves HRSS only from 59.4 to 62.2.")
  void hrssIsRobustToMaxHr() {
    assertRoundsTo(ActivityLoad.hrss(60, 150, hr(Sex.MALE, 180, 60, 170)), "59.4");
    assertRoundsTo(ActivityLoad.hrss(60, 150, hr(Sex.MALE, 200, 60, 170)), "62.2");
  }

  @Test
  @DisplayName("One hour at exactly LTHR scores HRSS 100 for either sex.")
  void oneHourAtThresholdIsOneHundred() {
    assertThat(ActivityLoad.hrss(60, 170, A)).isCloseTo(100.0, within(1e-9));
    assertThat(ActivityLoad.hrss(60, 168, B)).isCloseTo(100.0, within(1e-9));
  }

  @Test
  @DisplayName("Unknown sex scores exactly like male, not like female.")
  void unknownSexUsesMaleConstants() {
    Thresholds unknown = hr(Sex.UNKNOWN, 185, 55, 168);
    Thresholds male = hr(Sex.MALE, 185, 55, 168);
    assertThat(ActivityLoad.trimp(45, 160, unknown)).isEqualTo(ActivityLoad.trimp(45, 160, male));
    assertThat(ActivityLoad.trimp(45, 160, unknown)).isNotCloseTo(ActivityLoad.trimp(45, 160, B), within(1.0));
  }

  @Test
  @DisplayName("A steady HR stream of one hour gives the same HRSS as the average-HR form.")
  void steadyStreamMatchesAverage() {
    double[] stream = Fixtures.repeat(150, 3600);
    assertThat(HeartRateLoad.hrssFromStream(stream, A)).isCloseTo(ActivityLoad.hrss(60, 150, A), within(1e-9));
  }

  @Test
  @DisplayName("An uneven HR stream scores more than its average, because the weighting is convex.")
  void unevenStreamScoresAboveItsAverage() {
    double[] stream = Fixtures.concat(Fixtures.repeat(120, 1800), Fixtures.repeat(180, 1800));
    assertThat(HeartRateLoad.hrssFromStream(stream, A)).isGreaterThan(ActivityLoad.hrss(60, 150, A) + 1);
  }

  @Test
  @DisplayName("Missing (NaN) HR samples add no load and no time.")
  void missingSamplesAddNothing() {
    double[] withGap = Fixtures.concat(Fixtures.repeat(150, 1800), Fixtures.repeat(Double.NaN, 600),
        Fixtures.repeat(150, 1800));
    assertThat(HeartRateLoad.hrssFromStream(withGap, A)).isCloseTo(ActivityLoad.hrss(60, 150, A), within(1e-9));
  }

  @Test
  @DisplayName("Per-second stream samples above max are clamped like an average would be.")
  void streamSamplesAreClamped() {
    double[] spiky = Fixtures.repeat(250, 3600);
    assertThat(HeartRateLoad.hrssFromStream(spiky, A)).isCloseTo(ActivityLoad.hrss(60, 190, A), within(1e-9));
  }
}
