package fitcoach.load;

/**
 * What the engine needs from an activity. Streams are 1 Hz arrays aligned to seconds (may be null);
 * NaN marks a missing sample (paused or dropped out), which then counts neither as load nor as time.
 *
 * @param sportFamily free text such as "run", "ride", "swim"; the history estimate is looked up per family
 * @param rpe 1..10, or null; values outside 1..10 are ignored
 * @param loadOverride null unless the athlete set the load by hand
 */
public record ActivityData(
    String sportFamily,
    int movingTimeS,
    Double avgHr,
    Double avgPowerW,
    Double weightedPowerW,
    boolean deviceWatts,
    Integer rpe,
    Double loadOverride,
    double[] hrStream,
    double[] powerStream) {}
