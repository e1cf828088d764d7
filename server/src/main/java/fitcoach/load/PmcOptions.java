package fitcoach.load;

import java.util.Objects;
import java.util.Optional;

/** Time constants, gain form and optional seed of the PMC. */
public record PmcOptions(double ctlDays, double atlDays, Gain gain, Optional<PmcSeed> seed) {

  public PmcOptions {
    if (!(ctlDays > 0) || !(atlDays > 0)) {
      throw new IllegalArgumentException("time constants must be positive: ctlDays=" + ctlDays + ", atlDays=" + atlDays);
    }
    Objects.requireNonNull(gain, "gain");
    Objects.requireNonNull(seed, "seed");
  }

  /** 42 and 7 days, exponential gain, no seed (§0). */
  public static PmcOptions defaults() {
    return new PmcOptions(42, 7, Gain.EXPONENTIAL, Optional.empty());
  }
}
