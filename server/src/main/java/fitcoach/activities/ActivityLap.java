package fitcoach.activities;

import java.util.List;

/**
 * One lap of an activity as its source recorded it (a FIT lap message, a TCX {@code <Lap>}, a Strava lap), in order
 * from 0. Times are whole seconds; {@code startS} counts from the activity's start. Null means the source did not say
 * and the streams could not tell (see {@link LapFigures}).
 *
 * @param trigger what closed the lap, in FIT's words where known: manual, distance, time, position, session_end, ...
 */
public record ActivityLap(int index, int startS, int elapsedS, Integer movingS, Double distanceM, Double avgHr, Double maxHr,
    Double avgPowerW, Double normalizedPowerW, Double avgSpeedMps, Double ascentM, String trigger) {

  /**
   * The most laps kept per activity: a device file can hold any number of lap messages (a hostile one, millions), and
   * no athlete presses the lap button a thousand times. Laps past this are dropped.
   */
  public static final int MAX_PER_ACTIVITY = 1000;

  /** The first {@link #MAX_PER_ACTIVITY} laps, renumbered 0.. in order; a single lap is the activity itself, so none. */
  public static List<ActivityLap> kept(List<ActivityLap> laps) {
    if (laps == null || laps.size() < 2) {
      return List.of();
    }
    List<ActivityLap> first = laps.size() > MAX_PER_ACTIVITY ? laps.subList(0, MAX_PER_ACTIVITY) : laps;
    List<ActivityLap> out = new java.util.ArrayList<>(first.size());
    for (int i = 0; i < first.size(); i++) {
      out.add(first.get(i).withIndex(i));
    }
    return List.copyOf(out);
  }

  ActivityLap withIndex(int i) {
    return i == index ? this : new ActivityLap(i, startS, elapsedS, movingS, distanceM, avgHr, maxHr, avgPowerW,
        normalizedPowerW, avgSpeedMps, ascentM, trigger);
  }
}
