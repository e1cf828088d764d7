package fitcoach.load;

/**
 * Formulas other tools use where we chose differently (§2.2, §1.1, §1.2). The engine never calls them; they
 * exist so tests pin the size of each difference and the coach can explain why another tool shows another number.
 */
public final class AnchorFormulas {

  private AnchorFormulas() {}

  /** GoldenCheetah IsoPower: a zero-filled 30 s ring buffer, so the first 29 s count as partial sums ÷ 30. */
  public static double goldenCheetahIsoPower(double[] watts1Hz) {
    double[] w = SampleStream.withoutGaps(watts1Hz);
    double windowSum = 0;
    double fourthPowerSum = 0;
    for (int i = 0; i < w.length; i++) {
      windowSum += w[i];
      if (i >= PowerLoad.WINDOW) {
        windowSum -= w[i - PowerLoad.WINDOW];
      }
      double mean = windowSum / PowerLoad.WINDOW;
      fourthPowerSum += mean * mean * mean * mean;
    }
    return Math.pow(fourthPowerSum / w.length, 0.25);
  }

  /**
   * Elevate: means of consecutive, non-overlapping 30 s blocks instead of a rolling window. A short last block
   * counts as its own mean; that detail is our guess, not checked against Elevate.
   */
  public static double elevateBlockPower(double[] watts1Hz) {
    double[] w = SampleStream.withoutGaps(watts1Hz);
    double fourthPowerSum = 0;
    int blocks = 0;
    for (int start = 0; start < w.length; start += PowerLoad.WINDOW) {
      int end = Math.min(w.length, start + PowerLoad.WINDOW);
      double sum = 0;
      for (int i = start; i < end; i++) {
        sum += w[i];
      }
      double mean = sum / (end - start);
      fourthPowerSum += mean * mean * mean * mean;
      blocks++;
    }
    return Math.pow(fourthPowerSum / blocks, 0.25);
  }

  /** GoldenCheetah's and Elevate's women's TRIMP: the women's exponent with the men's 0.64 pre-factor. */
  public static double trimpWomenWithMenPrefactor(double minutes, double avgHr, Thresholds t) {
    double x = HeartRateLoad.reserveFraction(avgHr, t);
    return minutes * x * 0.64 * Math.exp(1.67 * x);
  }

  /** The naive hrTSS, hours × (HR/LTHR)² × 100; it ignores resting HR and over-scores easy sessions. */
  public static double naiveHrTss(double minutes, double avgHr, double lthr) {
    double ratio = avgHr / lthr;
    return minutes / 60.0 * ratio * ratio * 100.0;
  }
}
