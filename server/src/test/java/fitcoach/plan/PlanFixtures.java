package fitcoach.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Planned workouts, steps and events for the export tests, built the way the API stores them. */
final class PlanFixtures {
  static final LocalDate DAY = LocalDate.of(2026, 12, 8);

  private PlanFixtures() {
  }

  static WorkoutStep timed(String type, int seconds, StepTarget target) {
    return new WorkoutStep(type, seconds, null, null, null, target);
  }

  static WorkoutStep distance(String type, double metres, StepTarget target) {
    return new WorkoutStep(type, null, metres, null, null, target);
  }

  static WorkoutStep repeat(int count, WorkoutStep... steps) {
    return new WorkoutStep(WorkoutStep.REPEAT, null, null, count, List.of(steps), null);
  }

  static StepTarget ftp(double low, double high) {
    return new StepTarget(StepTarget.FTP_PERCENT, low, high);
  }

  static StepTarget lthr(double low, double high) {
    return new StepTarget(StepTarget.LTHR_PERCENT, low, high);
  }

  static StepTarget hrZone(double low, double high) {
    return new StepTarget(StepTarget.HR_ZONE, low, high);
  }

  static StepTarget pace(double low, double high) {
    return new StepTarget(StepTarget.PACE, low, high);
  }

  /** Warm-up 15 min in zone 2, 5 × (4 min at 105–110 % FTP, 3 min at 50–60 %), 10 min at 90–100 % LTHR, 2 km cool-down. */
  static List<WorkoutStep> intervalSteps() {
    return List.of(
        timed(WorkoutStep.WARMUP, 900, hrZone(2, 2)),
        repeat(5, timed(WorkoutStep.WORK, 240, ftp(105, 110)), timed(WorkoutStep.RECOVERY, 180, ftp(50, 60))),
        timed(WorkoutStep.WORK, 600, lthr(90, 100)),
        distance(WorkoutStep.COOLDOWN, 2000, pace(300, 330)));
  }

  static PlannedWorkout workout(String sport, String title, Integer durationS, Double distanceM, List<WorkoutStep> steps) {
    return new PlannedWorkout(UUID.randomUUID(), DAY, sport, title, null, durationS, distanceM,
        new Intensity(Intensity.RPE, 6), null, false, steps, null);
  }

  static PlannedWorkout withDescription(PlannedWorkout w, String description) {
    return new PlannedWorkout(w.id(), w.date(), w.sport(), w.title(), description, w.durationS(), w.distanceM(),
        w.intensity(), w.targetLoad(), w.targetLoadEstimated(), w.steps(), w.completion());
  }

  static PlannedWorkout withLoad(PlannedWorkout w, double load, boolean estimated) {
    return new PlannedWorkout(w.id(), w.date(), w.sport(), w.title(), w.description(), w.durationS(), w.distanceM(),
        w.intensity(), load, estimated, w.steps(), w.completion());
  }

  static PlannedWorkout withIntensity(PlannedWorkout w, Intensity intensity) {
    return new PlannedWorkout(w.id(), w.date(), w.sport(), w.title(), w.description(), w.durationS(), w.distanceM(),
        intensity, w.targetLoad(), w.targetLoadEstimated(), w.steps(), w.completion());
  }

  static PlannedWorkout onDate(PlannedWorkout w, LocalDate date) {
    return new PlannedWorkout(w.id(), date, w.sport(), w.title(), w.description(), w.durationS(), w.distanceM(),
        w.intensity(), w.targetLoad(), w.targetLoadEstimated(), w.steps(), w.completion());
  }
}
