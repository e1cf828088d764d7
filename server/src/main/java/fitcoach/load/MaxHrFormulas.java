package fitcoach.load;

/** Age-predicted maximum heart rate (§6). Errors are ±7–11 bpm whichever is used; Tanaka is our default. */
public final class MaxHrFormulas {

  private MaxHrFormulas() {}

  /** Tanaka, Monahan &amp; Seals 2001: 208 − 0.7·age. */
  public static double tanaka(double ageYears) {
    return 208 - 0.7 * ageYears;
  }

  /** Nes et al. 2013 (HUNT): 211 − 0.64·age. */
  public static double nes(double ageYears) {
    return 211 - 0.64 * ageYears;
  }

  /** Gulati 2010, women: 206 − 0.88·age. */
  public static double gulati(double ageYears) {
    return 206 - 0.88 * ageYears;
  }

  /** 220 − age, kept only for comparison: it "has no scientific merit" (Robergs &amp; Landwehr 2002). */
  public static double foxHaskell(double ageYears) {
    return 220 - ageYears;
  }
}
