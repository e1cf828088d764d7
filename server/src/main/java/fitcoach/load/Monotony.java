package fitcoach.load;

/**
 * Foster 1998 monotony (mean ÷ SD of daily load, rest days 0) and strain (total × monotony) of a week (§4.4).
 * The sources do not fix the SD convention; population SD is our default.
 */
public final class Monotony {

  /** Divide the squared deviations by n (population) or n − 1 (sample). */
  public enum Sd { POPULATION, SAMPLE }

  /** Below this fraction of the mean an SD is rounding noise: seven equal loads must give "undefined", not 1e16. */
  private static final double RELATIVE_ZERO_SD = 1e-12;

  private Monotony() {}

  /** Mean ÷ SD of the daily loads; NaN when the SD is 0 (all days equal, including a full rest week). */
  public static double of(double[] dailyLoads, Sd sd) {
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
    double deviation = Math.sqrt(squares / (sd == Sd.SAMPLE ? n - 1 : n));
    if (deviation <= RELATIVE_ZERO_SD * Math.abs(mean)) {
      return Double.NaN;
    }
    return mean / deviation;
  }

  /** Total load × monotony; NaN when monotony is undefined. */
  public static double strain(double[] dailyLoads, Sd sd) {
    double sum = 0;
    for (double v : dailyLoads) {
      sum += v;
    }
    return sum * of(dailyLoads, sd);
  }
}
