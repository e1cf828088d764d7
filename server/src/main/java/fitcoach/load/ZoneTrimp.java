package fitcoach.load;

/** Zone-based TRIMPs (§1.3), for athletes or coaches who think in time-in-zone rather than average HR. */
public final class ZoneTrimp {

  private ZoneTrimp() {}

  /** Edwards: minutes in the five %HRmax zones (50–60 … 90–100 %) weighted 1..5. */
  public static double edwards(double z1Min, double z2Min, double z3Min, double z4Min, double z5Min) {
    return z1Min + 2 * z2Min + 3 * z3Min + 4 * z4Min + 5 * z5Min;
  }

  /** Lucia: minutes below VT1, between VT1 and VT2, and above VT2, weighted 1, 2, 3. */
  public static double lucia(double phase1Min, double phase2Min, double phase3Min) {
    return phase1Min + 2 * phase2Min + 3 * phase3Min;
  }
}
