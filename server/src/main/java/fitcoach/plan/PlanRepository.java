package fitcoach.plan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * SQL for the plan: planned_workouts and planned_events (their only owner), and the reads of the athlete's activities
 * the plan needs (the days' sessions, and the rates a load estimate stands on).
 */
final class PlanRepository {
  private static final String WORKOUT_COLUMNS = "id, day, sport, title, description, duration_s, distance_m, intensity_type, "
      + "intensity_value, target_load, target_load_estimated, steps, link, activity_id";
  private static final String LIST_WORKOUTS = "SELECT " + WORKOUT_COLUMNS + " FROM planned_workouts "
      + "WHERE user_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day, created_at, id";
  private static final String GET_WORKOUT = "SELECT " + WORKOUT_COLUMNS + " FROM planned_workouts WHERE user_id = $1 AND id = $2";
  private static final String INSERT_WORKOUT = "INSERT INTO planned_workouts (id, user_id, day, sport, title, description, "
      + "duration_s, distance_m, intensity_type, intensity_value, target_load, target_load_estimated, steps) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb) RETURNING " + WORKOUT_COLUMNS;
  private static final String UPDATE_WORKOUT = "UPDATE planned_workouts SET day = $3, sport = $4, title = $5, description = $6, "
      + "duration_s = $7, distance_m = $8, intensity_type = $9, intensity_value = $10, target_load = $11, "
      + "target_load_estimated = $12, steps = $13::jsonb, updated_at = now() WHERE user_id = $2 AND id = $1 RETURNING "
      + WORKOUT_COLUMNS;
  private static final String DELETE_WORKOUT = "DELETE FROM planned_workouts WHERE user_id = $1 AND id = $2";
  private static final String SET_LINK = "UPDATE planned_workouts SET link = $3, activity_id = $4, updated_at = now() "
      + "WHERE user_id = $1 AND id = $2 RETURNING " + WORKOUT_COLUMNS;

  private static final String EVENT_COLUMNS = "id, day, name, sport, distance_m, priority";
  private static final String LIST_EVENTS = "SELECT " + EVENT_COLUMNS + " FROM planned_events "
      + "WHERE user_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day, created_at, id";
  private static final String INSERT_EVENT = "INSERT INTO planned_events (id, user_id, day, name, sport, distance_m, priority) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING " + EVENT_COLUMNS;
  private static final String UPDATE_EVENT = "UPDATE planned_events SET day = $3, name = $4, sport = $5, distance_m = $6, "
      + "priority = $7, updated_at = now() WHERE user_id = $2 AND id = $1 RETURNING " + EVENT_COLUMNS;
  private static final String DELETE_EVENT = "DELETE FROM planned_events WHERE user_id = $1 AND id = $2";

  /** The athlete's sessions (merged copies left out: their lead counts), for the calendar and for linking. */
  private static final String ACTIVITY_COLUMNS = "id, name, sport_type, coalesce(sport_family, 'other') AS sport_family, "
      + "local_date, coalesce(moving_time_s, elapsed_time_s) AS duration_s, distance_m, coalesce(load_override, load) AS load";
  private static final String ACTIVITIES = "SELECT " + ACTIVITY_COLUMNS + " FROM activities "
      + "WHERE user_id = $1 AND primary_activity_id IS NULL AND local_date BETWEEN $2 AND $3 ORDER BY start_date_local, id";
  /** Activities linked by hand, wherever they lie; a copy that was merged since stands for its lead. */
  private static final String ACTIVITIES_BY_ID = """
      SELECT a.id, a.name, a.sport_type, coalesce(a.sport_family, 'other') AS sport_family, a.local_date,
             coalesce(a.moving_time_s, a.elapsed_time_s) AS duration_s, a.distance_m,
             coalesce(a.load_override, a.load) AS load, l.id AS linked_id
      FROM activities l JOIN activities a ON a.id = coalesce(l.primary_activity_id, l.id)
      WHERE l.user_id = $1 AND l.id = ANY($2)""";
  private static final String OWNS_ACTIVITY = "SELECT 1 FROM activities WHERE user_id = $1 AND id = $2";
  /** The athlete's last year of one sport family: median load per hour of measured or rated sessions, median speed. */
  private static final String RATES = """
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY coalesce(load_override, load) / (moving_time_s / 3600.0))
               FILTER (WHERE load_method IN ('POWER', 'HEART_RATE', 'RPE') AND coalesce(load_override, load) IS NOT NULL) AS rate,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY distance_m / moving_time_s) FILTER (WHERE distance_m > 0) AS speed
      FROM activities
      WHERE user_id = $1 AND primary_activity_id IS NULL AND sport_family = $2 AND moving_time_s > 0
        AND local_date > $3::date - 365""";

  /** A row of the athlete's sessions as the plan reads it. */
  record DoneActivity(UUID id, String name, String sportType, String sportFamily, LocalDate date, Integer durationS,
                      Double distanceM, Double load) {
  }

  /** A workout as stored, with its link state (auto, manual, none) and the activity linked by hand. */
  record StoredWorkout(PlannedWorkout workout, String link, UUID activityId) {
  }

  record Rates(OptionalDouble loadPerHour, OptionalDouble speedMps) {
  }

  private final Pool pool;

  PlanRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<StoredWorkout>> workouts(UUID userId, LocalDate from, LocalDate to) {
    return pool.preparedQuery(LIST_WORKOUTS).execute(Tuple.of(userId, from, to)).map(PlanRepository::workouts);
  }

  Future<Optional<StoredWorkout>> workout(UUID userId, UUID id) {
    return pool.preparedQuery(GET_WORKOUT).execute(Tuple.of(userId, id)).map(rows -> first(workouts(rows)));
  }

  Future<List<StoredWorkout>> insert(UUID userId, List<PlannedWorkout> workouts) {
    List<Tuple> batch = new ArrayList<>();
    for (PlannedWorkout w : workouts) {
      batch.add(values(w.id(), userId, w));
    }
    // One transaction: a proposed plan is added whole or not at all.
    return pool.withTransaction(client -> client.preparedQuery(INSERT_WORKOUT).executeBatch(batch).map(rows -> {
      List<StoredWorkout> out = new ArrayList<>();
      for (RowSet<Row> r = rows; r != null; r = r.next()) {
        out.addAll(workouts(r));
      }
      return out;
    }));
  }

  Future<Optional<StoredWorkout>> update(UUID userId, PlannedWorkout w) {
    return pool.preparedQuery(UPDATE_WORKOUT).execute(values(w.id(), userId, w)).map(rows -> first(workouts(rows)));
  }

  Future<Boolean> deleteWorkout(UUID userId, UUID id) {
    return pool.preparedQuery(DELETE_WORKOUT).execute(Tuple.of(userId, id)).map(r -> r.rowCount() > 0);
  }

  Future<Optional<StoredWorkout>> setLink(UUID userId, UUID id, String link, UUID activityId) {
    return pool.preparedQuery(SET_LINK).execute(Tuple.of(userId, id, link, activityId)).map(rows -> first(workouts(rows)));
  }

  Future<Boolean> ownsActivity(UUID userId, UUID activityId) {
    return pool.preparedQuery(OWNS_ACTIVITY).execute(Tuple.of(userId, activityId)).map(rows -> rows.size() > 0);
  }

  Future<List<PlannedEvent>> events(UUID userId, LocalDate from, LocalDate to) {
    return pool.preparedQuery(LIST_EVENTS).execute(Tuple.of(userId, from, to)).map(PlanRepository::events);
  }

  Future<PlannedEvent> insertEvent(UUID userId, PlannedEvent e) {
    return pool.preparedQuery(INSERT_EVENT).execute(Tuple.of(e.id(), userId, e.date(), e.name(), e.sport(), e.distanceM(),
        e.priority())).map(rows -> events(rows).get(0));
  }

  Future<Optional<PlannedEvent>> updateEvent(UUID userId, PlannedEvent e) {
    return pool.preparedQuery(UPDATE_EVENT).execute(Tuple.of(e.id(), userId, e.date(), e.name(), e.sport(), e.distanceM(),
        e.priority())).map(rows -> first(events(rows)));
  }

  Future<Boolean> deleteEvent(UUID userId, UUID id) {
    return pool.preparedQuery(DELETE_EVENT).execute(Tuple.of(userId, id)).map(r -> r.rowCount() > 0);
  }

  Future<List<DoneActivity>> activities(UUID userId, LocalDate from, LocalDate to) {
    return pool.preparedQuery(ACTIVITIES).execute(Tuple.of(userId, from, to)).map(rows -> {
      List<DoneActivity> out = new ArrayList<>();
      rows.forEach(row -> out.add(activity(row)));
      return out;
    });
  }

  /** The activities linked by hand, keyed by the id the link names (a merged copy yields its lead). */
  Future<java.util.Map<UUID, DoneActivity>> activitiesById(UUID userId, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(java.util.Map.of());
    }
    return pool.preparedQuery(ACTIVITIES_BY_ID).execute(Tuple.tuple().addUUID(userId).addArrayOfUUID(ids.toArray(UUID[]::new))).map(rows -> {
      java.util.Map<UUID, DoneActivity> out = new java.util.HashMap<>();
      rows.forEach(row -> out.put(row.getUUID("linked_id"), activity(row)));
      return out;
    });
  }

  Future<Rates> rates(UUID userId, String sportFamily, LocalDate today) {
    return pool.preparedQuery(RATES).execute(Tuple.of(userId, sportFamily, today)).map(rows -> {
      Row row = rows.iterator().next();
      return new Rates(optional(row.getDouble("rate")), optional(row.getDouble("speed")));
    });
  }

  private static OptionalDouble optional(Double d) {
    return d == null || !Double.isFinite(d) ? OptionalDouble.empty() : OptionalDouble.of(d);
  }

  private static DoneActivity activity(Row row) {
    // The family from the sport type, as the store derives it: the stored column is filled only once loads are computed.
    return new DoneActivity(row.getUUID("id"), row.getString("name"), row.getString("sport_type"),
        fitcoach.activities.Sports.family(row.getString("sport_type")), row.getLocalDate("local_date"), row.getInteger("duration_s"),
        row.getDouble("distance_m"), row.getDouble("load"));
  }

  private static Tuple values(UUID id, UUID userId, PlannedWorkout w) {
    Intensity i = w.intensity();
    return Tuple.wrap(new Object[] {id, userId, w.date(), w.sport(), w.title(), w.description(), w.durationS(),
        w.distanceM(), i == null ? null : i.type(), i == null ? null : (short) i.value(), w.targetLoad(),
        w.targetLoadEstimated(), PlanJson.steps(w.steps())});
  }

  private static List<StoredWorkout> workouts(RowSet<Row> rows) {
    List<StoredWorkout> out = new ArrayList<>();
    for (Row row : rows) {
      String type = row.getString("intensity_type");
      Intensity intensity = type == null ? null : new Intensity(type, row.getShort("intensity_value"));
      Object steps = row.getValue("steps");
      JsonArray array = steps instanceof JsonArray a ? a : new JsonArray(String.valueOf(steps));
      PlannedWorkout w = new PlannedWorkout(row.getUUID("id"), row.getLocalDate("day"), row.getString("sport"),
          row.getString("title"), row.getString("description"), row.getInteger("duration_s"), row.getDouble("distance_m"),
          intensity, row.getDouble("target_load"), row.getBoolean("target_load_estimated"), PlanJson.steps(array), null);
      out.add(new StoredWorkout(w, row.getString("link"), row.getUUID("activity_id")));
    }
    return out;
  }

  private static List<PlannedEvent> events(RowSet<Row> rows) {
    List<PlannedEvent> out = new ArrayList<>();
    for (Row row : rows) {
      out.add(new PlannedEvent(row.getUUID("id"), row.getLocalDate("day"), row.getString("name"), row.getString("sport"),
          row.getDouble("distance_m"), row.getString("priority")));
    }
    return out;
  }

  private static <T> Optional<T> first(List<T> list) {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }
}
