package fitcoach.load;

import static fitcoach.load.Decimals.assertRoundsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §6 and §9.7: the age formula, the robust observed max, and which values end up marked estimated. */
class ProfileEstimatorTest {

  private static final double[] NONE = {};

  private static ProfileFacts facts(Integer age, double[] observedMaxHrs) {
    return new ProfileFacts(Sex.MALE, age, null, null, null, null, observedMaxHrs, NONE);
  }

  @ParameterizedTest(name = "Age {0}: Tanaka {1}.")
  @DisplayName("With only age known, HRmax is the Tanaka column of the table of §9.7.")
  @CsvSource({
      "25, 190.5",
      "40, 180.0",
      "55, 169.5"})
  void maxHrByAge(int age, String tanaka) {
    assertRoundsTo(ProfileEstimator.estimate(facts(age, NONE)).maxHr(), tanaka);
  }

  @Test
  @DisplayName("An empty profile gets HRmax 180, HRrest 60, LTHR 162, no FTP, unknown sex, all HR values marked estimated.")
  void emptyProfile() {
    Thresholds t = ProfileEstimator.estimate(new ProfileFacts(null, null, null, null, null, null, NONE, NONE));
    assertThat(t.sex()).isEqualTo(Sex.UNKNOWN);
    assertThat(t.maxHr()).isEqualTo(180.0);
    assertThat(t.restingHr()).isEqualTo(60.0);
    assertThat(t.lthr()).isCloseTo(162.0, within(1e-9));
    assertThat(t.maxHrEstimated() && t.restingHrEstimated() && t.lthrEstimated()).isTrue();
    assertThat(t.ftpW()).isNull();
    assertThat(t.ftpEstimated()).isFalse();
  }

  @Test
  @DisplayName("With only age known, HRmax is Tanaka's: age 40 gives 180.")
  void ageOnly() {
    assertThat(ProfileEstimator.estimate(facts(40, NONE)).maxHr()).isEqualTo(180.0);
    assertThat(ProfileEstimator.estimate(facts(25, NONE)).maxHr()).isEqualTo(190.5);
  }

  @Test
  @DisplayName("A robust observed max above the age estimate wins: age 40 with maxima 185, 192, 188 gives 188.")
  void observedAboveAgeWins() {
    assertThat(ProfileEstimator.estimate(facts(40, new double[] {185, 192, 188})).maxHr()).isEqualTo(188.0);
  }

  @Test
  @DisplayName("The age estimate wins over lower observed maxima: age 25 with maxima 170 and 175 gives 190.5.")
  void ageAboveObservedWins() {
    assertThat(ProfileEstimator.estimate(facts(25, new double[] {170, 175})).maxHr()).isEqualTo(190.5);
  }

  @Test
  @DisplayName("Without age, the robust observed max is used as it is, even below the 180 fallback.")
  void observedWithoutAge() {
    Thresholds t = ProfileEstimator.estimate(facts(null, new double[] {160, 168, 171}));
    assertThat(t.maxHr()).isEqualTo(168.0);
    assertThat(t.maxHrEstimated()).isTrue();
  }

  @Test
  @DisplayName("The robust observed max is the 2nd-highest value, so one spiky activity cannot set HRmax.")
  void secondHighestIgnoresOneSpike() {
    assertThat(ProfileEstimator.robustObservedMaxHr(new double[] {178, 212, 181, 175})).hasValue(181.0);
  }

  @Test
  @DisplayName("Maxima above 220, below 100 or NaN are rejected before picking the 2nd-highest.")
  void implausibleMaximaAreRejected() {
    assertThat(ProfileEstimator.robustObservedMaxHr(new double[] {240, 230, 185, 182, 95, Double.NaN})).hasValue(182.0);
    assertThat(ProfileEstimator.robustObservedMaxHr(new double[] {220, 220, 100})).hasValue(220.0);
    assertThat(ProfileEstimator.robustObservedMaxHr(new double[] {99.9, 221})).isEmpty();
  }

  @Test
  @DisplayName("The evidence is the two highest clean maxima, highest first, equal values in input order; the estimate is the last.")
  void evidenceOfTheRobustMaximum() {
    assertThat(ProfileEstimator.robustEvidence(new double[] {178, 212, 181, 175})).containsExactly(1, 2);
    assertThat(ProfileEstimator.robustEvidence(new double[] {240, 181, 95, 181, Double.NaN, 183})).containsExactly(5, 1);
    assertThat(ProfileEstimator.robustEvidence(new double[] {150, 190, 190})).containsExactly(1, 2);
    assertThat(ProfileEstimator.robustEvidence(new double[] {99, 187})).containsExactly(1);
    assertThat(ProfileEstimator.robustEvidence(new double[] {221, 99.9})).isEmpty();
    assertThat(ProfileEstimator.robustEvidence(null)).isEmpty();
  }

  @Test
  @DisplayName("A single clean maximum is used as it is; no maxima give no observed value.")
  void singleOrNoMaximum() {
    assertThat(ProfileEstimator.robustObservedMaxHr(new double[] {187})).hasValue(187.0);
    assertThat(ProfileEstimator.robustObservedMaxHr(NONE)).isEmpty();
    assertThat(ProfileEstimator.robustObservedMaxHr(null)).isEmpty();
  }

  @Test
  @DisplayName("Defaults HRrest 60 and HRmax 190 give the estimated LTHR 170.5 of §6.")
  void defaultLthr() {
    Thresholds t = ProfileEstimator.estimate(new ProfileFacts(Sex.MALE, null, 190, null, null, null, NONE, NONE));
    assertThat(t.lthr()).isCloseTo(170.5, within(1e-9));
    assertThat(t.lthrEstimated()).isTrue();
    assertThat(t.restingHrEstimated()).isTrue();
    assertThat(t.maxHrEstimated()).isFalse();
  }

  @Test
  @DisplayName("Entered values win over estimates and are not marked estimated, even when the data shows more.")
  void enteredValuesWin() {
    ProfileFacts f = new ProfileFacts(Sex.FEMALE, 30, 185, 48, 165, 230, new double[] {200, 199}, new double[] {300});
    assertThat(ProfileEstimator.estimate(f))
        .isEqualTo(new Thresholds(Sex.FEMALE, 185, false, 48, false, 165, false, 230.0, false));
  }

  @Test
  @DisplayName("Entered zeros count as unknown and are estimated instead.")
  void zerosAreUnknown() {
    Thresholds t = ProfileEstimator.estimate(new ProfileFacts(Sex.MALE, 0, 0, 0, 0, 0, NONE, NONE));
    assertThat(t.maxHr()).isEqualTo(ProfileEstimator.FALLBACK_MAX_HR);
    assertThat(t.restingHr()).isEqualTo(60.0);
    assertThat(t.ftpW()).isNull();
  }

  @Test
  @DisplayName("Without an entered FTP, it is 0.95 × the best 20-min power and marked estimated.")
  void ftpFromBestTwentyMinutes() {
    ProfileFacts f = new ProfileFacts(Sex.MALE, 40, null, null, null, null, NONE, new double[] {240, 260, Double.NaN, 250});
    Thresholds t = ProfileEstimator.estimate(f);
    assertThat(t.ftpW()).isCloseTo(247.0, within(1e-9));
    assertThat(t.ftpEstimated()).isTrue();
  }
}
