package fitcoach.load;

/**
 * Friel's absolute form (TSB) zones, as Elevate implements them (§3.6): thresholds +25, +5, −10, −30.
 *
 * <p>Boundary convention: a value exactly on a threshold belongs to the zone nearer zero. That is the only
 * reading that keeps the reference's strict "Transition &gt; +25" and "Overload &lt; −30", so
 * +25 is FRESH, +5 and −10 are NEUTRAL, and −30 is OPTIMAL.
 */
public enum FormZone {
  /** form &gt; +25: long break, detraining. */
  TRANSITION,
  /** +5 &lt; form ≤ +25: race-ready. */
  FRESH,
  /** −10 ≤ form ≤ +5: grey zone. */
  NEUTRAL,
  /** −30 ≤ form &lt; −10: productive training. */
  OPTIMAL,
  /** form &lt; −30: high risk. */
  OVERLOAD;

  /** The zone of a form value; form must be a number. */
  public static FormZone of(double form) {
    if (Double.isNaN(form)) {
      throw new IllegalArgumentException("form is NaN");
    }
    if (form > 25) {
      return TRANSITION;
    }
    if (form > 5) {
      return FRESH;
    }
    if (form >= -10) {
      return NEUTRAL;
    }
    if (form >= -30) {
      return OPTIMAL;
    }
    return OVERLOAD;
  }
}
