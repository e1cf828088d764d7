package fitcoach.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Planned workouts and events as a one-line summary and a longer description, for calendars and anywhere else a plan
 * is read rather than edited: "Intervals · 1:05 · load 85", "🏁 A race: Berlin Marathon · 42.2 km".
 */
public final class PlanText {
  private static final String SEP = " · ";

  private PlanText() {
  }

  /** Title (or the sport when there is none), planned duration and distance, target load ("~85" if estimated). */
  public static String summary(PlannedWorkout workout) {
    List<String> parts = new ArrayList<>();
    String title = ExportText.oneLine(workout.title());
    parts.add(title.isEmpty() ? orWorkout(workout.sport()) : title);
    parts.addAll(amounts(workout));
    return String.join(SEP, parts);
  }

  /** The athlete's description, the steps one per line, then the planned numbers and intensity. */
  public static String description(PlannedWorkout workout) {
    List<String> blocks = new ArrayList<>();
    String text = ExportText.clean(workout.description()).strip();
    if (!text.isEmpty()) {
      blocks.add(text);
    }
    if (!workout.steps().isEmpty()) {
      blocks.add(String.join("\n", StepText.lines(workout.steps())));
    }
    List<String> planned = new ArrayList<>(amounts(workout));
    if (workout.targetLoad() != null && workout.targetLoadEstimated()) {
      planned.set(planned.size() - 1, "load " + Math.round(workout.targetLoad()) + " (estimated)");
    }
    String intensity = intensity(workout.intensity());
    if (!intensity.isEmpty()) {
      planned.add(intensity);
    }
    if (!planned.isEmpty()) {
      blocks.add("Planned: " + String.join(SEP, planned));
    }
    return String.join("\n\n", blocks);
  }

  /** "🏁 A race: Berlin Marathon · 42.2 km"; without a priority just "🏁 Berlin Marathon". */
  public static String summary(PlannedEvent event) {
    String name = ExportText.oneLine(event.name());
    String priority = ExportText.oneLine(event.priority());
    String head = "🏁 " + (priority.isEmpty() ? "" : priority + " race: ") + (name.isEmpty() ? "Race" : name);
    return event.distanceM() == null ? head : head + SEP + StepText.distance(event.distanceM());
  }

  /** Sport, distance and what the priority means. */
  public static String description(PlannedEvent event) {
    List<String> parts = new ArrayList<>();
    String sport = ExportText.oneLine(event.sport());
    if (!sport.isEmpty()) {
      parts.add(sport);
    }
    if (event.distanceM() != null) {
      parts.add(StepText.distance(event.distanceM()));
    }
    String meaning = priorityMeaning(event.priority());
    if (!meaning.isEmpty()) {
      parts.add(meaning);
    }
    return String.join(SEP, parts);
  }

  /** "RPE 6" or "HR zone 2"; empty when there is no intensity. */
  public static String intensity(Intensity intensity) {
    if (intensity == null) {
      return "";
    }
    if (Intensity.RPE.equals(intensity.type())) {
      return "RPE " + intensity.value();
    }
    if (Intensity.HR_ZONE.equals(intensity.type())) {
      return "HR zone " + intensity.value();
    }
    return ExportText.oneLine(intensity.type()) + " " + intensity.value();
  }

  private static List<String> amounts(PlannedWorkout workout) {
    List<String> parts = new ArrayList<>();
    if (workout.durationS() != null) {
      parts.add(StepText.hoursMinutes(workout.durationS()));
    }
    if (workout.distanceM() != null) {
      parts.add(StepText.distance(workout.distanceM()));
    }
    if (workout.targetLoad() != null) {
      parts.add("load " + (workout.targetLoadEstimated() ? "~" : "") + Math.round(workout.targetLoad()));
    }
    return parts;
  }

  private static String priorityMeaning(String priority) {
    if (priority == null) {
      return "";
    }
    switch (priority.toUpperCase(Locale.ROOT)) {
      case "A": return "priority A (the season's goal)";
      case "B": return "priority B (an important race)";
      case "C": return "priority C (a training race)";
      default: return "priority " + ExportText.oneLine(priority);
    }
  }

  private static String orWorkout(String sport) {
    String s = ExportText.oneLine(sport);
    return s.isEmpty() ? "Workout" : s;
  }
}
