package fitcoach.analytics;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Where the chart reads the athlete's plan to project form past today. Analytics owns this seam and its records, so it
 * imports nothing of the plan feature (fitcoach.plan.PlanService#chartPlan is the source, wired in boot); {@link #NONE}
 * is no plan.
 */
public interface PlanSource {
  /** No plan at all: the chart's future is rest, and no event is marked. */
  PlanSource NONE = (userId, from, to) -> Future.succeededFuture(PlanDays.EMPTY);

  /**
   * The planned load per local date in {@code from}..{@code to} (inclusive) of the workouts no activity has done yet,
   * and the events on those dates. Only {@code userId}'s plan.
   */
  Future<PlanDays> plan(UUID userId, LocalDate from, LocalDate to);
}
