package fitcoach.plan;

import java.util.List;

/** A structured workout's total time and distance, repeats counted as often as they run. */
public final class StepTotals {
  private StepTotals() {
  }

  /** The sum of the timed steps, or null when no step is timed. */
  public static Integer durationS(List<WorkoutStep> steps) {
    long total = 0;
    boolean any = false;
    for (WorkoutStep s : steps) {
      if (s.isRepeat()) {
        Integer inner = durationS(s.steps());
        if (inner != null) {
          total += (long) inner * s.count();
          any = true;
        }
      } else if (s.durationS() != null) {
        total += s.durationS();
        any = true;
      }
    }
    return any ? (int) Math.min(total, PlanValidation.MAX_DURATION_S) : null;
  }

  /** The sum of the measured steps, or null when no step has a distance. */
  public static Double distanceM(List<WorkoutStep> steps) {
    double total = 0;
    boolean any = false;
    for (WorkoutStep s : steps) {
      if (s.isRepeat()) {
        Double inner = distanceM(s.steps());
        if (inner != null) {
          total += inner * s.count();
          any = true;
        }
      } else if (s.distanceM() != null) {
        total += s.distanceM();
        any = true;
      }
    }
    return any ? Math.min(total, PlanValidation.MAX_DISTANCE_M) : null;
  }
}
