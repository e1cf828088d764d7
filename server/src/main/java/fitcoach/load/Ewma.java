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
}
