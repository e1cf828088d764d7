package fitcoach.load;

import static fitcoach.load.Fixtures.DAY_0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link PmcWeek}: the weekly load bars of long charts. */
class PmcWeekTest {

  @Test
  @DisplayName("Days group into Monday-to-Sunday weeks: the week's load is the sum of its days, CTL and ATL are its last day's.")
  void weeksSumTheirDays() {
    // DAY_0 is a Monday; the loads start on the Tuesday, so the first week holds 6 days.
    double[] loads = new double[20];
    for (int i = 0; i < loads.length; i++) {
      loads[i] = 10 + i;
    }
    List<PmcDay> days = Pmc.compute(Fixtures.fromDay1(loads), DAY_0.plusDays(20), PmcOptions.defaults());
    List<PmcWeek> weeks = PmcWeek.of(days);

    assertThat(weeks).extracting(PmcWeek::weekStart).containsExactly(DAY_0, DAY_0.plusWeeks(1), DAY_0.plusWeeks(2));
    assertThat(weeks).allSatisfy(w -> assertThat(w.weekStart().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
    assertThat(weeks.stream().mapToInt(PmcWeek::days).sum()).isEqualTo(days.size());
    for (PmcWeek w : weeks) {
      List<PmcDay> inWeek = days.stream().filter(d -> !d.date().isBefore(w.weekStart()) && d.date().isBefore(w.weekStart().plusDays(7))).toList();
      PmcDay last = inWeek.get(inWeek.size() - 1);
      assertThat(w.days()).isEqualTo(inWeek.size());
      assertThat(w.load()).isCloseTo(inWeek.stream().mapToDouble(PmcDay::load).sum(), within(1e-9));
      assertThat(w.last()).isEqualTo(last.date());
      assertThat(w.ctl()).isEqualTo(last.ctl());
      assertThat(w.atl()).isEqualTo(last.atl());
      assertThat(w.formAfter()).isEqualTo(last.formAfter());
    }
    // The second week is whole: DAY_0 + 7 … + 13 carry the loads 16 … 22.
    assertThat(weeks.get(1).days()).isEqualTo(7);
    assertThat(weeks.get(1).load()).isCloseTo(133, within(1e-9));
  }

  @Test
  @DisplayName("A chart that starts mid-week starts with a short week under that week's Monday; no days, no weeks.")
  void shortEdgesAndEmpty() {
    LocalDate thursday = LocalDate.of(2026, 12, 3);
    List<PmcDay> days = Pmc.compute(new java.util.TreeMap<>(java.util.Map.of(thursday, 50.0)), thursday.plusDays(5),
        PmcOptions.defaults());
    List<PmcWeek> weeks = PmcWeek.of(days.stream().filter(d -> !d.date().isBefore(thursday)).toList());
    assertThat(weeks).hasSize(2);
    assertThat(weeks.get(0).weekStart()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(weeks.get(0).days()).isEqualTo(4);
    assertThat(weeks.get(0).load()).isEqualTo(50);
    assertThat(weeks.get(1).days()).isEqualTo(2);
    assertThat(PmcWeek.of(List.of())).isEmpty();
  }
}
