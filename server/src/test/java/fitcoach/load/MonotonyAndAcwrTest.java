package fitcoach.load;

import static fitcoach.load.Decimals.assertRoundsTo;
import static fitcoach.load.Fixtures.DAY_0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** §9.4: Foster monotony and strain, and the EWMA ACWR of the PMC. */
class MonotonyAndAcwrTest {

  private static final double[] FOURTEEN = {50, 80, 0, 100, 60, 150, 0, 70, 90, 0, 110, 60, 180, 30};
  private static final double[] BASE_WEEK = {60, 0, 80, 50, 0, 100, 40};
  private static final double[] RAMP_WEEK = {90, 0, 120, 70, 0, 150, 60};
  private static final double[] ACWR_SERIES = Fixtures.concat(BASE_WEEK, BASE_WEEK, BASE_WEEK, RAMP_WEEK);

  private static List<PmcDay> pmc(double[] loads) {
    return Pmc.compute(Fixtures.fromDay1(loads), DAY_0.plusDays(loads.length), PmcOptions.defaults());
  }

  @Test
  @DisplayName("Days 8–14 of the 14-day series: population SD 53.908464, monotony 1.4310, strain 772.74.")
  void monotonyDays8To14() {
    PmcDay day14 = pmc(FOURTEEN).get(14);
    assertRoundsTo(day14.monotony(), "1.4310");
    assertRoundsTo(day14.strain(), "772.74");
    assertRoundsTo((540.0 / 7) / day14.monotony(), "53.908464");
  }

  @Test
  @DisplayName("Days 1–7 of the 14-day series: population SD 49.775004, monotony 1.2628, strain 555.64.")
  void monotonyDays1To7() {
    PmcDay day7 = pmc(FOURTEEN).get(7);
    assertRoundsTo(day7.monotony(), "1.2628");
    assertRoundsTo(day7.strain(), "555.64");
    assertRoundsTo((440.0 / 7) / day7.monotony(), "49.775004");
  }

  @Test
  @DisplayName("A week of identical loads, or of rest, has SD 0 and so no monotony or strain (NaN, not infinity).")
  void equalLoadsHaveNoMonotony() {
    assertThat(Monotony.of(Fixtures.repeat(50, 7))).isNaN();
    assertThat(Monotony.of(Fixtures.repeat(0.1, 7))).isNaN();
    assertThat(Monotony.of(new double[7])).isNaN();
    assertThat(pmc(Fixtures.repeat(50, 10)).get(10).strain()).isNaN();
  }

  @Test
  @DisplayName("The PMC's EWMA ACWR starts from 0, so on day 28 it is 1.4001 (acute 70.6160 ÷ chronic 50.4359).")
  void ewmaSeededWithZeroInThePmc() {
    PmcDay day28 = pmc(ACWR_SERIES).get(28);
    assertRoundsTo(day28.acwr(), "1.4001");
  }

  @Test
  @DisplayName("With 210 days of the base pattern before the ramp week, the EWMA ACWR is 1.2414 (70.6318 ÷ 56.8957).")
  void ewmaAfterLongBase() {
    double[][] weeks = new double[31][];
    for (int w = 0; w < 30; w++) {
      weeks[w] = BASE_WEEK;
    }
    weeks[30] = RAMP_WEEK;
    double[] series = Fixtures.concat(weeks);
    assertRoundsTo(pmc(series).get(series.length).acwr(), "1.2414");
  }

  @Test
  @DisplayName("ACWR is NaN while the chronic average is still 0, on the zero day before the first load.")
  void acwrUndefinedBeforeAnyLoad() {
    List<PmcDay> days = pmc(ACWR_SERIES);
    assertThat(days.get(0).acwr()).isNaN();
    assertThat(days.get(1).acwr()).isGreaterThan(0);
  }
}
