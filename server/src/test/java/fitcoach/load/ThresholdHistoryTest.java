package fitcoach.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fitcoach.load.ThresholdHistory.Entry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Thresholds over time: which value is in force on a day, per period, and where two histories first differ. */
class ThresholdHistoryTest {
  private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
  private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
  private static final LocalDate APRIL_15 = LocalDate.of(2026, 4, 15);
  private static final ProfileFacts NOTHING = new ProfileFacts(Sex.MALE, null, null, null, null, null, new double[0], new double[0]);

  private static ThresholdHistory history() {
    return ThresholdHistory.of(List.of(
        new Entry(ThresholdKind.FTP, JUNE_1, 280),
        new Entry(ThresholdKind.FTP, MARCH_1, 250),
        new Entry(ThresholdKind.MAX_HR, APRIL_15, 192),
        new Entry(ThresholdKind.WEIGHT, MARCH_1, 71.5)));
  }

  @Test
  @DisplayName("Before the earliest entry the earliest applies; on a change date the new value; after it, the new value")
  void valueInForce() {
    ThresholdHistory h = history();
    assertThat(h.valueOn(ThresholdKind.FTP, LocalDate.of(2019, 5, 5))).isEqualTo(OptionalDouble.of(250));
    assertThat(h.valueOn(ThresholdKind.FTP, MARCH_1)).isEqualTo(OptionalDouble.of(250));
    assertThat(h.valueOn(ThresholdKind.FTP, JUNE_1.minusDays(1))).isEqualTo(OptionalDouble.of(250));
    assertThat(h.valueOn(ThresholdKind.FTP, JUNE_1)).isEqualTo(OptionalDouble.of(280));
    assertThat(h.valueOn(ThresholdKind.FTP, LocalDate.of(2030, 1, 1))).isEqualTo(OptionalDouble.of(280));
    assertThat(h.valueOn(ThresholdKind.LTHR, JUNE_1)).isEmpty();
    assertThat(h.wholeOn(ThresholdKind.LTHR, JUNE_1)).isNull();
    assertThat(h.valueOn(ThresholdKind.WEIGHT, JUNE_1)).isEqualTo(OptionalDouble.of(71.5));
  }

  @Test
  @DisplayName("Several kinds changing on different dates: each day gets each kind's own value, and the engine sees them")
  void kindsChangeIndependently() {
    DatedThresholds dated = new DatedThresholds(history(), NOTHING);
    Thresholds early = dated.on(MARCH_1.minusDays(10));
    assertThat(early.ftpW()).isEqualTo(250.0);
    assertThat(early.maxHr()).isEqualTo(192.0);
    assertThat(early.maxHrEstimated()).isFalse();
    Thresholds may = dated.on(LocalDate.of(2026, 5, 1));
    assertThat(may.ftpW()).isEqualTo(250.0);
    assertThat(may.maxHr()).isEqualTo(192.0);
    Thresholds july = dated.on(LocalDate.of(2026, 7, 1));
    assertThat(july.ftpW()).isEqualTo(280.0);
    assertThat(july.lthrEstimated()).isTrue();
    var inForce = dated.inForce(JUNE_1);
    assertThat(inForce.ftpW()).isEqualTo(280.0);
    assertThat(inForce.weightKg()).isEqualTo(71.5);
    assertThat(inForce.lthrBpm()).isNull();
  }

  @Test
  @DisplayName("The estimator runs once per period of unchanged values, however many days are asked for")
  void oncePerPeriod() {
    DatedThresholds dated = new DatedThresholds(history(), NOTHING);
    for (LocalDate d = LocalDate.of(2025, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(1)) {
      dated.on(d);
    }
    // Values change only on 2026-06-01 (FTP's second entry; a kind's first entry changes nothing): two periods.
    assertThat(dated.periodsComputed()).isEqualTo(2);
    assertThat(history().periodStart(APRIL_15.minusDays(1))).isEqualTo(LocalDate.MIN);
    assertThat(history().periodStart(APRIL_15)).isEqualTo(LocalDate.MIN);
    assertThat(history().periodStart(JUNE_1.plusDays(3))).isEqualTo(JUNE_1);
  }

  @Test
  @DisplayName("Two histories first differ on the date of a changed later entry, or on every day when the earliest entry changed")
  void earliestDifference() {
    ThresholdHistory h = history();
    assertThat(ThresholdHistory.earliestDifference(h, history())).isEmpty();
    ThresholdHistory laterEdited = ThresholdHistory.of(List.of(new Entry(ThresholdKind.FTP, JUNE_1, 290),
        new Entry(ThresholdKind.FTP, MARCH_1, 250), new Entry(ThresholdKind.MAX_HR, APRIL_15, 192),
        new Entry(ThresholdKind.WEIGHT, MARCH_1, 71.5)));
    assertThat(ThresholdHistory.earliestDifference(h, laterEdited)).contains(JUNE_1);
    ThresholdHistory added = ThresholdHistory.of(List.of(new Entry(ThresholdKind.FTP, JUNE_1, 280),
        new Entry(ThresholdKind.FTP, MARCH_1, 250), new Entry(ThresholdKind.FTP, LocalDate.of(2026, 5, 10), 265),
        new Entry(ThresholdKind.MAX_HR, APRIL_15, 192), new Entry(ThresholdKind.WEIGHT, MARCH_1, 71.5)));
    assertThat(ThresholdHistory.earliestDifference(h, added)).contains(LocalDate.of(2026, 5, 10));
    ThresholdHistory firstEdited = ThresholdHistory.of(List.of(new Entry(ThresholdKind.FTP, JUNE_1, 280),
        new Entry(ThresholdKind.FTP, MARCH_1, 240), new Entry(ThresholdKind.MAX_HR, APRIL_15, 192),
        new Entry(ThresholdKind.WEIGHT, MARCH_1, 71.5)));
    assertThat(ThresholdHistory.earliestDifference(h, firstEdited)).contains(LocalDate.MIN);
    assertThat(ThresholdHistory.earliestDifference(h, ThresholdHistory.empty())).isEqualTo(Optional.of(LocalDate.MIN));
  }

  @Test
  @DisplayName("Two entries of one kind on one date are refused")
  void oneEntryPerDate() {
    assertThatThrownBy(() -> ThresholdHistory.of(List.of(new Entry(ThresholdKind.FTP, JUNE_1, 280),
        new Entry(ThresholdKind.FTP, JUNE_1, 281)))).isInstanceOf(IllegalArgumentException.class);
  }
}
