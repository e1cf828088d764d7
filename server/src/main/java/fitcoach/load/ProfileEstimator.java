package fitcoach.load;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Fills in the thresholds the athlete did not enter (§6) and marks them estimated. Entered values always win.
 *
 * <ul>
 *   <li>HRmax = max(robust observed, Tanaka 208 − 0.7·age); only one of them if the other is unknown; 180 bpm
 *       (Tanaka at 40) if both are.
 *   <li>HRrest = 60 bpm.
 *   <li>LTHR = HRrest + 0.85·(HRmax − HRrest), Elevate's default.
 *   <li>FTP = 0.95 × the best 20-min power; null (not estimated) when there is none.
 * </ul>
 */
public final class ProfileEstimator {

  /** HRmax when neither age nor observations are known: Tanaka at 40, a middle-aged default for a Strava user. */
  public static final double FALLBACK_MAX_HR = 180.0;
  public static final double DEFAULT_RESTING_HR = 60.0;
  public static final double LTHR_RESERVE_FRACTION = 0.85;
  public static final double FTP_FROM_20_MIN = 0.95;
  /** Per-activity maxima above this are strap or optical artefacts (§6). */
  public static final double MAX_PLAUSIBLE_HR = 220.0;
  /** Per-activity maxima below this come from walks, dropouts or non-exercise recordings and say nothing about HRmax. */
  public static final double MIN_USEFUL_MAX_HR = 100.0;

  private ProfileEstimator() {}

  public static Thresholds estimate(ProfileFacts facts) {
    Objects.requireNonNull(facts, "facts");
    Sex sex = facts.sex() == null ? Sex.UNKNOWN : facts.sex();

    Double enteredMax = entered(facts.maxHr());
    double maxHr = enteredMax != null ? enteredMax : estimatedMaxHr(facts);

    Double enteredRest = entered(facts.restingHr());
    double restingHr = enteredRest != null ? enteredRest : DEFAULT_RESTING_HR;

    Double enteredLthr = entered(facts.lthr());
    double lthr = enteredLthr != null ? enteredLthr : restingHr + LTHR_RESERVE_FRACTION * (maxHr - restingHr);

    Double enteredFtp = entered(facts.ftpW());
    OptionalDouble best20 = best(facts.observedBestPower20minW());
    Double ftp = enteredFtp != null ? enteredFtp : best20.isPresent() ? FTP_FROM_20_MIN * best20.getAsDouble() : null;

    return new Thresholds(
        sex,
        maxHr, enteredMax == null,
        restingHr, enteredRest == null,
        lthr, enteredLthr == null,
        ftp, enteredFtp == null && ftp != null);
  }

  /**
   * A per-activity max HR we trust: the 2nd-highest clean value, so a single spiky activity cannot set HRmax.
   * Clean means within [100, 220] bpm. With a single clean value, that value (it is all we have).
   */
  public static OptionalDouble robustObservedMaxHr(double[] perActivityMaxHr) {
    int[] evidence = robustEvidence(perActivityMaxHr);
    return evidence.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(perActivityMaxHr[evidence[evidence.length - 1]]);
  }

  /**
   * The activities {@link #robustObservedMaxHr} rests on, as indexes into its input: the two highest clean maxima,
   * highest first (the estimate is the last), or the only one. Equal values keep their input order, so a caller that
   * lists newer activities first names the newer one. Empty when no value is clean.
   */
  public static int[] robustEvidence(double[] perActivityMaxHr) {
    if (perActivityMaxHr == null) {
      return new int[0];
    }
    int first = -1;
    int second = -1;
    for (int i = 0; i < perActivityMaxHr.length; i++) {
      double hr = perActivityMaxHr[i];
      if (!(hr >= MIN_USEFUL_MAX_HR && hr <= MAX_PLAUSIBLE_HR)) {
        continue;
      }
      if (first < 0 || hr > perActivityMaxHr[first]) {
        second = first;
        first = i;
      } else if (second < 0 || hr > perActivityMaxHr[second]) {
        second = i;
      }
    }
    return first < 0 ? new int[0] : second < 0 ? new int[] {first} : new int[] {first, second};
  }

  private static double estimatedMaxHr(ProfileFacts facts) {
    OptionalDouble observed = robustObservedMaxHr(facts.observedMaxHrs());
    Integer age = facts.ageYears();
    if (age != null && age > 0) {
      double byAge = tanaka(age);
      return observed.isPresent() ? Math.max(observed.getAsDouble(), byAge) : byAge;
    }
    return observed.orElse(FALLBACK_MAX_HR);
  }

  /** Tanaka, Monahan &amp; Seals 2001: 208 − 0.7·age. Age formulas all err by ±7–11 bpm; this one is the default. */
  private static double tanaka(double ageYears) {
    return 208 - 0.7 * ageYears;
  }

  /** The highest finite, positive value (20-min powers are averages, so a spike cannot dominate one). */
  private static OptionalDouble best(double[] values) {
    return values == null
        ? OptionalDouble.empty()
        : Arrays.stream(values).filter(v -> Double.isFinite(v) && v > 0).max();
  }

  private static Double entered(Integer value) {
    return value != null && value > 0 ? value.doubleValue() : null;
  }
}
