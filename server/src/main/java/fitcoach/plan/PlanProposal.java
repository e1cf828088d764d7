package fitcoach.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A drafted plan with the engine's numbers, stored nowhere: each session's load by the estimator the calendar uses,
 * Monday-based weekly totals, and the chart's projection from the athlete's today through {@code lastDay} with these
 * sessions added to the plan already on the calendar ({@code includesExistingPlan}). {@code workouts} are the exact
 * bodies for {@code POST /api/plan/workouts/batch}, so adding the proposal adds what was shown.
 */
public record PlanProposal(LocalDate start, LocalDate lastDay, LocalDate today, List<Session> sessions, List<Week> weeks,
                           List<Day> projection, Day last, boolean includesExistingPlan, String note,
                           List<Map<String, Object>> workouts) {
  public PlanProposal {
    sessions = List.copyOf(sessions);
    weeks = List.copyOf(weeks);
    projection = List.copyOf(projection);
    workouts = List.copyOf(workouts);
  }

  /** One proposed session; {@code loadBasis} says what its load stands on ("RPE 6", "heart-rate zone 2"). */
  public record Session(LocalDate date, String sport, String title, String description, Integer durationS,
                        Intensity intensity, Double targetLoad, boolean targetLoadEstimated, String loadBasis,
                        List<WorkoutStep> steps) {
  }

  /** A Monday-based week of the proposal: its sessions, seconds and load. */
  public record Week(LocalDate weekStart, int sessions, long durationS, double load) {
  }

  /**
   * One projected day: {@code plannedLoad} is everything planned that day (existing plan and proposal);
   * {@code form} is the chart's form (tsb: fitness − fatigue at the start of the day, before its training) and
   * {@code formAfter} the chart's tsbAfter (after the day's training).
   */
  public record Day(LocalDate date, double plannedLoad, double fitness, double fatigue, double form, double formAfter) {
  }
}
