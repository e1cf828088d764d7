package fitcoach.load;

import static fitcoach.load.Fixtures.DAY_0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Lookups on {@link PmcSeries}, the one chart type behind the dashboard and the coach. */
class PmcSeriesTest {

  private static PmcSeries through(LocalDate today, double... loads) {
    List<PmcDay> days = Pmc.compute(Fixtures.fromDay1(loads), today, PmcOptions.defaults());
    return new PmcSeries(days, today, Optional.of(DAY_0.plusDays(1)), PmcOptions.defaults());
  }

  @Test
  @DisplayName("A date inside the chart gives that day's numbers, today included.")
  void dayInsideTheChart() {
    PmcSeries series = through(DAY_0.plusDays(5), 100, 0, 50);
    assertThat(series.on(DAY_0.plusDays(3))).isSameAs(series.days().get(3));
    assertThat(series.onToday()).isSameAs(series.days().get(series.days().size() - 1));
    assertThat(series.onToday().date()).isEqualTo(DAY_0.plusDays(5));
  }

  @Test
  @DisplayName("A date before the first day or after today is a rest day: no load, zero fitness and form, the neutral zone.")
  void restDayOutsideTheChart() {
    PmcSeries series = through(DAY_0.plusDays(5), 100, 0, 50);
    for (LocalDate outside : List.of(DAY_0.minusDays(1), DAY_0.plusDays(6), DAY_0.plusYears(30))) {
      PmcDay day = series.on(outside);
      assertThat(day.date()).isEqualTo(outside);
      assertThat(day.load()).isZero();
      assertThat(day.ctl()).isZero();
      assertThat(day.form()).isZero();
      assertThat(day.zone()).isEqualTo(FormZone.NEUTRAL);
      assertThat(day.acwr()).isNaN();
    }
  }

  @Test
  @DisplayName("An athlete without activities has an empty chart, a rest day today, and is warming up.")
  void emptyChart() {
    PmcSeries series = new PmcSeries(List.of(), DAY_0, Optional.empty(), PmcOptions.defaults());
    assertThat(series.onToday().ctl()).isZero();
    assertThat(series.warmingUp()).isTrue();
  }

  @Test
  @DisplayName("The chart is warming up for 126 days after the first activity and not on the 126th.")
  void warmingUpEndsAfter126Days() {
    LocalDate first = DAY_0.plusDays(1);
    assertThat(through(first.plusDays(125), 100).warmingUp()).isTrue();
    assertThat(through(first.plusDays(126), 100).warmingUp()).isFalse();
  }
}
