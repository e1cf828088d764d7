package fitcoach.activities;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The one definition of the cadence unit served with an activity's streams. Devices (FIT, TCX, GPX extensions) and
 * Strava record run and walk cadence as strides per minute of one leg; athletes read steps per minute, twice that. The
 * streams API doubles the samples on foot (a whole run, or only a multisport activity's run legs) so every consumer
 * sees steps per minute; rides keep revolutions and swims and rows strokes per minute, as recorded.
 */
public final class StepCadence {
  /** Steps per minute: a run or walk, after doubling. */
  public static final String STEPS = "steps/min";
  public static final String RPM = "rpm";
  public static final String STROKES = "strokes/min";
  /** A multisport activity: steps per minute within its foot legs, the recorded unit in the others. */
  public static final String PER_LEG = "per leg";

  private StepCadence() {
  }

  /** The unit of an activity's served cadence samples. */
  public static String unit(String sportType, List<ActivityLeg> legs) {
    if (!legs.isEmpty()) {
      return PER_LEG;
    }
    return legUnit(Sports.family(sportType));
  }

  /**
   * An activity's average cadence as served with {@link #unit}: doubled into steps per minute on foot, as recorded
   * otherwise; null for a multisport activity, whose one average would mix strides, revolutions and strokes. Only
   * for the view: the stored value stays as recorded.
   */
  public static Double average(Double recorded, String sportType, boolean multisport) {
    if (recorded == null || multisport) {
      return null;
    }
    return onFoot(Sports.family(sportType)) ? Math.round(recorded * 2 * 10) / 10.0 : recorded;
  }

  /** The unit of {@link #average}: as {@link #unit}, with "per leg" for a multisport activity. */
  public static String averageUnit(String sportType, boolean multisport) {
    return multisport ? PER_LEG : legUnit(Sports.family(sportType));
  }

  private static String legUnit(String family) {
    return switch (family) {
      case "run", "walk" -> STEPS;
      case "swim", "row" -> STROKES;
      default -> RPM;
    };
  }

  private static boolean onFoot(String family) {
    return "run".equals(family) || "walk".equals(family);
  }

  /**
   * The streams JSON with cadence in steps per minute where the athlete was on foot: every sample of a run or walk,
   * or the samples within a multisport activity's foot legs (by their start offsets, on the streams' time from the
   * first leg's start). Unchanged when there is no cadence or nothing on foot. Parses the JSON: call it off the event
   * loop, on sampled streams (at most {@link StreamSampler#MAX_POINTS} points).
   */
  public static String toSteps(String streamsJson, String sportType, List<ActivityLeg> legs) {
    boolean anyFoot = legs.isEmpty() ? onFoot(Sports.family(sportType)) : legs.stream().anyMatch(l -> onFoot(l.sportFamily()));
    if (!anyFoot || !streamsJson.contains("\"cadence\"")) {
      return streamsJson;
    }
    JsonObject streams = new JsonObject(streamsJson);
    JsonArray cadence = streams.getJsonArray("cadence");
    JsonArray time = streams.getJsonArray("time");
    if (cadence == null) {
      return streamsJson;
    }
    JsonArray steps = new JsonArray();
    for (int i = 0; i < cadence.size(); i++) {
      Object v = cadence.getValue(i);
      boolean foot = legs.isEmpty() || (time != null && i < time.size() && time.getValue(i) instanceof Number t
          && onFoot(legAt(legs, t.doubleValue())));
      steps.add(foot && v instanceof Number n ? (Object) (Math.round(n.doubleValue() * 2 * 10) / 10.0) : v);
    }
    return streams.put("cadence", steps).encode();
  }

  /** The family of the leg running at {@code t} seconds from the start: the last leg started by then. */
  private static String legAt(List<ActivityLeg> legs, double t) {
    String family = legs.get(0).sportFamily();
    for (ActivityLeg leg : legs) {
      if (leg.startOffsetS() <= t) {
        family = leg.sportFamily();
      }
    }
    return family;
  }
}
