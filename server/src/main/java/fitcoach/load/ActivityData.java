package fitcoach.load;

import java.util.List;

/**
 * What the engine needs from an activity. Streams are 1 Hz arrays aligned to seconds (may be null);
 * NaN marks a missing sample (paused or dropped out), which then counts neither as load nor as time.
 *
 * @param sportFamily free text such as "run", "ride", "swim"; the history estimate is looked up per family;
 *                    {@link ActivityLoad#TRANSITION_FAMILY} marks a multisport changeover leg
 * @param rpe 1..10, or null; values outside 1..10 are ignored
 * @param loadOverride null unless the athlete set the load by hand
 * @param legs the legs of a multisport activity (swim, transition, bike, ...), each with its own family, times and
 *             averages; empty for an activity of one sport. See {@link ActivityLoad#compute} for how they count.
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
    double[] powerStream,
    List<ActivityData> legs) {

  public ActivityData {
    legs = legs == null ? List.of() : List.copyOf(legs);
  }

  /** An activity of one sport (no legs). */
  public ActivityData(String sportFamily, int movingTimeS, Double avgHr, Double avgPowerW, Double weightedPowerW,
      boolean deviceWatts, Integer rpe, Double loadOverride, double[] hrStream, double[] powerStream) {
    this(sportFamily, movingTimeS, avgHr, avgPowerW, weightedPowerW, deviceWatts, rpe, loadOverride, hrStream, powerStream,
        List.of());
  }
}
