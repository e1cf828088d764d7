package fitcoach.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrendTest {
  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  @Test
  @DisplayName("Each day's band is the card's: e^(mean ± 0.75 SD of ln rMSSD) over the 60 days before, none while learning")
  void hrvBandInMs() {
    List<WellnessDay> days = new ArrayList<>();
    // Alternating 50 and 72 ms (ln 3.912 and 4.277), resting HR 50 and 51.
    for (int i = 0; i < 40; i++) {
      days.add(WellnessDay.empty(START.plusDays(i)).withHrv(i % 2 == 0 ? 50.0 : 72.0).withRestingHr(50 + i % 2));
    }
    List<Trend.Day> trend = Trend.of(days, START.plusDays(13), START.plusDays(39));
    assertThat(trend).hasSize(27);
    Trend.Day learning = trend.get(0);
    assertThat(learning.hrvLow()).as("13 values before the 14th day: still learning").isNull();
    assertThat(learning.hrv7()).isNotNull();
    Trend.Day last = trend.get(trend.size() - 1);
    HrvBaseline card = HrvBaseline.of(days, last.date());
    assertThat(last.hrvLow()).isEqualTo(Math.round(Math.exp(card.low()) * 10) / 10.0);
    assertThat(last.hrvHigh()).isEqualTo(Math.round(Math.exp(card.high()) * 10) / 10.0);
    // The 39 days before the last: 20 of 50 ms and 19 of 72 ms. The band is symmetric around their geometric mean
    // on a log scale, so low × high is that mean squared.
    double geometric = Math.exp((20 * Math.log(50) + 19 * Math.log(72)) / 39);
    assertThat(Math.sqrt(last.hrvLow() * last.hrvHigh())).isCloseTo(geometric, org.assertj.core.data.Offset.offset(0.1));
    assertThat(last.restingHrBaseline()).isEqualTo(50.5);
    assertThat(last.sleepUsual()).as("no sleep entered").isNull();
  }

  @Test
  @DisplayName("A range with no wellness at all has a day for each date and no values")
  void nothingEntered() {
    List<Trend.Day> trend = Trend.of(List.of(), START, START.plusDays(2));
    assertThat(trend).extracting(Trend.Day::date).containsExactly(START, START.plusDays(1), START.plusDays(2));
    assertThat(trend).allSatisfy(d -> assertThat(d.hrv7()).isNull());
  }
}
