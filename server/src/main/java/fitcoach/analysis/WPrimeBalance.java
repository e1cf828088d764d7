package fitcoach.analysis;

import java.util.Optional;

/**
 * W′ balance over a 1 Hz power grid, differential form: the "differential equation Froncioni / Clarke" branch of
 * GoldenCheetah {@code src/Metrics/WPrime.cpp} ({@code WPrime::setWatts}), published as Skiba, Fulford, Clarke,
 * Vanhatalo &amp; Jones 2015 (Eur J Appl Physiol 115:703–713). Starting full (W = W′), each second with power P:
 *
 * <pre>
 *   P ≥ CP:  W ← W − (P − CP)                 (depletion, one joule per watt above CP per second)
 *   P &lt; CP:  W ← W + (CP − P) · (W′ − W) / W′  (recovery, faster the further below CP and the emptier W is)
 * </pre>
 *
 * <p>We use the differential form, not GoldenCheetah's default integral form (Skiba 2012, with τ from the ride's mean
 * power below CP), because it needs no whole-ride τ and runs in one pass. A missing power second (NaN) counts as 0 W.
 * Unlike GoldenCheetah we keep the exact power (GoldenCheetah truncates to whole watts) and do not clamp a balance far
 * below zero: a deeply negative W′bal says CP or W′ is stale, and the caller should see it.
 */
public final class WPrimeBalance {

  private WPrimeBalance() {}

  /** The lowest W′ balance (J) and the second (grid index) at the end of which it is first reached. */
  public record Minimum(double joules, int second) {}

  /** The minimum W′bal of a ride; empty for an empty grid or a non-positive CP or W′. */
  public static Optional<Minimum> minimum(double[] power, double cp, double wPrime) {
    if (power == null || power.length == 0 || !(cp > 0) || !(wPrime > 0)) {
      return Optional.empty();
    }
    double w = wPrime;
    double lowest = Double.POSITIVE_INFINITY;
    int at = 0;
    for (int t = 0; t < power.length; t++) {
      double p = Double.isNaN(power[t]) ? 0 : power[t];
      if (p < cp) {
        w += (cp - p) * (wPrime - w) / wPrime;
      } else {
        w -= p - cp;
      }
      if (w < lowest) {
        lowest = w;
        at = t;
      }
    }
    return Optional.of(new Minimum(lowest, at));
  }
}
