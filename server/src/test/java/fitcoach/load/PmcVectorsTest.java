package fitcoach.load;

import static fitcoach.load.Decimals.assertRoundsTo;
import static fitcoach.load.Fixtures.DAY_0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §9.3, §9.5 and §9.6: the 14-day PMC under both gains, seeding from zero and the rest gap. */
class PmcVectorsTest {

  private static final double[] FOURTEEN = {50, 80, 0, 100, 60, 150, 0, 70, 90, 0, 110, 60, 180, 30};
  private static final PmcOptions LINEAR = new PmcOptions(42, 7, Gain.LINEAR, Optional.empty());
  private static final PmcOptions EXPONENTIAL = PmcOptions.defaults();

  private static List<PmcDay> fourteenDays(PmcOptions options) {
    return Pmc.compute(Fixtures.fromDay1(FOURTEEN), DAY_0.plusDays(14), options);
  }

  @ParameterizedTest(name = "Day {0} (load {1}): CTL {2}, ATL {3}, same-day TSB {4}, TP TSB {5}.")
  @DisplayName("Every row of the TrainingPeaks 14-day table (linear gain) is reproduced.")
  @CsvSource({
      "1, 50, 1.1905, 7.1429, -5.9524, 0.0000",
      "2, 80, 3.0669, 17.5510, -14.4841, -5.9524",
      "3, 0, 2.9939, 15.0437, -12.0499, -14.4841",
      "4, 100, 5.3035, 27.1803, -21.8768, -12.0499",
      "5, 60, 6.6058, 31.8689, -25.2630, -21.8768",
      "6, 150, 10.0200, 48.7447, -38.7248, -25.2630",
      "7, 0, 9.7814, 41.7812, -31.9998, -38.7248",
      "8, 70, 11.2152, 45.8125, -34.5973, -31.9998",
      "9, 90, 13.0910, 52.1250, -39.0339, -34.5973",
      "10, 0, 12.7793, 44.6785, -31.8992, -39.0339",
      "11, 110, 15.0941, 54.0102, -38.9161, -31.8992",
      "12, 60, 16.1633, 54.8659, -38.7026, -38.9161",
      "13, 180, 20.0642, 72.7422, -52.6780, -38.7026",
      "14, 30, 20.3007, 66.6361, -46.3354, -52.6780"})
  void linearTableRow(int day, double load, String ctl, String atl, String sameDay, String tpForm) {
    PmcDay d = fourteenDays(LINEAR).get(day);
    assertThat(d.date()).isEqualTo(DAY_0.plusDays(day));
    assertThat(d.load()).isEqualTo(load);
    assertRoundsTo(d.ctl(), ctl);
    assertRoundsTo(d.atl(), atl);
    assertRoundsTo(d.formAfter(), sameDay);
    assertRoundsTo(d.form(), tpForm);
  }

  @Test
  @DisplayName("Day 14 under the linear gain: CTL 20.3007, ATL 66.6361, TSB −46.3354 same-day, −52.6780 TP-style, ramp 10.5193.")
  void linearDay14() {
    PmcDay d = fourteenDays(LINEAR).get(14);
    assertRoundsTo(d.ctl(), "20.3007");
    assertRoundsTo(d.atl(), "66.6361");
    assertRoundsTo(d.formAfter(), "-46.3354");
    assertRoundsTo(d.form(), "-52.6780");
    assertRoundsTo(d.ramp(), "10.5193");
  }

  @Test
  @DisplayName("Day 14 under the exponential gain: CTL 20.0933, ATL 64.8506, TSB −44.7573 same-day, −50.3479 TP-style, ramp 10.4196.")
  void exponentialDay14() {
    PmcDay d = fourteenDays(EXPONENTIAL).get(14);
    assertRoundsTo(d.ctl(), "20.0933");
    assertRoundsTo(d.atl(), "64.8506");
    assertRoundsTo(d.formAfter(), "-44.7573");
    assertRoundsTo(d.form(), "-50.3479");
    assertRoundsTo(d.ramp(), "10.4196");
  }

  @Test
  @DisplayName("Exponential intermediate values: day 7 CTL 9.6737 and ATL 40.0227, day 13 CTL 19.8546 and ATL 70.2024.")
  void exponentialIntermediates() {
    List<PmcDay> days = fourteenDays(EXPONENTIAL);
    assertRoundsTo(days.get(7).ctl(), "9.6737");
    assertRoundsTo(days.get(7).atl(), "40.0227");
    assertRoundsTo(days.get(13).ctl(), "19.8546");
    assertRoundsTo(days.get(13).atl(), "70.2024");
  }

  @Test
  @DisplayName("The gains are 0.02380952 and 0.14285714 (linear) and 0.02352831 and 0.13312210 (exponential).")
  void gains() {
    assertRoundsTo(Gain.LINEAR.k(42), "0.02380952");
    assertRoundsTo(Gain.LINEAR.k(7), "0.14285714");
    assertRoundsTo(Gain.EXPONENTIAL.k(42), "0.02352831");
    assertRoundsTo(Gain.EXPONENTIAL.k(7), "0.13312210");
  }

  @ParameterizedTest(name = "Day {0}: CTL {1} linear and {2} exponential, ATL {3} linear and {4} exponential.")
  @DisplayName("Every row of the constant-50 seeding table of §9.5 is reproduced under both gains.")
  @CsvSource({
      "7, 7.7612, 7.6759, 33.0042, 31.6060",
      "14, 14.3176, 14.1734, 44.2228, 43.2332",
      "28, 24.5353, 24.3291, 49.3325, 49.0842",
      "42, 31.8272, 31.6060, 49.9229, 49.8761",
      "90, 44.2841, 44.1340, 50.0000, 49.9999",
      "126, 47.5994, 47.5106, 50.0000, 50.0000",
      "168, 49.1275, 49.0842, 50.0000, 50.0000",
      "200, 49.5965, 49.5725, 50.0000, 50.0000"})
  void constantLoadFromZero(int day, String ctlLinear, String ctlExp, String atlLinear, String atlExp) {
    PmcDay linear = Pmc.compute(Fixtures.fromDay1(Fixtures.repeat(50, day)), DAY_0.plusDays(day), LINEAR).get(day);
    PmcDay exp = Pmc.compute(Fixtures.fromDay1(Fixtures.repeat(50, day)), DAY_0.plusDays(day), EXPONENTIAL).get(day);
    assertRoundsTo(linear.ctl(), ctlLinear);
    assertRoundsTo(exp.ctl(), ctlExp);
    assertRoundsTo(linear.atl(), atlLinear);
    assertRoundsTo(exp.atl(), atlExp);
    // the closed forms of §9.5
    assertRoundsTo(50 * (1 - Math.pow(41.0 / 42.0, day)), ctlLinear);
    assertRoundsTo(50 * (1 - Math.exp(-day / 42.0)), ctlExp);
  }

  @Test
  @DisplayName("Seeded at the steady state of 50, CTL stays at 50.0000 every day of constant 50 load.")
  void steadyStateSeedStaysPut() {
    PmcOptions seeded = new PmcOptions(42, 7, Gain.EXPONENTIAL, Optional.of(new PmcSeed(DAY_0, 50, 50)));
    List<PmcDay> days = Pmc.compute(Fixtures.fromDay1(Fixtures.repeat(50, 200)), DAY_0.plusDays(200), seeded);
    assertThat(days).hasSize(201);
    days.forEach(d -> assertRoundsTo(d.ctl(), "50.0000"));
  }

  @Test
  @DisplayName("Importing only 90 days of a steady 50/day athlete reads CTL 44.13 (5.87 low); 180 days reads 0.69 low.")
  void importWindowError() {
    double ctl90 = Pmc.compute(Fixtures.fromDay1(Fixtures.repeat(50, 90)), DAY_0.plusDays(90), EXPONENTIAL).get(90).ctl();
    double ctl180 = Pmc.compute(Fixtures.fromDay1(Fixtures.repeat(50, 180)), DAY_0.plusDays(180), EXPONENTIAL).get(180).ctl();
    assertRoundsTo(ctl90, "44.13");
    assertRoundsTo(ctl90 - 50, "-5.87");
    assertRoundsTo(ctl180 - 50, "-0.69");
  }

  @Test
  @DisplayName("Rest gap, linear: from CTL 60 and ATL 80, seven empty days give CTL 50.6866, ATL 27.1933, TSB 23.4933.")
  void restGapLinear() {
    PmcDay last = restGap(Gain.LINEAR);
    assertRoundsTo(last.ctl(), "50.6866");
    assertRoundsTo(last.atl(), "27.1933");
    assertRoundsTo(last.formAfter(), "23.4933");
  }

  @Test
  @DisplayName("Rest gap, exponential: from CTL 60 and ATL 80, seven empty days give CTL 50.7889, ATL 29.4304, TSB 21.3585.")
  void restGapExponential() {
    PmcDay last = restGap(Gain.EXPONENTIAL);
    assertRoundsTo(last.ctl(), "50.7889");
    assertRoundsTo(last.atl(), "29.4304");
    assertRoundsTo(last.formAfter(), "21.3585");
  }

  /** Seed 60/80 at the end of DAY_0, then no activity at all for seven days. */
  private static PmcDay restGap(Gain gain) {
    PmcOptions seeded = new PmcOptions(42, 7, gain, Optional.of(new PmcSeed(DAY_0, 60, 80)));
    List<PmcDay> days = Pmc.compute(new java.util.TreeMap<>(), DAY_0.plusDays(7), seeded);
    assertThat(days).hasSize(8);
    return days.get(7);
  }
}
