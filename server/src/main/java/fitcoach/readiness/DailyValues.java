package fitcoach.readiness;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One wellness field as a value per date (missing days simply absent), and its mean and SD over a date window. When a
 * date appears twice the later entry wins, as a re-import overwrites.
 */
final class DailyValues {
  private final TreeMap<LocalDate, Double> values = new TreeMap<>();

  private DailyValues() {}

  static DailyValues of(List<WellnessDay> days, Function<WellnessDay, ? extends Number> field) {
    DailyValues out = new DailyValues();
    for (WellnessDay day : days) {
      Number value = field.apply(day);
      if (value != null && Double.isFinite(value.doubleValue())) {
        out.values.put(day.date(), value.doubleValue());
      }
    }
    return out;
  }

  Double on(LocalDate date) {
    return values.get(date);
  }

  /** The values from {@code from} to {@code to}, both included. */
  Window window(LocalDate from, LocalDate to) {
    Map<LocalDate, Double> in = values.subMap(from, true, to, true);
    int n = in.size();
    if (n == 0) {
      return new Window(0, null, null);
    }
    double sum = 0;
    for (double v : in.values()) {
      sum += v;
    }
    double mean = sum / n;
    if (n < 2) {
      return new Window(n, mean, null);
    }
    double squares = 0;
    for (double v : in.values()) {
      squares += (v - mean) * (v - mean);
    }
    // Sample SD (n − 1): the window estimates how much this athlete's mornings vary, it is not the whole population.
    return new Window(n, mean, Math.sqrt(squares / (n - 1)));
  }

  /**
   * @param count values present in the window
   * @param mean their mean, null with none
   * @param sd their sample SD, null with fewer than two
   */
  record Window(int count, Double mean, Double sd) {}
}
