package fitcoach.load;

/** Power load: TSS (§2.1) from Coggan Normalized Power (§2.2). */
public final class PowerLoad {

  /**
   * Coggan NP of a 1 Hz power grid: {@link fitcoach.analysis.NormalizedPower}, the one definition (a 30 s window
   * holding a missing second is left out). NaN with fewer than 30 s of power.
   */
  public static double normalizedPower(double[] watts1Hz) {
    return fitcoach.analysis.NormalizedPower.of(watts1Hz).orElse(Double.NaN);
  }

  /** TSS = seconds × NP × IF ÷ (FTP × 3600) × 100, with IF = NP ÷ FTP. */
  public static double tss(double seconds, double np, double ftp) {
    double intensity = np / ftp;
    return seconds * np * intensity / (ftp * 3600.0) * 100.0;
  }
}
