package fitcoach.coach;

import fitcoach.plan.PlannedWorkout;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where the daily card and the weekly report read the athlete's planned workouts: the plan's service, plugged in by the
 * wiring, so the coach knows the plan's records and nothing else of it.
 */
@FunctionalInterface
public interface PlanReader {
  /** No plan for anyone. */
  PlanReader NONE = (userId, from, to) -> Future.succeededFuture(List.of());

  /** The athlete's planned workouts from {@code from} to {@code to}, both included, by date. */
  Future<List<PlannedWorkout>> workouts(UUID userId, LocalDate from, LocalDate to);
}
