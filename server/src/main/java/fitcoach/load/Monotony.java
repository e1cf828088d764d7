package fitcoach.load;

/**
 * Foster 1998 monotony (mean ÷ SD of daily load, rest days 0) of a week (§4.4); the PMC derives strain from it.
 * The sources do not fix the SD convention; we use the population SD (÷ n).
 */
public final class Monotony {

  /** Below this fraction of the mean an SD is rounding noise: seven equal loads must give "undefined", not 1e16. */
  private static final double RELATIVE_ZERO_SD = 1e-12;

  private Monotony() {}

  /** Mean ÷ population SD of the daily loads; NaN when the SD is 0 (all days equal, including a full rest week). */
  public static double of(double[] dailyLoads) {
    int n = dailyLoads.length;
    double sum = 0;
    for (double v : dailyLoads) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : dailyLoads) {
      squares += (v - mean) * (v - mean);
    }
    double deviation = Math.sqrt(squares / n);
    if (deviation <= RELATIVE_ZERO_SD * Math.abs(mean)) {
      return Double.NaN;
    }
    return mean / deviation;
  }
}
