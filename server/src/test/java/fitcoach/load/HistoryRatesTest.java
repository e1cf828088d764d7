package fitcoach.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The per-sport median load per hour behind the HISTORY method. */
class HistoryRatesTest {

  @Test
  @DisplayName("The rate is the median load per hour of each sport family, from odd and even counts alike.")
  void medianPerFamily() {
    List<HistorySample> samples = List.of(
        new HistorySample("ride", 100, 3600, LoadMethod.POWER),
        new HistorySample("ride", 90, 1800, LoadMethod.HEART_RATE),
        new HistorySample("ride", 60, 7200, LoadMethod.POWER),
        new HistorySample("run", 50, 3600, LoadMethod.HEART_RATE),
        new HistorySample("run", 70, 3600, LoadMethod.RPE));
    // ride rates 100, 180, 30 → 100; run rates 50, 70 → 60
    assertThat(HistoryRates.medianPerHour(samples)).containsOnly(entry("ride", 100.0), entry("run", 60.0));
  }

  @Test
  @DisplayName("Estimated, manual and missing loads are left out, so estimates never feed on themselves.")
  void onlyMeasuredOrRatedLoadsCount() {
    List<HistorySample> samples = List.of(
        new HistorySample("swim", 40, 3600, LoadMethod.HEART_RATE),
        new HistorySample("swim", 500, 3600, LoadMethod.HISTORY),
        new HistorySample("swim", 500, 3600, LoadMethod.MANUAL),
        new HistorySample("swim", 0, 3600, LoadMethod.NONE),
        new HistorySample("yoga", 10, 3600, LoadMethod.MANUAL));
    assertThat(HistoryRates.medianPerHour(samples)).containsOnly(entry("swim", 40.0));
  }

  @Test
  @DisplayName("Samples without moving time, family or a finite load are skipped.")
  void unusableSamplesAreSkipped() {
    List<HistorySample> samples = List.of(
        new HistorySample("run", 50, 0, LoadMethod.HEART_RATE),
        new HistorySample(null, 50, 3600, LoadMethod.HEART_RATE),
        new HistorySample("run", Double.NaN, 3600, LoadMethod.HEART_RATE),
        new HistorySample("run", 45, 5400, LoadMethod.HEART_RATE));
    assertThat(HistoryRates.medianPerHour(samples)).containsOnly(entry("run", 30.0));
  }

  @Test
  @DisplayName("No samples give no rates.")
  void noSamples() {
    assertThat(HistoryRates.medianPerHour(List.of())).isEmpty();
  }
}
