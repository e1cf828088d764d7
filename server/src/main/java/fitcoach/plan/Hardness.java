package fitcoach.plan;

import java.util.List;

/**
 * Whether a planned session is hard, for the daily card: RPE 7 or more, heart-rate zone 4 or more, or a work step
 * aimed at threshold or above (the middle of its range at 95 % of FTP or threshold heart rate or more, or zone 4+).
 */
public final class Hardness {
  static final int HARD_RPE = 7;
  static final int HARD_ZONE = 4;
  static final double HARD_PERCENT = 95;

  private Hardness() {
  }

  public static boolean hard(PlannedWorkout w) {
    Intensity i = w.intensity();
    if (i != null && (Intensity.RPE.equals(i.type()) ? i.value() >= HARD_RPE : i.value() >= HARD_ZONE)) {
      return true;
    }
    return hardStep(w.steps());
  }

  private static boolean hardStep(List<WorkoutStep> steps) {
    for (WorkoutStep s : steps) {
      if (s.isRepeat() ? hardStep(s.steps()) : WorkoutStep.WORK.equals(s.type()) && hardTarget(s.target())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hardTarget(StepTarget t) {
    if (t == null) {
      return false;
    }
    double middle = (t.low() + t.high()) / 2;
    if (StepTarget.FTP_PERCENT.equals(t.type()) || StepTarget.LTHR_PERCENT.equals(t.type())) {
      return middle >= HARD_PERCENT;
    }
    return StepTarget.HR_ZONE.equals(t.type()) && t.low() >= HARD_ZONE;
  }
}
