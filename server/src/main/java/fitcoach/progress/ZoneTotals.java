package fitcoach.progress;

import fitcoach.load.Thresholds;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Time in zones over any range, as the Progress screen's weekly zone times cut it: each activity's stored histograms
 * against the thresholds in force on its date. For readers outside this package that select the rows themselves (the
 * coach's tools read only what the data policy allows).
 */
public final class ZoneTotals {
  public static final List<String> POWER_ZONE_NAMES = ProgressService.POWER_ZONE_NAMES;
  public static final List<String> HR_ZONE_NAMES = ProgressService.HR_ZONE_NAMES;

  /** One activity's stored histograms (activity_curves.hr_hist, power_hist) and its local date. */
  public record Row(LocalDate date, Integer[] hr, Integer[] power) {
  }

  private ZoneTotals() {
  }

  /**
   * {"power": {seconds, below, at, above} or null, "heartRate": {seconds, basis, below, at, above} or null} over the
   * rows dated {@code from}..{@code to}.
   */
  public static Map<String, Object> of(List<Row> rows, LocalDate from, LocalDate to, Function<LocalDate, Thresholds> inForce) {
    return ProgressService.zoneTimes(from, to,
        rows.stream().map(r -> new CurveRepository.Histograms(r.date(), r.hr(), r.power())).toList(), inForce);
  }
}
