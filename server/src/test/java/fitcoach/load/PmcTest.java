package fitcoach.load;

import static fitcoach.load.Fixtures.DAY_0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link Pmc#compute}: calendar stepping, range, seed convention, ramp rule and zones. */
class PmcTest {

  private static PmcOptions seededAt(LocalDate date, double ctl, double atl) {
    return new PmcOptions(42, 7, Gain.EXPONENTIAL, Optional.of(new PmcSeed(date, ctl, atl)));
  }

  @Test
  @DisplayName("An empty map with no seed gives an empty series.")
  void emptyWithoutSeed() {
    assertThat(Pmc.compute(new TreeMap<>(), DAY_0, PmcOptions.defaults())).isEmpty();
  }

  @Test
  @DisplayName("The series starts at zero on the day before the first load and ends on the requested day.")
  void startsTheDayBeforeTheFirstLoad() {
    SortedMap<LocalDate, Double> loads = new TreeMap<>();
    loads.put(LocalDate.of(2024, 3, 10), 80.0);
    List<PmcDay> days = Pmc.compute(loads, LocalDate.of(2024, 3, 12), PmcOptions.defaults());
    assertThat(days).extracting(PmcDay::date)
        .containsExactly(LocalDate.of(2024, 3, 9), LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 11),
            LocalDate.of(2024, 3, 12));
    assertThat(days.get(0).ctl()).isZero();
    assertThat(days.get(0).atl()).isZero();
    assertThat(days.get(0).form()).isZero();
  }

  @Test
  @DisplayName("Every calendar day is stepped, including empty days between sparse loads, so fatigue decays over a gap.")
  void stepsEveryCalendarDay() {
    SortedMap<LocalDate, Double> loads = new TreeMap<>();
    loads.put(DAY_0.plusDays(1), 100.0);
    loads.put(DAY_0.plusDays(31), 100.0);
    List<PmcDay> days = Pmc.compute(loads, DAY_0.plusDays(31), PmcOptions.defaults());
    assertThat(days).hasSize(32);
    for (int i = 0; i < days.size(); i++) {
      assertThat(days.get(i).date()).isEqualTo(DAY_0.plusDays(i));
    }
    assertThat(days.get(15).load()).isZero();
    double k = Gain.EXPONENTIAL.k(7);
    // after day 1, ATL = 100k and then decays by (1 − k) on each of the 29 empty days
    assertThat(days.get(30).atl()).isCloseTo(100 * k * Math.pow(1 - k, 29), within(1e-9));
  }

  @Test
  @DisplayName("Days after the last load up to the requested day decay with zero load.")
  void decaysAfterTheLastLoad() {
    List<PmcDay> days = Pmc.compute(Fixtures.fromDay1(100), DAY_0.plusDays(10), PmcOptions.defaults());
    assertThat(days).hasSize(11);
    for (int i = 2; i <= 10; i++) {
      assertThat(days.get(i).load()).isZero();
      assertThat(days.get(i).ctl()).isLessThan(days.get(i - 1).ctl());
      assertThat(days.get(i).atl()).isLessThan(days.get(i - 1).atl());
    }
  }

  @Test
  @DisplayName("Loads after the requested day are ignored, and a requested day before the start gives an empty series.")
  void endIsRespected() {
    SortedMap<LocalDate, Double> loads = Fixtures.fromDay1(50, 60, 70);
    List<PmcDay> days = Pmc.compute(loads, DAY_0.plusDays(1), PmcOptions.defaults());
    assertThat(days).extracting(PmcDay::load).containsExactly(0.0, 50.0);
    assertThat(Pmc.compute(loads, DAY_0.minusDays(1), PmcOptions.defaults())).isEmpty();
  }

  @Test
  @DisplayName("Form is yesterday's CTL − ATL and formAfter is today's.")
  void formConventions() {
    List<PmcDay> days = Pmc.compute(Fixtures.fromDay1(50, 80, 0, 100), DAY_0.plusDays(4), PmcOptions.defaults());
    for (int i = 1; i < days.size(); i++) {
      assertThat(days.get(i).form()).isEqualTo(days.get(i - 1).ctl() - days.get(i - 1).atl());
      assertThat(days.get(i).formAfter()).isEqualTo(days.get(i).ctl() - days.get(i).atl());
      assertThat(days.get(i).zone()).isEqualTo(Pmc.zone(days.get(i).form()));
    }
  }

  @Test
  @DisplayName("A seed sets CTL/ATL at the end of its date: earlier days are not shown and that day's own load is ignored.")
  void seedConvention() {
    SortedMap<LocalDate, Double> loads = Fixtures.fromDay1(100, 100, 100, 100, 100);
    LocalDate seedDate = DAY_0.plusDays(3);
    List<PmcDay> days = Pmc.compute(loads, DAY_0.plusDays(5), seededAt(seedDate, 40, 30));
    assertThat(days).extracting(PmcDay::date).containsExactly(seedDate, seedDate.plusDays(1), seedDate.plusDays(2));
    PmcDay seedDay = days.get(0);
    assertThat(seedDay.load()).isEqualTo(100.0);
    assertThat(seedDay.ctl()).isEqualTo(40.0);
    assertThat(seedDay.atl()).isEqualTo(30.0);
    assertThat(seedDay.form()).isEqualTo(10.0);
    assertThat(seedDay.formAfter()).isEqualTo(10.0);
    assertThat(seedDay.ramp()).isZero();
    assertThat(days.get(1).ctl()).isCloseTo(40 + (100 - 40) * Gain.EXPONENTIAL.k(42), within(1e-12));
    assertThat(days.get(1).form()).isEqualTo(10.0);
  }

  @Test
  @DisplayName("A seed without any loads still gives a decaying series from the seed date.")
  void seedWithoutLoads() {
    List<PmcDay> days = Pmc.compute(new TreeMap<>(), DAY_0.plusDays(2), seededAt(DAY_0, 60, 80));
    assertThat(days).hasSize(3);
    assertThat(days.get(2).ctl()).isLessThan(60).isGreaterThan(55);
  }

  @Test
  @DisplayName("Ramp is CTL(d) − CTL(d−7), using the start value (0, or the seed's CTL) for days before the series.")
  void rampRule() {
    List<PmcDay> days = Pmc.compute(Fixtures.fromDay1(Fixtures.repeat(60, 20)), DAY_0.plusDays(20), PmcOptions.defaults());
    assertThat(days.get(3).ramp()).isEqualTo(days.get(3).ctl());
    assertThat(days.get(6).ramp()).isEqualTo(days.get(6).ctl());
    assertThat(days.get(7).ramp()).isEqualTo(days.get(7).ctl() - days.get(0).ctl());
    assertThat(days.get(20).ramp()).isEqualTo(days.get(20).ctl() - days.get(13).ctl());

    List<PmcDay> seeded = Pmc.compute(Fixtures.fromDay1(Fixtures.repeat(60, 20)), DAY_0.plusDays(20), seededAt(DAY_0, 50, 50));
    assertThat(seeded.get(3).ramp()).isCloseTo(seeded.get(3).ctl() - 50, within(1e-12));
    assertThat(seeded.get(3).ramp()).isLessThan(1.0);
  }

  @Test
  @DisplayName("Loads the caller could not compute (NaN or infinite) count as rest days.")
  void nonFiniteLoadsCountAsRest() {
    List<PmcDay> days = Pmc.compute(Fixtures.fromDay1(50, Double.NaN, Double.POSITIVE_INFINITY, 50), DAY_0.plusDays(4),
        PmcOptions.defaults());
    assertThat(days.get(2).load()).isZero();
    assertThat(days.get(3).load()).isZero();
    assertThat(days.get(4).ctl()).isFinite();
  }

  @Test
  @DisplayName("Ten years of daily loads give one row per calendar day.")
  void tenYearsIsOneRowPerDay() {
    SortedMap<LocalDate, Double> loads = new TreeMap<>();
    for (int i = 1; i <= 3650; i++) {
      loads.put(DAY_0.plusDays(i), (double) (i * 37 % 150));
    }
    List<PmcDay> days = Pmc.compute(loads, DAY_0.plusDays(3650), PmcOptions.defaults());
    assertThat(days).hasSize(3651);
    assertThat(days.get(3650).ctl()).isBetween(50.0, 100.0);
  }

  @Test
  @DisplayName("Warming up lasts while fewer than 126 days have passed since the first activity.")
  void warmingUp() {
    LocalDate first = LocalDate.of(2024, 1, 1);
    assertThat(Pmc.warmingUp(first, first)).isTrue();
    assertThat(Pmc.warmingUp(first, first.plusDays(125))).isTrue();
    assertThat(Pmc.warmingUp(first, first.plusDays(126))).isFalse();
  }

  @Test
  @DisplayName("PmcOptions.defaults() is 42 and 7 days, exponential gain and no seed.")
  void defaults() {
    assertThat(PmcOptions.defaults()).isEqualTo(new PmcOptions(42, 7, Gain.EXPONENTIAL, Optional.empty()));
  }
}
