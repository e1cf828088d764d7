package fitcoach.readiness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The baselines on every day of a range, for the Wellness screen's charts: the same {@link HrvBaseline},
 * {@link RestingHrBaseline} and {@link SleepBaseline} the decision card judges today with, so a chart's band is the
 * card's band. HRV is shown in ms: the card works in ln(rMSSD), and e to the power of its mean and range edges is the
 * geometric mean and the range in ms.
 */
public final class Trend {
  /** How far before a range the days must reach for its first day to have full windows. */
  public static final int LOOK_BACK_DAYS = Math.max(HrvBaseline.BASELINE_DAYS, RestingHrBaseline.BASELINE_DAYS);

  /** One day's baselines; null where there are too few values for one. */
  public record Day(LocalDate date, Double hrv7, Double hrvLow, Double hrvHigh, Double restingHr7, Double restingHrBaseline,
                    Double sleepUsual) {
  }

  private Trend() {
  }

  /** Each day from {@code from} to {@code to}; {@code days} should reach back {@link #LOOK_BACK_DAYS} before {@code from}. */
  public static List<Day> of(List<WellnessDay> days, LocalDate from, LocalDate to) {
    List<Day> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      HrvBaseline hrv = HrvBaseline.of(days, d);
      RestingHrBaseline rest = RestingHrBaseline.of(days, d);
      SleepBaseline sleep = SleepBaseline.of(days, d);
      out.add(new Day(d, exp(hrv.rolling()), exp(hrv.low()), exp(hrv.high()), round(rest.rolling()), round(rest.mean()),
          round(sleep.usual())));
    }
    return out;
  }

  private static Double exp(Double ln) {
    return ln == null ? null : round(Math.exp(ln));
  }

  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 10) / 10.0;
  }
}
