package fitcoach.load;

/** Power load: Coggan Normalized Power (exact rolling 30 s form, §2.2) and TSS (§2.1). */
public final class PowerLoad {

  /** The rolling window, in 1 Hz samples. */
  private static final int WINDOW = 30;

  private PowerLoad() {}

  /**
   * Coggan NP: the rolling 30 s mean starting at the 30th sample, raised to the 4th power, averaged, 4th root.
   * NaN samples are paused time and are dropped before the window runs, as if the device had auto-paused;
   * zeros (coasting) count. NaN when fewer than 30 samples remain.
   */
  public static double normalizedPower(double[] watts1Hz) {
    double[] w = SampleStream.withoutGaps(watts1Hz);
    if (w.length < WINDOW) {
      return Double.NaN;
    }
    double windowSum = 0;
    double fourthPowerSum = 0;
    for (int i = 0; i < w.length; i++) {
      windowSum += w[i];
      if (i >= WINDOW) {
        windowSum -= w[i - WINDOW];
      }
      if (i >= WINDOW - 1) {
        double mean = windowSum / WINDOW;
        fourthPowerSum += mean * mean * mean * mean;
      }
    }
    return Math.pow(fourthPowerSum / (w.length - WINDOW + 1), 0.25);
  }

  /** TSS = seconds × NP × IF ÷ (FTP × 3600) × 100, with IF = NP ÷ FTP. */
  public static double tss(double seconds, double np, double ftp) {
    double intensity = np / ftp;
    return seconds * np * intensity / (ftp * 3600.0) * 100.0;
  }
}
