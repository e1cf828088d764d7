package fitcoach.analytics;

import fitcoach.activities.Sports;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The chart's {@link PlanSource}: reads planned_workouts and planned_events (V020) with SQL. A workout is done, so its
 * load is not planned any more, when it is linked by hand to an activity (link 'manual' with the activity still there),
 * or, linked automatically (link 'auto'), when an activity the chart counts has its local date and sport family. Link
 * 'none' (the athlete said no activity did it) leaves it planned. A workout without a target load plans no load.
 */
public final class PlannedLoadRepository implements PlanSource {
  static final String AUTO = "auto";
  static final String MANUAL = "manual";

  private static final String WORKOUTS = """
      SELECT day, sport, coalesce(target_load, 0) AS load, link, activity_id FROM planned_workouts
      WHERE user_id = #{userId} AND day BETWEEN #{from} AND #{to}""";
  /** The activities the chart counts (not a duplicate's copy) on days that hold a workout linked automatically. */
  private static final String ACTIVITIES_ON_AUTO_DAYS = """
      SELECT local_date, sport_type FROM activities
      WHERE user_id = #{userId} AND primary_activity_id IS NULL AND local_date IN (
        SELECT day FROM planned_workouts WHERE user_id = #{userId} AND link = 'auto' AND day BETWEEN #{from} AND #{to})""";
  private static final String EVENTS = """
      SELECT day, name, priority, sport FROM planned_events
      WHERE user_id = #{userId} AND day BETWEEN #{from} AND #{to} ORDER BY day, priority, name""";

  /** One planned workout as the load needs it. */
  record Workout(LocalDate day, String sport, double load, String link, UUID activityId) {
  }

  private final SqlTemplate<Map<String, Object>, RowSet<Row>> workouts;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> activities;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> events;

  public PlannedLoadRepository(Pool pool) {
    this.workouts = SqlTemplate.forQuery(pool, WORKOUTS);
    this.activities = SqlTemplate.forQuery(pool, ACTIVITIES_ON_AUTO_DAYS);
    this.events = SqlTemplate.forQuery(pool, EVENTS);
  }

  @Override
  public Future<PlanDays> plan(UUID userId, LocalDate from, LocalDate to) {
    Map<String, Object> params = Map.of("userId", userId, "from", from, "to", to);
    return Future.all(workouts.execute(params), activities.execute(params), events.execute(params)).map(all -> {
      List<Workout> planned = new ArrayList<>();
      all.<RowSet<Row>>resultAt(0).forEach(r -> planned.add(new Workout(r.getLocalDate("day"), r.getString("sport"),
          r.getDouble("load"), r.getString("link"), r.getUUID("activity_id"))));
      Set<String> done = new HashSet<>();
      all.<RowSet<Row>>resultAt(1).forEach(r -> done.add(key(r.getLocalDate("local_date"), r.getString("sport_type"))));
      List<PlanDays.Event> list = new ArrayList<>();
      all.<RowSet<Row>>resultAt(2).forEach(r -> list.add(new PlanDays.Event(r.getLocalDate("day"), r.getString("name"),
          r.getString("priority"), r.getString("sport"))));
      return new PlanDays(notDone(planned, done), list);
    });
  }

  /**
   * The summed load per date of the workouts no activity did. {@code activityDays} holds {@link #key} of each counted
   * activity on a day with an automatically linked workout.
   */
  static SortedMap<LocalDate, Double> notDone(List<Workout> workouts, Set<String> activityDays) {
    SortedMap<LocalDate, Double> loads = new TreeMap<>();
    for (Workout w : workouts) {
      boolean done = MANUAL.equals(w.link()) ? w.activityId() != null
          : AUTO.equals(w.link()) && activityDays.contains(key(w.day(), w.sport()));
      if (!done && w.load() > 0) {
        loads.merge(w.day(), w.load(), Double::sum);
      }
    }
    return loads;
  }

  private static String key(LocalDate day, String sportType) {
    return day + "|" + Sports.family(sportType);
  }
}
