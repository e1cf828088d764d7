package fitcoach.activities;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One leg of a multisport activity (a session of a triathlon FIT file): swim, bike, run, or the transition between
 * two of them. An activity without legs is one sport throughout. Stored as JSON with the activity; the load of an
 * activity with legs is the sum of its legs' loads.
 *
 * @param sportType     Strava-style sport name, {@link Sports#TRANSITION} for a changeover
 * @param startOffsetS  seconds from the activity's start to the leg's
 * @param distanceM     null when not known, as for every Double here
 */
public record ActivityLeg(
    String sportType,
    int startOffsetS,
    int elapsedTimeS,
    int movingTimeS,
    Double distanceM,
    Double avgHr,
    Double maxHr,
    Double avgPowerW,
    Double normalizedPowerW) {

  public ActivityLeg {
    if (sportType == null || sportType.isBlank()) {
      throw new IllegalArgumentException("A leg needs a sport type");
    }
  }

  public boolean transition() {
    return Sports.TRANSITION.equals(sportType);
  }

  public String sportFamily() {
    return Sports.family(sportType);
  }

  /** camelCase keys as in the API; unknown values are JSON nulls. */
  public JsonObject toJson() {
    // The family is derived, but stored too: matching finds other sources' copies of a leg by it in SQL.
    return new JsonObject()
        .put("sportType", sportType)
        .put("sportFamily", sportFamily())
        .put("startOffsetS", startOffsetS)
        .put("elapsedTimeS", elapsedTimeS)
        .put("movingTimeS", movingTimeS)
        .put("distanceM", distanceM)
        .put("avgHr", avgHr)
        .put("maxHr", maxHr)
        .put("avgPowerW", avgPowerW)
        .put("normalizedPowerW", normalizedPowerW);
  }

  /**
   * The leg {@link #toJson} wrote. A missing or non-numeric time is a damaged row, not a leg of zero seconds, so it
   * is refused.
   *
   * @throws IllegalArgumentException naming the field that is missing or of the wrong type
   */
  public static ActivityLeg fromJson(JsonObject json) {
    if (json == null) {
      throw new IllegalArgumentException("A leg must be a JSON object");
    }
    if (!(json.getValue("sportType") instanceof String sport)) {
      throw new IllegalArgumentException("A leg's sportType must be a string");
    }
    return new ActivityLeg(sport, seconds(json, "startOffsetS"), seconds(json, "elapsedTimeS"), seconds(json, "movingTimeS"),
        number(json, "distanceM"), number(json, "avgHr"), number(json, "maxHr"), number(json, "avgPowerW"),
        number(json, "normalizedPowerW"));
  }

  /** The legs as a JSON array, in order. */
  public static JsonArray toJson(List<ActivityLeg> legs) {
    JsonArray out = new JsonArray();
    for (ActivityLeg leg : legs) {
      out.add(leg.toJson());
    }
    return out;
  }

  /** The legs {@link #toJson(List)} wrote; null (an activity without legs) is an empty list. */
  public static List<ActivityLeg> listFromJson(JsonArray json) {
    if (json == null) {
      return List.of();
    }
    List<ActivityLeg> legs = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      if (!(json.getValue(i) instanceof JsonObject leg)) {
        throw new IllegalArgumentException("Leg " + (i + 1) + " must be a JSON object");
      }
      legs.add(fromJson(leg));
    }
    return List.copyOf(legs);
  }

  private static int seconds(JsonObject json, String key) {
    if (!(json.getValue(key) instanceof Number n)) {
      throw new IllegalArgumentException("A leg's " + key + " must be a number");
    }
    return n.intValue();
  }

  private static Double number(JsonObject json, String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("A leg's " + key + " must be a number or null");
    }
    return n.doubleValue();
  }
}
