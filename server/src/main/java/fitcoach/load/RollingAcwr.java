package fitcoach.load;

/**
 * Rolling-average ACWR (Hulin/Gabbett, §4.1), kept for comparison: the PMC reports the EWMA form instead,
 * and neither carries an injury verdict (§4.3).
 */
public final class RollingAcwr {

  private RollingAcwr() {}

  /** Mean of the last 7 days ÷ mean of the last 28 (the acute week included). Needs ≥ 28 days, oldest first. */
  public static double coupled(double[] dailyLoads) {
    int n = requireFourWeeks(dailyLoads);
    return mean(dailyLoads, n - 7, n) / mean(dailyLoads, n - 28, n);
  }

  /** Mean of the last 7 days ÷ mean of the 21 days before them (Windt &amp; Gabbett's fix for coupling). */
  public static double uncoupled(double[] dailyLoads) {
    int n = requireFourWeeks(dailyLoads);
    return mean(dailyLoads, n - 7, n) / mean(dailyLoads, n - 28, n - 7);
  }

  private static int requireFourWeeks(double[] dailyLoads) {
    if (dailyLoads.length < 28) {
      throw new IllegalArgumentException("ACWR needs 28 days, got " + dailyLoads.length);
    }
    return dailyLoads.length;
  }

  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }
}
