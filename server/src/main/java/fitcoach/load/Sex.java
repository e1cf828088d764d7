package fitcoach.load;

/**
 * The athlete's sex, which picks the Banister TRIMP weighting (§1.1).
 *
 * <p>{@link #UNKNOWN} uses the male constants: they are Banister's original weighting, GoldenCheetah and
 * Elevate apply the male pre-factor to everyone, and in HRSS (our default HR load) only the exponent
 * survives, so the choice moves the load by a few percent at most.
 */
public enum Sex {
  MALE,
  FEMALE,
  UNKNOWN
}
