package fitcoach.load;

import static fitcoach.load.Decimals.assertRoundsTo;
import static fitcoach.load.Fixtures.withFtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Method priority of {@link ActivityLoad#compute}: MANUAL → POWER → HEART_RATE → RPE → HISTORY → NONE. */
class ActivityLoadTest {

  private static final OptionalDouble NO_HISTORY = OptionalDouble.empty();

  /** A one-hour ride with every source present: power 250 NP, avg HR 150, RPE 7. */
  private static ActivityData everything() {
    return new ActivityData("ride", 3600, 150.0, 230.0, 250.0, true, 7, null, null, null);
  }

  private static ActivityData with(Double avgHr, Double weightedPowerW, boolean deviceWatts, Integer rpe,
      Double override, double[] hrStream, double[] powerStream) {
    return new ActivityData("ride", 3600, avgHr, null, weightedPowerW, deviceWatts, rpe, override, hrStream, powerStream);
  }

  @Test
  @DisplayName("Session RPE: 60 min at RPE 7 is 420 AU, so load 70.0; 75 min at RPE 4 is 300 AU, so 50.0.")
  void rpeVectors() {
    assertRoundsTo(ActivityLoad.rpeLoad(7, 60), "70.0");
    assertRoundsTo(ActivityLoad.rpeLoad(4, 75), "50.0");
  }

  @Test
  @DisplayName("An athlete's override wins over every measured source and is returned as MANUAL.")
  void overrideWins() {
    ActivityData a = with(150.0, 250.0, true, 7, 42.0, Fixtures.repeat(150, 3600), Fixtures.intervalStream());
    assertThat(ActivityLoad.compute(a, withFtp(250.0), OptionalDouble.of(80)))
        .isEqualTo(new LoadResult(42.0, LoadMethod.MANUAL, false));
  }

  @Test
  @DisplayName("An override of 0 is a real choice and still wins.")
  void zeroOverrideWins() {
    ActivityData a = with(150.0, 250.0, true, 7, 0.0, null, null);
    assertThat(ActivityLoad.compute(a, withFtp(250.0), NO_HISTORY).method()).isEqualTo(LoadMethod.MANUAL);
  }

  @Test
  @DisplayName("A negative or NaN override is ignored and the next method applies.")
  void invalidOverrideIsIgnored() {
    assertThat(ActivityLoad.compute(with(150.0, 250.0, true, 7, -5.0, null, null), withFtp(250.0), NO_HISTORY).method())
        .isEqualTo(LoadMethod.POWER);
    assertThat(ActivityLoad.compute(with(150.0, 250.0, true, 7, Double.NaN, null, null), withFtp(250.0), NO_HISTORY).method())
        .isEqualTo(LoadMethod.POWER);
  }

  @Test
  @DisplayName("With device power and a known FTP, power wins over HR and RPE: 1 h at NP 250 and FTP 250 is 100.")
  void powerFromWeightedPower() {
    LoadResult r = ActivityLoad.compute(everything(), withFtp(250.0), NO_HISTORY);
    assertThat(r.method()).isEqualTo(LoadMethod.POWER);
    assertThat(r.load()).isCloseTo(100.0, within(1e-9));
    assertThat(r.usesEstimatedThreshold()).isFalse();
  }

  @Test
  @DisplayName("A power stream is preferred over the weighted-power summary, over the seconds it covers.")
  void powerFromStream() {
    ActivityData a = with(null, 400.0, true, null, null, null, Fixtures.intervalStream());
    LoadResult r = ActivityLoad.compute(a, withFtp(250.0), NO_HISTORY);
    assertThat(r.method()).isEqualTo(LoadMethod.POWER);
    assertRoundsTo(r.load(), "48.57");
  }

  @Test
  @DisplayName("A power stream shorter than 30 samples falls back to weighted power over the moving time.")
  void shortPowerStreamFallsBackToWeightedPower() {
    ActivityData a = with(null, 250.0, true, null, null, null, Fixtures.repeat(400, 20));
    assertThat(ActivityLoad.compute(a, withFtp(250.0), NO_HISTORY).load()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  @DisplayName("Power that is not from a device (Strava's estimate) is skipped in favour of HR.")
  void estimatedWattsAreNotPower() {
    ActivityData a = with(150.0, 250.0, false, 7, null, null, Fixtures.intervalStream());
    LoadResult r = ActivityLoad.compute(a, withFtp(250.0), NO_HISTORY);
    assertThat(r.method()).isEqualTo(LoadMethod.HEART_RATE);
    assertRoundsTo(r.load(), "60.89");
  }

  @Test
  @DisplayName("Without a known FTP, device power is skipped in favour of HR.")
  void unknownFtpSkipsPower() {
    assertThat(ActivityLoad.compute(everything(), withFtp(null), NO_HISTORY).method()).isEqualTo(LoadMethod.HEART_RATE);
  }

  @Test
  @DisplayName("Device power with neither a usable stream nor weighted power falls through to HR, not to average power.")
  void averagePowerAloneIsNotPower() {
    ActivityData a = new ActivityData("ride", 3600, 150.0, 230.0, null, true, null, null, null, null);
    assertThat(ActivityLoad.compute(a, withFtp(250.0), NO_HISTORY).method()).isEqualTo(LoadMethod.HEART_RATE);
  }

  @Test
  @DisplayName("HR load from the average uses moving time: 1 h at 150 bpm with 190/60/170 is HRSS 60.89.")
  void heartRateFromAverage() {
    LoadResult r = ActivityLoad.compute(with(150.0, null, false, 7, null, null, null), withFtp(null), NO_HISTORY);
    assertThat(r.method()).isEqualTo(LoadMethod.HEART_RATE);
    assertRoundsTo(r.load(), "60.89");
  }

  @Test
  @DisplayName("An HR stream is preferred over the average HR and summed per second.")
  void heartRateFromStream() {
    double[] stream = Fixtures.concat(Fixtures.repeat(120, 1800), Fixtures.repeat(180, 1800));
    LoadResult r = ActivityLoad.compute(with(150.0, null, false, null, null, stream, null), withFtp(null), NO_HISTORY);
    assertThat(r.method()).isEqualTo(LoadMethod.HEART_RATE);
    assertThat(r.load()).isEqualTo(HeartRateLoad.hrssFromStream(stream, withFtp(null)));
    assertThat(r.load()).isGreaterThan(ActivityLoad.hrss(60, 150, withFtp(null)) + 1);
  }

  @Test
  @DisplayName("An HR stream of only NaN samples is no stream: the average HR is used.")
  void emptyHrStreamFallsBackToAverage() {
    ActivityData a = with(150.0, null, false, null, null, Fixtures.repeat(Double.NaN, 100), null);
    assertRoundsTo(ActivityLoad.compute(a, withFtp(null), NO_HISTORY).load(), "60.89");
  }

  @Test
  @DisplayName("HR thresholds with max HR not above resting HR cannot score HR, so RPE applies.")
  void unusableHrThresholdsFallThrough() {
    Thresholds broken = new Thresholds(Sex.MALE, 60, false, 60, false, 170, false, null, false);
    assertThat(ActivityLoad.compute(with(150.0, null, false, 7, null, null, null), broken, NO_HISTORY).method())
        .isEqualTo(LoadMethod.RPE);
  }

  @Test
  @DisplayName("An HR load is flagged when any HR threshold was estimated, a power load only when FTP was.")
  void estimatedThresholdFlags() {
    Thresholds estimatedLthr = new Thresholds(Sex.MALE, 190, false, 60, false, 170.5, true, 250.0, false);
    assertThat(ActivityLoad.compute(everything(), estimatedLthr, NO_HISTORY).usesEstimatedThreshold()).isFalse();
    assertThat(ActivityLoad.compute(with(150.0, null, false, null, null, null, null), estimatedLthr, NO_HISTORY)
        .usesEstimatedThreshold()).isTrue();
    Thresholds estimatedFtp = new Thresholds(Sex.MALE, 190, false, 60, false, 170, false, 250.0, true);
    assertThat(ActivityLoad.compute(everything(), estimatedFtp, NO_HISTORY).usesEstimatedThreshold()).isTrue();
  }

  @Test
  @DisplayName("Without power or HR, RPE scores RPE × minutes ÷ 6 over the moving time.")
  void rpeBranch() {
    ActivityData a = new ActivityData("run", 75 * 60, null, null, null, false, 4, null, null, null);
    assertThat(ActivityLoad.compute(a, withFtp(null), OptionalDouble.of(80)))
        .isEqualTo(new LoadResult(50.0, LoadMethod.RPE, false));
  }

  @Test
  @DisplayName("An RPE outside 1..10 is ignored and the history estimate applies.")
  void outOfRangeRpeIsIgnored() {
    ActivityData a = new ActivityData("run", 3600, null, null, null, false, 11, null, null, null);
    assertThat(ActivityLoad.compute(a, withFtp(null), OptionalDouble.of(55)).method()).isEqualTo(LoadMethod.HISTORY);
    ActivityData zero = new ActivityData("run", 3600, null, null, null, false, 0, null, null, null);
    assertThat(ActivityLoad.compute(zero, withFtp(null), OptionalDouble.of(55)).method()).isEqualTo(LoadMethod.HISTORY);
  }

  @Test
  @DisplayName("With no power, HR or RPE, the sport's history rate × moving hours is used: 55/h for 90 min is 82.5.")
  void historyBranch() {
    ActivityData a = new ActivityData("swim", 5400, null, null, null, false, null, null, null, null);
    assertThat(ActivityLoad.compute(a, withFtp(null), OptionalDouble.of(55)))
        .isEqualTo(new LoadResult(82.5, LoadMethod.HISTORY, false));
  }

  @Test
  @DisplayName("With no data and no history rate, the load is 0 and the method NONE.")
  void noneBranch() {
    ActivityData a = new ActivityData("other", 3600, null, null, null, false, null, null, null, null);
    assertThat(ActivityLoad.compute(a, withFtp(250.0), NO_HISTORY)).isEqualTo(new LoadResult(0.0, LoadMethod.NONE, false));
  }

  @Test
  @DisplayName("A NaN history rate counts as no history, so the method is NONE.")
  void nanHistoryRateIsNone() {
    ActivityData a = new ActivityData("other", 3600, null, null, null, false, null, null, null, null);
    assertThat(ActivityLoad.compute(a, withFtp(null), OptionalDouble.of(Double.NaN)).method()).isEqualTo(LoadMethod.NONE);
  }
}
