package fitcoach.analysis;

import java.util.OptionalDouble;

/**
 * Coggan Normalized Power (Allen &amp; Coggan, <i>Training and Racing with a Power Meter</i>, ch. 7; training-science.md
 * §2.2; GoldenCheetah {@code src/Metrics/Coggan.cpp}) on the {@link OneHertz} power grid:
 * <ol>
 *   <li>the rolling 30 s mean, over full windows only (the first ends at the 30th second; GoldenCheetah's IsoPower
 *       instead counts the first 29 seconds as partial windows, which gives a slightly lower value);</li>
 *   <li>each mean to the 4th power;</li>
 *   <li>the mean of those;</li>
 *   <li>its 4th root.</li>
 * </ol>
 * Stops are zeros on the grid and count, as coasting does. A window holding a missing second (NaN, which the grid's
 * power never has) is left out. Empty with fewer than 30 s of power.
 */
public final class NormalizedPower {
  /** The rolling window, in seconds of the 1 Hz grid. */
  public static final int WINDOW_S = 30;

  private NormalizedPower() {}

  public static OptionalDouble of(double[] watts1Hz) {
    if (watts1Hz == null || watts1Hz.length < WINDOW_S) {
      return OptionalDouble.empty();
    }
    double windowSum = 0;
    int windowGaps = 0;
    double fourthPowerSum = 0;
    long windows = 0;
    for (int i = 0; i < watts1Hz.length; i++) {
      double v = watts1Hz[i];
      if (Double.isNaN(v)) {
        windowGaps++;
      } else {
        windowSum += v;
      }
      if (i >= WINDOW_S) {
        double out = watts1Hz[i - WINDOW_S];
        if (Double.isNaN(out)) {
          windowGaps--;
        } else {
          windowSum -= out;
        }
      }
      if (i >= WINDOW_S - 1 && windowGaps == 0) {
        double mean = windowSum / WINDOW_S;
        double squared = mean * mean;
        fourthPowerSum += squared * squared;
        windows++;
      }
    }
    return windows == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.pow(fourthPowerSum / windows, 0.25));
  }
}
