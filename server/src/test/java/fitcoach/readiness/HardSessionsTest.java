package fitcoach.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.load.Pmc;
import fitcoach.load.PmcOptions;
import fitcoach.load.PmcSeries;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HardSessionsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  private static PmcSeries series(SortedMap<LocalDate, Double> loads) {
    return new PmcSeries(Pmc.compute(loads, TODAY, PmcOptions.defaults()), TODAY, Optional.of(loads.firstKey()),
        PmcOptions.defaults());
  }

  @Test
  @DisplayName("The 75th percentile interpolates between closest ranks: 10…80 gives 62.5")
  void percentile() {
    assertThat(HardSessions.percentile(List.of(80.0, 10.0, 30.0, 20.0, 50.0, 40.0, 70.0, 60.0), 0.75)).isCloseTo(62.5, within(1e-12));
    assertThat(HardSessions.percentile(List.of(5.0), 0.75)).isEqualTo(5.0);
  }

  @Test
  @DisplayName("Days since the last day above the 75th percentile of training days (rest days left out), today counting as 0")
  void daysSince() {
    SortedMap<LocalDate, Double> loads = new TreeMap<>();
    double[] training = {10, 20, 30, 80, 40, 50, 70, 60};
    for (int i = 0; i < training.length; i++) {
      // Every other day from 19 days ago: 80 falls 13 days ago, 70 seven days ago, 60 five days ago.
      loads.put(TODAY.minusDays(19 - 2L * i), training[i]);
    }
    HardSessions h = HardSessions.of(series(loads));
    assertThat(h.trainingDays()).isEqualTo(8);
    assertThat(h.threshold()).isCloseTo(62.5, within(1e-12));
    assertThat(h.daysSince()).isEqualTo(7);
    loads.put(TODAY, 100.0);
    HardSessions today = HardSessions.of(series(loads));
    // Nine training days now: rank 6 of 10…100 sorted = 70, so today's 100 is hard and 70 is not above it.
    assertThat(today.threshold()).isCloseTo(70, within(1e-12));
    assertThat(today.daysSince()).isZero();
  }

  @Test
  @DisplayName("Under 8 training days in 90 there is no threshold; days before the 90 do not count")
  void tooFew() {
    SortedMap<LocalDate, Double> loads = new TreeMap<>();
    loads.put(TODAY.minusDays(90), 500.0);
    for (int i = 0; i < 7; i++) {
      loads.put(TODAY.minusDays(1 + i), 50.0 + i);
    }
    HardSessions h = HardSessions.of(series(loads));
    assertThat(h.trainingDays()).isEqualTo(7);
    assertThat(h.threshold()).isNull();
    assertThat(h.daysSince()).isNull();
    loads.put(TODAY.minusDays(89), 10.0);
    HardSessions eight = HardSessions.of(series(loads));
    // 10, 50…56: rank 5.25 → 54 + 0.25 = 54.25; the last day above it is 6 days ago (55; 56 was 7 days ago).
    assertThat(eight.threshold()).isCloseTo(54.25, within(1e-12));
    assertThat(eight.daysSince()).isEqualTo(6);
  }
}
