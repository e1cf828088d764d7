package fitcoach.plan;

import java.util.List;

/**
 * One step of a structured workout. {@code type} is warmup, work, recovery, cooldown or repeat. A repeat has
 * {@code count} (2–50) and its own {@code steps} (one level deep: a repeat holds no repeat), and no duration, distance
 * or target. Every other step has exactly one of {@code durationS} and {@code distanceM}, and an optional target.
 */
public record WorkoutStep(String type, Integer durationS, Double distanceM, Integer count, List<WorkoutStep> steps,
                          StepTarget target) {
  public static final String WARMUP = "warmup";
  public static final String WORK = "work";
  public static final String RECOVERY = "recovery";
  public static final String COOLDOWN = "cooldown";
  public static final String REPEAT = "repeat";

  public WorkoutStep {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isRepeat() {
    return REPEAT.equals(type);
  }
}
