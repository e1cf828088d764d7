package fitcoach.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The athlete's typical load per hour for each sport family: the median over past activities whose load was
 * measured (POWER, HEART_RATE) or rated (RPE). It feeds the HISTORY method, GoldenCheetah's
 * manual-activity estimate (§2.4); the median keeps one race or one broken strap from moving it.
 */
public final class HistoryRates {

  private HistoryRates() {}

  /**
   * Median load per hour, keyed by the sport family exactly as spelled in the samples (the caller must look
   * rates up with the same spelling). Samples without a family, without moving time, or with a non-finite
   * load are skipped; so are HISTORY, MANUAL and NONE loads, which would feed estimates back into estimates.
   */
  public static Map<String, Double> medianPerHour(List<HistorySample> samples) {
    Objects.requireNonNull(samples, "samples");
    Map<String, List<Double>> ratesByFamily = new TreeMap<>();
    for (HistorySample s : samples) {
      if (s.sportFamily() == null || s.movingTimeS() <= 0 || !Double.isFinite(s.load()) || !measured(s.method())) {
        continue;
      }
      ratesByFamily.computeIfAbsent(s.sportFamily(), f -> new ArrayList<>()).add(s.load() / (s.movingTimeS() / 3600.0));
    }
    Map<String, Double> medians = new TreeMap<>();
    ratesByFamily.forEach((family, rates) -> medians.put(family, median(rates)));
    return Collections.unmodifiableMap(medians);
  }

  private static boolean measured(LoadMethod method) {
    return method == LoadMethod.POWER || method == LoadMethod.HEART_RATE || method == LoadMethod.RPE;
  }

  /** Middle value; the mean of the two middle values for an even count. */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
