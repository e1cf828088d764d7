package fitcoach.wellness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fitcoach.app.ApiException;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The CSV reader alone: columns, units, quotes, separators and the reasons a row is left out. */
class WellnessCsvTest {

  private static WellnessCsv.Parsed parse(String text) {
    return WellnessCsv.parse(text);
  }

  private static Object value(WellnessCsv.Parsed p, String date, WellnessField field) {
    return p.days().get(LocalDate.parse(date)).value(field);
  }

  @Test
  @DisplayName("Header names match without case, spaces or punctuation, and each unit converts to the stored one")
  void columnsAndUnits() {
    var p = parse("DATE,Resting-Heart-Rate,Sleep Minutes,Body Weight (lbs),MUSCLE_SORENESS,Ill\n2026-11-01,51,480,220.5,3,Y\n");
    assertThat(p.columns()).containsEntry("Resting-Heart-Rate", "restingHr").containsEntry("Sleep Minutes", "sleepHours")
        .containsEntry("Body Weight (lbs)", "weightKg").containsEntry("MUSCLE_SORENESS", "soreness")
        .containsEntry("Ill", "illness");
    assertThat(value(p, "2026-11-01", WellnessField.RESTING_HR)).isEqualTo(51.0);
    assertThat(value(p, "2026-11-01", WellnessField.SLEEP_HOURS)).isEqualTo(8.0);
    assertThat((double) value(p, "2026-11-01", WellnessField.WEIGHT_KG)).isCloseTo(100.017, org.assertj.core.data.Offset.offset(0.001));
    assertThat(value(p, "2026-11-01", WellnessField.SORENESS)).isEqualTo(3);
    assertThat(value(p, "2026-11-01", WellnessField.ILLNESS)).isEqualTo(true);
    // Only the fields the file carries are in the change: the others keep their stored values.
    assertThat(p.days().get(LocalDate.parse("2026-11-01")).sets(WellnessField.HRV_RMSSD)).isFalse();
  }

  @Test
  @DisplayName("Of two columns for one field the better-named one is used, wherever it stands, and the other is reported")
  void ranks() {
    var p = parse("date,HRV,rMSSD,hrvRmssd\n2026-11-01,40,50,60\n");
    assertThat(p.columns()).containsEntry("hrvRmssd", "hrvRmssd").doesNotContainKeys("HRV", "rMSSD");
    assertThat(p.ignoredColumns()).extracting(WellnessCsv.IgnoredColumn::column).containsExactly("HRV", "rMSSD");
    assertThat(value(p, "2026-11-01", WellnessField.HRV_RMSSD)).isEqualTo(60.0);
  }

  @Test
  @DisplayName("Quoted cells keep separators, doubled quotes and line breaks; the next row's line number counts the breaks")
  void quotes() {
    var p = parse("date,note,rhr\n2026-11-01,\"a, \"\"b\"\"\nc\",50\n2026-11-02,,x\n");
    assertThat(value(p, "2026-11-01", WellnessField.NOTE)).isEqualTo("a, \"b\"\nc");
    assertThat(p.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.column()).isEqualTo("rhr");
    });
    var unclosed = parse("date,note\n2026-11-01,\"open\n");
    assertThat(unclosed.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("not closed"));
    assertThat(unclosed.days()).isEmpty();
  }

  @Test
  @DisplayName("Sleep as h:mm must be a real duration; scales must be whole; flags must be yes/no; numbers must be plain")
  void cellRules() {
    var p = parse("date,sleep,stress,sick,rhr\n2026-11-01,7:75,3,y,50\n2026-11-02,7:45,3.5,y,50\n2026-11-03,7,3,maybe,50\n"
        + "2026-11-04,7,3,n,NaN\n2026-11-05,7,3,n,1e2\n2026-11-06,24:00,5,no,0x32\n2026-11-07,8:15:30,1,0,+49\n");
    assertThat(p.errors()).extracting(WellnessCsv.RowError::line).containsExactly(2, 3, 4, 5, 6, 7);
    assertThat((double) value(p, "2026-11-07", WellnessField.SLEEP_HOURS)).isCloseTo(8.2583, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(value(p, "2026-11-07", WellnessField.RESTING_HR)).isEqualTo(49.0);
    assertThat(value(p, "2026-11-07", WellnessField.ILLNESS)).isEqualTo(false);
  }

  @Test
  @DisplayName("More than 100 errors are counted but only the first 100 are listed")
  void errorsBounded() {
    StringBuilder csv = new StringBuilder("date,rhr\n");
    for (int i = 0; i < 150; i++) {
      csv.append("2026-11-01,999\n");
    }
    var p = parse(csv.toString());
    assertThat(p.errorCount()).isEqualTo(150);
    assertThat(p.errors()).hasSize(WellnessCsv.MAX_ERRORS);
    assertThat(p.days()).isEmpty();
  }

  @Test
  @DisplayName("A header without a date column is refused whole, naming the date field")
  void noDate() {
    assertThatThrownBy(() -> parse("when,rhr\nmonday,50\n")).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).field()).isEqualTo("date"));
  }
}
