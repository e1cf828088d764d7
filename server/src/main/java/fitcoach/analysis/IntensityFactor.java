package fitcoach.analysis;

import java.util.OptionalDouble;

/**
 * Intensity factor, IF = NP / FTP (Coggan; training-science.md §2.1; GoldenCheetah {@code src/Metrics/Coggan.cpp},
 * class {@code IntensityFactor}, symbol {@code coggan_if}). The FTP is the one in force on the activity's date, chosen by the caller.
 */
public final class IntensityFactor {

  private IntensityFactor() {}

  /** NP / FTP; empty without an FTP (or a non-positive one) or without a positive NP. */
  public static OptionalDouble of(double normalizedPower, OptionalDouble ftp) {
    if (ftp.isEmpty() || !(ftp.getAsDouble() > 0) || !(normalizedPower > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(normalizedPower / ftp.getAsDouble());
  }
}
