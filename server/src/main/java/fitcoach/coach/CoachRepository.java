package fitcoach.coach;

import fitcoach.activities.ActivitySource;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for what the coach reads. The data-policy filter lives here and nowhere else: Strava-API activities are
 * returned only when the athlete allowed them.
 */
final class CoachRepository {
  private static final String COLUMNS = """
      id, source, sport_type, coalesce(sport_family, 'other') AS sport_family, name, description, start_date_local, local_date,
      moving_time_s, elapsed_time_s, distance_m, elevation_gain_m, avg_hr, max_hr, avg_power_w, weighted_power_w,
      device_watts, rpe, calories, trainer""";
  // Everything the coach reads comes through coach_activities (V006): per workout, the best copy the policy lets it read.
  private static final String SINCE = "SELECT " + COLUMNS + """
       FROM coach_activities(#{userId}, #{sources})
      WHERE local_date >= #{from} AND local_date <= #{to}
      ORDER BY start_date_local, id""";
  /** The copy of the workout {@code id} belongs to that the coach may read (it may be another source's copy). */
  private static final String ONE = "SELECT " + COLUMNS + """
       FROM coach_activities(#{userId}, #{sources})
      WHERE coalesce(primary_activity_id, id) = (SELECT coalesce(primary_activity_id, id) FROM activities
                                                 WHERE user_id = #{userId} AND id = #{id})""";
  private static final String EXISTS = "SELECT 1 FROM activities WHERE user_id = #{userId} AND id = #{id}";

  private static final RowMapper<CoachActivity> ACTIVITY = (Row r) -> new CoachActivity(r.getUUID("id"), r.getString("source"),
      r.getString("sport_type"), r.getString("sport_family"), r.getString("name"), r.getString("description"),
      r.getLocalDateTime("start_date_local"), r.getLocalDate("local_date"), r.getInteger("moving_time_s"),
      r.getInteger("elapsed_time_s"), r.getDouble("distance_m"), r.getDouble("elevation_gain_m"), r.getDouble("avg_hr"),
      r.getDouble("max_hr"), r.getDouble("avg_power_w"), r.getDouble("weighted_power_w"), r.getBoolean("device_watts"),
      r.getInteger("rpe"), r.getDouble("calories"), Boolean.TRUE.equals(r.getBoolean("trainer")));

  private final SqlTemplate<Map<String, Object>, RowSet<CoachActivity>> since;
  private final SqlTemplate<Map<String, Object>, RowSet<CoachActivity>> one;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> exists;

  CoachRepository(Pool pool) {
    this.since = SqlTemplate.forQuery(pool, SINCE).mapTo(ACTIVITY);
    this.one = SqlTemplate.forQuery(pool, ONE).mapTo(ACTIVITY);
    this.exists = SqlTemplate.forQuery(pool, EXISTS);
  }

  /** Eligible primary activities with local dates in [from, to], oldest first. */
  Future<List<CoachActivity>> activities(UUID userId, LocalDate from, LocalDate to, boolean includeStravaApi) {
    return since.execute(Map.of("userId", userId, "from", from, "to", to, "sources", sources(includeStravaApi))).map(rows -> {
      List<CoachActivity> list = new ArrayList<>(rows.size());
      rows.forEach(list::add);
      return list;
    });
  }

  /**
   * The workout an activity belongs to, as the coach may read it: the best copy of it the policy allows (another
   * source's copy when this one is kept from the coach); empty when no copy may be read or the activity is not the athlete's.
   */
  Future<Optional<CoachActivity>> activity(UUID userId, UUID id, boolean includeStravaApi) {
    return one.execute(Map.of("userId", userId, "id", id, "sources", sources(includeStravaApi)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
  }

  /** Whether the activity exists and is the athlete's, whatever the coach may read. */
  Future<Boolean> exists(UUID userId, UUID id) {
    return exists.execute(Map.of("userId", userId, "id", id)).map(rows -> rows.size() > 0);
  }

  private static String[] sources(boolean includeStravaApi) {
    return ActivitySource.readableByCoach(includeStravaApi).toArray(new String[0]);
  }
}
