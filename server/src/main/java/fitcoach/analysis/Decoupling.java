package fitcoach.analysis;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Aerobic decoupling (GoldenCheetah {@code src/Metrics/AerobicDecoupling.cpp}; Friel's Pw:HR and Pa:HR): the
 * efficiency, output ÷ heart rate, of the first half of the moving seconds against the second half,
 * {@code (EF1 − EF2) / EF1 × 100}. A positive value means heart rate drifted up (or output down) as the session went on.
 *
 * <p>Each half's efficiency is its mean output over its mean heart rate, as in GoldenCheetah. Where we differ on purpose:
 * GoldenCheetah halves all samples by count and averages the ones with heart rate (stops included as 0 W); the issue
 * asks for halves of the moving time, so here moving seconds are those with output above 0 and a heart rate present,
 * and the halves are the first ⌊n/2⌋ and the last ⌊n/2⌋ of them (with an odd count the middle second is in neither).
 */
public final class Decoupling {

  /** Fewer moving seconds with heart rate than this (20 min) say nothing about drift. */
  public static final int MIN_MOVING_SECONDS = 20 * 60;

  private Decoupling() {}

  /** Which output was set against heart rate. */
  public enum Basis {
    /** Pw:HR, power (W) against heart rate. */
    POWER,
    /** Pa:HR, speed (m/s) against heart rate. */
    SPEED
  }

  /** The decoupling in percent and the output it was computed from. */
  public record Result(Basis basis, double percent) {}

  /**
   * Pw:HR when there is a power stream (a ride with power), Pa:HR from speed otherwise. Streams are 1 Hz grids (index =
   * second, NaN = missing); {@code power} or {@code speed} may be null when the activity has no such stream. Empty when
   * heart rate is missing or there are fewer than {@value #MIN_MOVING_SECONDS} moving seconds with heart rate.
   */
  public static Optional<Result> of(double[] power, double[] speed, double[] heartRate) {
    if (power != null) {
      return percent(power, heartRate).stream().mapToObj(p -> new Result(Basis.POWER, p)).findFirst();
    }
    if (speed != null) {
      return percent(speed, heartRate).stream().mapToObj(p -> new Result(Basis.SPEED, p)).findFirst();
    }
    return Optional.empty();
  }

  /** Decoupling of one output stream against heart rate, in percent; the grids are read up to the shorter one. */
  public static OptionalDouble percent(double[] output, double[] heartRate) {
    if (output == null || heartRate == null) {
      return OptionalDouble.empty();
    }
    int length = Math.min(output.length, heartRate.length);
    int moving = 0;
    for (int t = 0; t < length; t++) {
      if (isMoving(output[t], heartRate[t])) {
        moving++;
      }
    }
    if (moving < MIN_MOVING_SECONDS) {
      return OptionalDouble.empty();
    }
    int half = moving / 2;
    double out1 = 0;
    double hr1 = 0;
    double out2 = 0;
    double hr2 = 0;
    int seen = 0;
    for (int t = 0; t < length; t++) {
      if (!isMoving(output[t], heartRate[t])) {
        continue;
      }
      if (seen < half) {
        out1 += output[t];
        hr1 += heartRate[t];
      } else if (seen >= moving - half) {
        out2 += output[t];
        hr2 += heartRate[t];
      }
      seen++;
    }
    // Both halves have the same count, so the ratio of sums equals the ratio of means.
    double ef1 = out1 / hr1;
    double ef2 = out2 / hr2;
    return OptionalDouble.of((ef1 - ef2) / ef1 * 100);
  }

  private static boolean isMoving(double output, double heartRate) {
    return output > 0 && heartRate > 0; // NaN compares false: a missing value is not moving
  }
}
