package fitcoach.load;

/**
 * Running TSS from grade-adjusted pace (§2.3). Not used by {@link ActivityLoad} yet: it needs GAP from
 * streams and a threshold pace, which we do not collect; without them HRSS is the better run load.
 */
public final class RunningLoad {

  private RunningLoad() {}

  /** rTSS = hours × IF² × 100, with IF = threshold pace ÷ pace (paces in seconds per km, so faster = smaller). */
  public static double rTss(double seconds, double gapPaceSPerKm, double thresholdPaceSPerKm) {
    double intensity = thresholdPaceSPerKm / gapPaceSPerKm;
    return seconds / 3600.0 * intensity * intensity * 100.0;
  }
}
