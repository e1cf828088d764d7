package fitcoach.load;

/**
 * Profile values as the athlete entered them (null or ≤ 0 = unknown) and what the data shows.
 *
 * @param observedMaxHrs per-activity max HR over the last 12 months, any order, may be empty
 * @param observedBestPower20minW best 20-min power of recent activities with real power, may be empty
 */
public record ProfileFacts(
    Sex sex,
    Integer ageYears,
    Integer maxHr,
    Integer restingHr,
    Integer lthr,
    Integer ftpW,
    double[] observedMaxHrs,
    double[] observedBestPower20minW) {}
