package fitcoach.analysis;

import java.util.OptionalDouble;

/**
 * Efficiency factor (Coggan; GoldenCheetah {@code src/Metrics/Coggan.cpp}, class {@code EfficiencyFactor}: NP ÷ average
 * heart rate). For rides with power, EF = NP / average HR (W/bpm). Without power, EF = average speed / average HR
 * ((m/s)/bpm), the Pa:HR counterpart. GoldenCheetah uses Skiba's xPace (a grade-adjusted speed) for runs; we have no
 * grade adjustment in the engine yet, so runs use plain moving average speed (Friel's running EF, which GoldenCheetah
 * cites).
 *
 * <p>Average heart rate is the mean over the seconds with a heart rate present (NaN and 0 are missing), as
 * GoldenCheetah averages only non-zero heart-rate samples. Average speed is the mean over moving seconds (speed above
 * 0), so stops do not lower it. NP is a parameter: this class does not compute it.
 */
public final class EfficiencyFactor {

  private EfficiencyFactor() {}

  /** NP / average HR; empty without heart rate or without a positive NP. */
  public static OptionalDouble ofPower(double normalizedPower, double[] heartRate) {
    OptionalDouble hr = averagePresent(heartRate);
    if (hr.isEmpty() || !(normalizedPower > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(normalizedPower / hr.getAsDouble());
  }

  /** Moving average speed / average HR; empty without heart rate or without a moving second. */
  public static OptionalDouble ofSpeed(double[] speed, double[] heartRate) {
    OptionalDouble hr = averagePresent(heartRate);
    OptionalDouble v = averagePresent(speed);
    if (hr.isEmpty() || v.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(v.getAsDouble() / hr.getAsDouble());
  }

  /** Mean of the values above 0 (NaN compares false, so it is skipped too). */
  private static OptionalDouble averagePresent(double[] values) {
    if (values == null) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (v > 0) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
  }
}
