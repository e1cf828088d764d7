package fitcoach.analytics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A stretch of the athlete's plan as the chart needs it.
 *
 * @param plannedLoads per local date, the summed target load of the planned workouts not yet done (dates with none are
 *                     absent: rest)
 * @param events       races and goal days, by date
 */
public record PlanDays(SortedMap<LocalDate, Double> plannedLoads, List<Event> events) {
  public static final PlanDays EMPTY = new PlanDays(new TreeMap<>(), List.of());

  public PlanDays {
    plannedLoads = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(plannedLoads, "plannedLoads")));
    events = List.copyOf(events);
  }

  /** Nothing planned and no event: the chart is the same as without a plan. */
  public boolean isEmpty() {
    return plannedLoads.isEmpty() && events.isEmpty();
  }

  /** A race or goal day: {@code priority} A (the season's goal), B or C; {@code sport} a sport type ("Run"). */
  public record Event(LocalDate date, String name, String priority, String sport) {
  }
}
