package fitcoach.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A session the athlete plans on a local date. {@code sport} is a sport type as activities use it ("Run", "Ride").
 * At least one of duration and distance is given; {@code targetLoad} is the athlete's own number, or one estimated
 * from duration and intensity ({@code targetLoadEstimated}). {@code steps} is empty for an unstructured session.
 * {@code completion} is null until an activity is linked to it (same date and sport family, or linked by hand).
 */
public record PlannedWorkout(UUID id, LocalDate date, String sport, String title, String description, Integer durationS,
                             Double distanceM, Intensity intensity, Double targetLoad, boolean targetLoadEstimated,
                             List<WorkoutStep> steps, Completion completion) {
  public PlannedWorkout {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** The same workout with another completion (reads fill it in; it is never stored as such). */
  public PlannedWorkout withCompletion(Completion done) {
    return new PlannedWorkout(id, date, sport, title, description, durationS, distanceM, intensity, targetLoad,
        targetLoadEstimated, steps, done);
  }
}
