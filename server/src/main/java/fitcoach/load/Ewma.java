package fitcoach.load;

/** Exponentially weighted moving average, the one recurrence behind CTL, ATL and the EWMA ACWR. */
public final class Ewma {

  private Ewma() {}

  /** X_d = X_{d−1} + (value − X_{d−1})·k. */
  public static double step(double previous, double value, double k) {
    return previous + (value - previous) * k;
  }

  /** The ACWR literature's gain λ = 2/(N+1) (Williams 2017); not for the PMC (§3.1). */
  public static double lambda(double n) {
    return 2.0 / (n + 1.0);
  }

  /** The average after all {@code values}, starting from {@code start} before the first one. */
  public static double last(double[] values, double k, double start) {
    double x = start;
    for (double v : values) {
      x = step(x, v, k);
    }
    return x;
  }

  /** The average seeded with the first value itself, then updated with the rest (one of two ACWR seedings, §9.4). */
  public static double lastSeededWithFirst(double[] values, double k) {
    double x = values[0];
    for (int i = 1; i < values.length; i++) {
      x = step(x, values[i], k);
    }
    return x;
  }
}
