package fitcoach.load;

import static fitcoach.load.Fixtures.withFtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The load of an activity with legs (a triathlon) is the sum of its legs' loads. Thresholds: max HR 190, resting 60,
 * LTHR 170, FTP 250, all entered. At LTHR, HRSS is 100 per hour by definition, so t minutes at 170 bpm score 100·t/60;
 * one hour at NP = FTP scores 100.
 */
class MultisportLoadTest {
  private static final Function<String, OptionalDouble> NO_HISTORY = family -> OptionalDouble.empty();
  private static final String T = ActivityLoad.TRANSITION_FAMILY;

  private static ActivityData leg(String family, int movingS, Double avgHr, Double np) {
    return new ActivityData(family, movingS, avgHr, np, np, np != null, null, null, null, null);
  }

  /**
   * Swim 30 min with no HR or power; T1 3 min at 170 bpm; bike 1 h at NP 250 (HR 150); T2 1 min with power but no HR;
   * run 30 min at 170 bpm.
   */
  private static ActivityData triathlon(Integer rpe, Double override) {
    List<ActivityData> legs = List.of(leg("swim", 1800, null, null), leg(T, 180, 170.0, null), leg("ride", 3600, 150.0, 250.0),
        leg(T, 60, null, 300.0), leg("run", 1800, 170.0, null));
    // The whole-race averages are deliberately misleading: only the legs may count.
    return new ActivityData("multisport", 7440, 158.0, 250.0, 250.0, true, rpe, override, null, null, legs);
  }

  @Test
  @DisplayName("Swim by RPE 6 (30) + T1 by HR (5) + bike by power (100) + T2 without HR (0) + run by HR (50) = 185, POWER.")
  void triathlonIsTheSumOfItsLegs() {
    ActivityData race = triathlon(6, null);

    List<LoadResult> legs = ActivityLoad.legLoads(race, withFtp(250.0), NO_HISTORY);
    assertThat(legs).extracting(LoadResult::method).containsExactly(
        LoadMethod.RPE, LoadMethod.HEART_RATE, LoadMethod.POWER, LoadMethod.NONE, LoadMethod.HEART_RATE);
    double[] expected = {30, 5, 100, 0, 50};
    for (int i = 0; i < expected.length; i++) {
      assertThat(legs.get(i).load()).as("leg %d", i + 1).isCloseTo(expected[i], within(1e-9));
    }

    LoadResult r = ActivityLoad.compute(race, withFtp(250.0), NO_HISTORY);
    assertThat(r.load()).isCloseTo(185.0, within(1e-9));
    assertThat(r.method()).isEqualTo(LoadMethod.POWER);
    assertThat(r.usesEstimatedThreshold()).isFalse();
  }

  @Test
  @DisplayName("A leg with nothing measured takes the history rate of its own family: 40/h for swims makes the swim 20.")
  void legsUseTheirOwnFamilysHistoryRate() {
    Function<String, OptionalDouble> rates = family -> "swim".equals(family) ? OptionalDouble.of(40) : OptionalDouble.of(999);

    List<LoadResult> legs = ActivityLoad.legLoads(triathlon(null, null), withFtp(250.0), rates);

    assertThat(legs.get(0)).isEqualTo(new LoadResult(20.0, LoadMethod.HISTORY, false));
    // Transitions get no history rate: 999/h for T2 would be 16.65 out of nothing.
    assertThat(legs.get(3)).isEqualTo(new LoadResult(0.0, LoadMethod.NONE, false));
    assertThat(ActivityLoad.compute(triathlon(null, null), withFtp(250.0), rates).load()).isCloseTo(175.0, within(1e-9));
  }

  @Test
  @DisplayName("The rate for the activity's own family does not reach its legs: the swim without data scores 0, total 155.")
  void singleRateOverloadGivesLegsNoHistory() {
    LoadResult r = ActivityLoad.compute(triathlon(null, null), withFtp(250.0), OptionalDouble.of(80));

    assertThat(r.load()).isCloseTo(0 + 5 + 100 + 0 + 50, within(1e-9));
    assertThat(r.method()).isEqualTo(LoadMethod.POWER);
  }

  @Test
  @DisplayName("The athlete's override of the whole activity wins over its legs.")
  void overrideWinsOverLegs() {
    assertThat(ActivityLoad.compute(triathlon(6, null), withFtp(250.0), NO_HISTORY).method()).isEqualTo(LoadMethod.POWER);
    assertThat(ActivityLoad.compute(triathlon(6, 42.0), withFtp(250.0), NO_HISTORY))
        .isEqualTo(new LoadResult(42.0, LoadMethod.MANUAL, false));
  }

  @Test
  @DisplayName("With an estimated LTHR the race uses an estimated threshold through its HR legs, though power leads it.")
  void anyEstimatedLegMarksTheActivity() {
    Thresholds estimatedLthr = new Thresholds(Sex.MALE, 190, false, 60, false, 170, true, 250.0, false);

    LoadResult r = ActivityLoad.compute(triathlon(6, null), estimatedLthr, NO_HISTORY);

    assertThat(r.method()).isEqualTo(LoadMethod.POWER);
    assertThat(r.usesEstimatedThreshold()).isTrue();
  }

  @Test
  @DisplayName("Without FTP the bike counts by its HR: 60 min at 150 bpm adds HRSS(60, 150), and HR leads the race.")
  void withoutFtpTheBikeCountsByHeartRate() {
    LoadResult r = ActivityLoad.compute(triathlon(6, null), withFtp(null), NO_HISTORY);

    assertThat(r.load()).isCloseTo(30 + 5 + ActivityLoad.hrss(60, 150, withFtp(null)) + 0 + 50, within(1e-9));
    assertThat(r.method()).isEqualTo(LoadMethod.HEART_RATE);
  }

  @Test
  @DisplayName("A measured leg of load 0 (HR at rest) names the method over a leg with no data at all.")
  void measuredZeroBeatsNone() {
    ActivityData a = new ActivityData("multisport", 600, null, null, null, false, null, null, null, null,
        List.of(leg("swim", 300, null, null), leg(T, 300, 60.0, null)));

    assertThat(ActivityLoad.compute(a, withFtp(250.0), NO_HISTORY)).isEqualTo(new LoadResult(0.0, LoadMethod.HEART_RATE, false));
  }

  @Test
  @DisplayName("An activity without legs scores the same through either overload: 1 h at its family's 50/h is 50.")
  void noLegsIsUnchanged() {
    ActivityData ride = new ActivityData("ride", 3600, null, null, null, false, null, null, null, null);

    assertThat(ActivityLoad.compute(ride, withFtp(null), family -> "ride".equals(family) ? OptionalDouble.of(50) : OptionalDouble.empty()))
        .isEqualTo(ActivityLoad.compute(ride, withFtp(null), OptionalDouble.of(50)))
        .isEqualTo(new LoadResult(50.0, LoadMethod.HISTORY, false));
    assertThat(ActivityLoad.legLoads(ride, withFtp(null), NO_HISTORY)).isEmpty();
  }
}
