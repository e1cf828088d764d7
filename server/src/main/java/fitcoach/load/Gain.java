package fitcoach.load;

/**
 * How a time constant τ becomes the daily EWMA gain k of the PMC (§3.1).
 * Both forms share the same steady state; EXPONENTIAL matches GoldenCheetah, Elevate and intervals.icu,
 * LINEAR is Coggan's published TrainingPeaks form.
 */
public enum Gain {
  /** k = 1 − e^(−1/τ). */
  EXPONENTIAL,
  /** k = 1/τ. */
  LINEAR;

  /** The daily gain for time constant {@code tauDays}. */
  public double k(double tauDays) {
    return switch (this) {
      case EXPONENTIAL -> 1.0 - Math.exp(-1.0 / tauDays);
      case LINEAR -> 1.0 / tauDays;
    };
  }
}
