package fitcoach.plan;

import fitcoach.activities.Sports;
import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a planned workout or an event from the athlete's JSON (or the coach's proposal), checking every field in one
 * place; a problem is a 422 naming the field by its path ("steps[1].steps[0].target.low"). The ranges here are the
 * table's CHECKs in db/V020__plan.sql.
 */
public final class PlanValidation {
  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 10_000;
  public static final int MAX_DURATION_S = 86_400;
  public static final double MAX_DISTANCE_M = 1_000_000;
  public static final double MAX_LOAD = 2000;
  /** Steps in a workout, counting those inside repeats once: more than any watch holds. */
  public static final int MAX_STEPS = 50;
  public static final int MAX_REPEAT = 50;
  private static final Set<String> STEP_TYPES = Set.of(WorkoutStep.WARMUP, WorkoutStep.WORK, WorkoutStep.RECOVERY,
      WorkoutStep.COOLDOWN, WorkoutStep.REPEAT);
  private static final Set<String> WORKOUT_FIELDS = Set.of("date", "sport", "title", "description", "durationS",
      "distanceM", "intensity", "targetLoad", "steps");
  private static final Set<String> EVENT_FIELDS = Set.of("date", "name", "sport", "distanceM", "priority");

  private PlanValidation() {
  }

  /** A workout as the athlete (or the coach) wrote it; its load is estimated later when not given. */
  public record WorkoutInput(LocalDate date, String sport, String title, String description, Integer durationS,
                             Double distanceM, Intensity intensity, Double targetLoad, List<WorkoutStep> steps) {
  }

  public static WorkoutInput workout(JsonObject body, String prefix) {
    if (body == null) {
      throw ApiException.invalid(prefix.isEmpty() ? "body" : prefix, "invalid_value", "Send the workout as a JSON object");
    }
    unknownFields(body, WORKOUT_FIELDS, prefix);
    LocalDate date = date(body, prefix + "date");
    String sport = sport(body, prefix + "sport");
    String title = text(body.getValue("title"), prefix + "title", MAX_TITLE, true);
    String description = text(body.getValue("description"), prefix + "description", MAX_DESCRIPTION, false);
    Integer durationS = integer(body.getValue("durationS"), prefix + "durationS", 1, MAX_DURATION_S);
    Double distanceM = number(body.getValue("distanceM"), prefix + "distanceM", 0, MAX_DISTANCE_M, false);
    List<WorkoutStep> steps = steps(body.getValue("steps"), prefix + "steps");
    if (durationS == null && distanceM == null) {
      // A structured workout says how long it is through its steps.
      durationS = StepTotals.durationS(steps);
      distanceM = StepTotals.distanceM(steps);
      if (durationS == null && distanceM == null) {
        throw ApiException.invalid(prefix + "durationS", "required", "Give the planned duration or distance (or steps)");
      }
    }
    Intensity intensity = intensity(body.getValue("intensity"), prefix + "intensity");
    Double targetLoad = number(body.getValue("targetLoad"), prefix + "targetLoad", 0, MAX_LOAD, true);
    return new WorkoutInput(date, sport, title, description == null ? "" : description, durationS, distanceM, intensity,
        targetLoad, steps);
  }

  public static PlannedEvent event(JsonObject body) {
    if (body == null) {
      throw ApiException.invalid("body", "invalid_value", "Send the event as a JSON object");
    }
    unknownFields(body, EVENT_FIELDS, "");
    LocalDate date = date(body, "date");
    String name = text(body.getValue("name"), "name", MAX_TITLE, true);
    String sport = sport(body, "sport");
    Double distanceM = number(body.getValue("distanceM"), "distanceM", 0, MAX_DISTANCE_M, false);
    Object p = body.getValue("priority");
    if (!(p instanceof String s) || !Set.of("A", "B", "C").contains(s)) {
      throw ApiException.invalid("priority", "invalid_value", "'priority' must be A, B or C");
    }
    return new PlannedEvent(null, date, name, sport, distanceM, (String) p);
  }

  private static void unknownFields(JsonObject body, Set<String> known, String prefix) {
    for (String name : body.fieldNames()) {
      if (!known.contains(name)) {
        throw ApiException.invalid(prefix + name, "unknown_field", "'" + prefix + name + "' is not a field here; known: "
            + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  static LocalDate date(JsonObject body, String field) {
    Object v = body.getValue(field.substring(field.lastIndexOf('.') + 1));
    if (!(v instanceof String s)) {
      throw ApiException.invalid(field, "required", "'" + field + "' must be a date like 2026-12-07");
    }
    try {
      return DateWindow.require(field, LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "invalid_value", "'" + field + "' must be a date like 2026-12-07");
    }
  }

  private static String sport(JsonObject body, String field) {
    Object v = body.getValue("sport");
    String canonical = v instanceof String s ? Sports.canonical(s) : null;
    if (canonical == null) {
      throw ApiException.invalid(field, "unknown_sport", "'" + field + "' must be a sport type such as Run, Ride or Swim");
    }
    return canonical;
  }

  private static String text(Object v, String field, int max, boolean required) {
    if (v == null) {
      if (required) {
        throw ApiException.invalid(field, "required", "'" + field + "' is required");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      throw ApiException.invalid(field, "invalid_value", "'" + field + "' must be text");
    }
    String t = s.strip();
    if (t.indexOf('\0') >= 0) {
      throw ApiException.invalid(field, "invalid_value", "'" + field + "' must not contain NUL characters");
    }
    if (required && t.isEmpty()) {
      throw ApiException.invalid(field, "required", "'" + field + "' must not be empty");
    }
    if (t.codePointCount(0, t.length()) > max) {
      throw ApiException.invalid(field, "too_long", "'" + field + "' may be at most " + max + " characters");
    }
    return t;
  }

  private static Integer integer(Object v, String field, int min, int max) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw ApiException.invalid(field, "invalid_value", "'" + field + "' must be a whole number");
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      throw ApiException.invalid(field, "out_of_range", "'" + field + "' must be from " + min + " to " + max);
    }
    return (int) d;
  }

  /** A finite number in range; {@code minInclusive} says whether {@code min} itself is allowed (0 load yes, 0 m no). */
  private static Double number(Object v, String field, double min, double max, boolean minInclusive) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw ApiException.invalid(field, "invalid_value", "'" + field + "' must be a number");
    }
    double d = n.doubleValue();
    if ((minInclusive ? d < min : d <= min) || d > max) {
      throw ApiException.invalid(field, "out_of_range", "'" + field + "' must be " + (minInclusive ? "from " : "over ")
          + fmt(min) + (minInclusive ? " to " : " and at most ") + fmt(max));
    }
    return d;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static Intensity intensity(Object v, String field) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw ApiException.invalid(field, "invalid_value", "'" + field + "' must be {type: rpe|hr_zone, value}");
    }
    Object type = o.getValue("type");
    int max;
    if (Intensity.RPE.equals(type)) {
      max = 10;
    } else if (Intensity.HR_ZONE.equals(type)) {
      max = 5;
    } else {
      throw ApiException.invalid(field + ".type", "invalid_value", "'" + field + ".type' must be rpe or hr_zone");
    }
    Integer value = integer(o.getValue("value"), field + ".value", 1, max);
    if (value == null) {
      throw ApiException.invalid(field + ".value", "required", "'" + field + ".value' is required");
    }
    return new Intensity((String) type, value);
  }

  private static List<WorkoutStep> steps(Object v, String field) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonArray array)) {
      throw ApiException.invalid(field, "invalid_value", "'" + field + "' must be a list of steps");
    }
    int[] count = {0};
    List<WorkoutStep> steps = stepList(array, field, false, count);
    return steps;
  }

  private static List<WorkoutStep> stepList(JsonArray array, String field, boolean insideRepeat, int[] count) {
    List<WorkoutStep> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = field + "[" + i + "]";
      if (++count[0] > MAX_STEPS) {
        throw ApiException.invalid(at, "too_many", "A workout may have at most " + MAX_STEPS + " steps");
      }
      Object item = array.getValue(i);
      if (!(item instanceof JsonObject o)) {
        throw ApiException.invalid(at, "invalid_value", "'" + at + "' must be a step object");
      }
      out.add(step(o, at, insideRepeat, count));
    }
    return out;
  }

  private static WorkoutStep step(JsonObject o, String at, boolean insideRepeat, int[] count) {
    Object type = o.getValue("type");
    if (!(type instanceof String t) || !STEP_TYPES.contains(t)) {
      throw ApiException.invalid(at + ".type", "invalid_value", "'" + at + ".type' must be one of warmup, work, recovery, cooldown, repeat");
    }
    for (String name : o.fieldNames()) {
      if (!Set.of("type", "durationS", "distanceM", "count", "steps", "target").contains(name)) {
        throw ApiException.invalid(at + "." + name, "unknown_field", "'" + at + "." + name + "' is not a step field");
      }
    }
    if (WorkoutStep.REPEAT.equals(t)) {
      if (insideRepeat) {
        throw ApiException.invalid(at + ".type", "invalid_value", "A repeat cannot hold another repeat");
      }
      Integer repeats = integer(o.getValue("count"), at + ".count", 2, MAX_REPEAT);
      if (repeats == null) {
        throw ApiException.invalid(at + ".count", "required", "'" + at + ".count' is required for a repeat");
      }
      if (o.getValue("durationS") != null || o.getValue("distanceM") != null || o.getValue("target") != null) {
        throw ApiException.invalid(at, "invalid_value", "A repeat has a count and steps, not its own duration, distance or target");
      }
      Object inner = o.getValue("steps");
      if (!(inner instanceof JsonArray children) || children.isEmpty()) {
        throw ApiException.invalid(at + ".steps", "required", "A repeat needs at least one step");
      }
      return new WorkoutStep(t, null, null, repeats, stepList(children, at + ".steps", true, count), null);
    }
    // A step read back from the API carries "count": null and "steps": [], and may be sent back as it is.
    Object children = o.getValue("steps");
    if (o.getValue("count") != null || (children != null && !(children instanceof JsonArray empty && empty.isEmpty()))) {
      throw ApiException.invalid(at, "invalid_value", "Only a repeat has a count and steps");
    }
    Integer durationS = integer(o.getValue("durationS"), at + ".durationS", 1, MAX_DURATION_S);
    Double distanceM = number(o.getValue("distanceM"), at + ".distanceM", 0, MAX_DISTANCE_M, false);
    if ((durationS == null) == (distanceM == null)) {
      throw ApiException.invalid(at + ".durationS", "invalid_value", "A step has either a duration or a distance");
    }
    return new WorkoutStep(t, durationS, distanceM, null, List.of(), target(o.getValue("target"), at + ".target"));
  }

  private static StepTarget target(Object v, String field) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw ApiException.invalid(field, "invalid_value", "'" + field + "' must be {type, low, high}");
    }
    Object type = o.getValue("type");
    double[] range;
    if (StepTarget.FTP_PERCENT.equals(type)) {
      range = new double[] {1, 300};
    } else if (StepTarget.LTHR_PERCENT.equals(type)) {
      range = new double[] {30, 130};
    } else if (StepTarget.HR_ZONE.equals(type)) {
      range = new double[] {1, 5};
    } else if (StepTarget.PACE.equals(type)) {
      range = new double[] {60, 1800}; // 1:00 to 30:00 per km
    } else {
      throw ApiException.invalid(field + ".type", "invalid_value", "'" + field + ".type' must be ftp_percent, lthr_percent, hr_zone or pace");
    }
    Double low = number(o.getValue("low"), field + ".low", range[0], range[1], true);
    Double high = number(o.getValue("high"), field + ".high", range[0], range[1], true);
    if (low == null || high == null) {
      throw ApiException.invalid(field + (low == null ? ".low" : ".high"), "required", "A target needs low and high");
    }
    if (low > high) {
      throw ApiException.invalid(field + ".low", "invalid_value", "'" + field + ".low' must not be above '" + field + ".high'");
    }
    if (StepTarget.HR_ZONE.equals(type) && (low != Math.rint(low) || high != Math.rint(high))) {
      throw ApiException.invalid(field + ".low", "invalid_value", "Heart-rate zones are whole numbers from 1 to 5");
    }
    return new StepTarget((String) type, low, high);
  }
}
