package fitcoach.analytics;

import fitcoach.activities.Sports;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The chart's {@link PlanSource}: reads planned_workouts and planned_events (V020) with SQL, and decides which workouts
 * are done as the calendar does (fitcoach.plan.Completions), so both show one plan: a workout linked by hand (link
 * 'manual', its activity still there) is done; one the athlete marked as not done (link 'none') stays planned; every
 * other one, in the order they were planned, takes the day's counted activity of the same sport family whose duration
 * is closest to its own (the first when it has none), leaving out activities linked by hand or taken already. A workout
 * without a target load plans no load.
 */
public final class PlannedLoadRepository implements PlanSource {
  static final String AUTO = "auto";
  static final String MANUAL = "manual";

  private static final String WORKOUTS = """
      SELECT day, sport, coalesce(target_load, 0) AS load, duration_s, link, activity_id FROM planned_workouts
      WHERE user_id = #{userId} AND day BETWEEN #{from} AND #{to} ORDER BY day, created_at, id""";
  /** The activities the chart counts (not a duplicate's copy) on days that hold a workout linked automatically. */
  private static final String ACTIVITIES_ON_AUTO_DAYS = """
      SELECT id, local_date, sport_type, coalesce(moving_time_s, elapsed_time_s) AS duration_s FROM activities
      WHERE user_id = #{userId} AND primary_activity_id IS NULL AND local_date IN (
        SELECT day FROM planned_workouts WHERE user_id = #{userId} AND link = 'auto' AND day BETWEEN #{from} AND #{to})
      ORDER BY start_date_local, id""";
  private static final String EVENTS = """
      SELECT day, name, priority, sport FROM planned_events
      WHERE user_id = #{userId} AND day BETWEEN #{from} AND #{to} ORDER BY day, priority, name""";

  /** One planned workout as the load needs it, in planned order. */
  record Workout(LocalDate day, String sport, double load, Integer durationS, String link, UUID activityId) {
  }

  /** A counted activity on a day with an automatically linked workout. */
  record Done(UUID id, LocalDate day, String sportType, Integer durationS) {
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
          r.getDouble("load"), r.getInteger("duration_s"), r.getString("link"), r.getUUID("activity_id"))));
      List<Done> done = new ArrayList<>();
      all.<RowSet<Row>>resultAt(1).forEach(r -> done.add(new Done(r.getUUID("id"), r.getLocalDate("local_date"),
          r.getString("sport_type"), r.getInteger("duration_s"))));
      List<PlanDays.Event> list = new ArrayList<>();
      all.<RowSet<Row>>resultAt(2).forEach(r -> list.add(new PlanDays.Event(r.getLocalDate("day"), r.getString("name"),
          r.getString("priority"), r.getString("sport"))));
      return new PlanDays(notDone(planned, done), list);
    });
  }

  /** The summed load per date of the workouts no activity did ({@code workouts} in planned order). */
  static SortedMap<LocalDate, Double> notDone(List<Workout> workouts, List<Done> activities) {
    Set<UUID> byHand = new HashSet<>();
    workouts.stream().filter(w -> MANUAL.equals(w.link()) && w.activityId() != null).forEach(w -> byHand.add(w.activityId()));
    Map<String, List<Done>> free = new HashMap<>();
    for (Done a : activities) {
      if (!byHand.contains(a.id())) {
        free.computeIfAbsent(key(a.day(), a.sportType()), k -> new ArrayList<>()).add(a);
      }
    }
    SortedMap<LocalDate, Double> loads = new TreeMap<>();
    for (Workout w : workouts) {
      boolean done = false;
      if (MANUAL.equals(w.link())) {
        done = w.activityId() != null;
      } else if (AUTO.equals(w.link())) {
        List<Done> candidates = free.get(key(w.day(), w.sport()));
        if (candidates != null && !candidates.isEmpty()) {
          candidates.remove(closest(candidates, w.durationS()));
          done = true;
        }
      }
      if (!done && w.load() > 0) {
        loads.merge(w.day(), w.load(), Double::sum);
      }
    }
    return loads;
  }

  private static int closest(List<Done> candidates, Integer plannedS) {
    if (plannedS == null) {
      return 0;
    }
    int best = 0;
    for (int i = 1; i < candidates.size(); i++) {
      if (gap(candidates.get(i), plannedS) < gap(candidates.get(best), plannedS)) {
        best = i;
      }
    }
    return best;
  }

  private static long gap(Done a, int plannedS) {
    return a.durationS() == null ? Long.MAX_VALUE : Math.abs(a.durationS() - (long) plannedS);
  }

  private static String key(LocalDate day, String sportType) {
    return day + "|" + Sports.family(sportType);
  }
}
