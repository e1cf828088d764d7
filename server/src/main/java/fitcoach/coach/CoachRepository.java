package fitcoach.coach;

import fitcoach.activities.ActivitySource;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
      id, source, sport_type, coalesce(sport_family, 'other') AS sport_family, name, description, notes, start_date_local, local_date,
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

  /**
   * What the coach sees against what the dashboard counts, up to a day (or in all). {@code activities} is the
   * dashboard's count (ActivityRepository: a workout is its primary copy, merged copies are not counted again); a
   * workout is kept out when none of its copies is of a source the coach may read.
   */
  private static final String COUNTS = """
      WITH coach AS (
        SELECT source FROM coach_activities(#{userId}, #{sources})
        WHERE #{through}::date IS NULL OR local_date <= #{through}::date)
      SELECT
        (SELECT count(*) FROM activities WHERE user_id = #{userId} AND primary_activity_id IS NULL
           AND (#{through}::date IS NULL OR local_date <= #{through}::date)) AS activities,
        (SELECT count(*) FROM coach) AS coach_activities,
        (SELECT count(*) FROM coach WHERE source <> #{stravaApi}) AS file_and_export,
        (SELECT count(*) FROM coach WHERE source = #{stravaApi}) AS strava_api,
        (SELECT count(*) FROM (
           SELECT 1 FROM activities WHERE user_id = #{userId} GROUP BY coalesce(primary_activity_id, id)
           HAVING bool_or(primary_activity_id IS NULL AND (#{through}::date IS NULL OR local_date <= #{through}::date))
              AND NOT bool_or(source = ANY (#{sources}))) kept) AS kept_out""";

  /**
   * A fingerprint of the workouts the coach could read up to each given day, under each given policy: their number and
   * the sum of a 64-bit digest of each one's data as the coach reads it (the copy read, its fields, the athlete's load
   * override), so an insert, a deletion, an edit or another copy read instead changes it. Load columns the load
   * engine writes are not in it: the coach computes its loads from these fields. A workout whose first copy the coach
   * may read was stored after {@code asOf} counts as arrived instead; a null asOf takes every workout.
   * <p>
   * Many answers are judged at once (a list of weekly reports): the totals up to each day are running sums over one
   * timeline of workouts and probes, and only workouts stored after the oldest probe's asOf are matched probe by probe.
   */
  private static final String VERSIONS = """
      WITH probes AS (
        SELECT * FROM unnest(#{keys}::int[], #{through}::date[], #{asOf}::timestamptz[], #{allowed}::bool[])
          AS p(k, through, as_of, allowed)),
      readable AS (
        SELECT false AS allowed, c.* FROM coach_activities(#{userId}, #{ownSources}) c
        WHERE EXISTS (SELECT 1 FROM probes WHERE NOT allowed)
        UNION ALL
        SELECT true, c.* FROM coach_activities(#{userId}, #{allSources}) c
        WHERE EXISTS (SELECT 1 FROM probes WHERE allowed)),
      copies AS (
        SELECT false AS allowed, coalesce(primary_activity_id, id) AS workout, created_at
        FROM activities WHERE user_id = #{userId} AND source = ANY (#{ownSources})
          AND EXISTS (SELECT 1 FROM probes WHERE NOT allowed)
        UNION ALL
        SELECT true, coalesce(primary_activity_id, id), created_at
        FROM activities WHERE user_id = #{userId} AND source = ANY (#{allSources})
          AND EXISTS (SELECT 1 FROM probes WHERE allowed)),
      -- Per workout: the copy read (one row of coach_activities) and when its first readable copy was stored, met by
      -- grouping rather than by a join, so the plan stays linear whatever the statistics say.
      digests AS (
        SELECT allowed, workout, max(local_date) AS local_date, min(created_at) AS first_seen, max(digest) AS digest
        FROM (
          SELECT r.allowed, coalesce(r.primary_activity_id, r.id) AS workout, r.local_date, NULL::timestamptz AS created_at,
            ('x' || left(md5(row(r.id, r.source, r.sport_type, r.name, r.description, r.start_date_local, r.moving_time_s,
               r.elapsed_time_s, r.distance_m, r.elevation_gain_m, r.avg_hr, r.max_hr, r.avg_power_w, r.weighted_power_w,
               r.device_watts, r.rpe, r.calories, r.trainer, r.load_override, r.legs)::text), 16))::bit(64)::bigint AS digest
          FROM readable r
          UNION ALL
          SELECT allowed, workout, NULL, created_at, NULL FROM copies) x
        GROUP BY allowed, workout HAVING count(digest) > 0),
      timeline AS (
        SELECT allowed, local_date AS day, 0 AS after, NULL::int AS k, 1 AS n, digest FROM digests
        UNION ALL
        SELECT allowed, through, 1, k, 0, 0 FROM probes),
      totals AS (
        SELECT k, sum(n) OVER w AS n, sum(digest) OVER w AS s FROM timeline
        WINDOW w AS (PARTITION BY allowed ORDER BY day, after ROWS UNBOUNDED PRECEDING)),
      late AS MATERIALIZED (
        SELECT * FROM digests WHERE first_seen > (SELECT min(as_of) FROM probes))
      SELECT p.k, now() AS read_at, t.n - l.n AS workouts, (t.s - coalesce(l.s, 0))::text AS fingerprint, l.n AS arrived
      FROM probes p JOIN totals t ON t.k = p.k
      CROSS JOIN LATERAL (
        SELECT count(*) AS n, sum(digest) AS s FROM late
        WHERE late.allowed = p.allowed AND late.local_date <= p.through AND late.first_seen > p.as_of) l
      ORDER BY p.k""";

  private static final RowMapper<CoachActivity> ACTIVITY = (Row r) -> new CoachActivity(r.getUUID("id"), r.getString("source"),
      r.getString("sport_type"), r.getString("sport_family"), r.getString("name"), r.getString("description"),
      r.getString("notes"),
      r.getLocalDateTime("start_date_local"), r.getLocalDate("local_date"), r.getInteger("moving_time_s"),
      r.getInteger("elapsed_time_s"), r.getDouble("distance_m"), r.getDouble("elevation_gain_m"), r.getDouble("avg_hr"),
      r.getDouble("max_hr"), r.getDouble("avg_power_w"), r.getDouble("weighted_power_w"), r.getBoolean("device_watts"),
      r.getInteger("rpe"), r.getDouble("calories"), Boolean.TRUE.equals(r.getBoolean("trainer")));

  private final SqlTemplate<Map<String, Object>, RowSet<CoachActivity>> since;
  private final SqlTemplate<Map<String, Object>, RowSet<CoachActivity>> one;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> exists;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> counts;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> versions;

  /** The coach's view of the athlete's workouts in numbers (see {@link Coverage}). */
  record Counts(long activities, long coachActivities, long fileAndExport, long stravaApi, long keptOut) {
  }

  /** Which workouts to fingerprint: those up to {@code through} under a policy, split at {@code asOf} (null: none arrived). */
  record Probe(LocalDate through, OffsetDateTime asOf, boolean stravaApiAllowed) {
  }

  /**
   * The fingerprint of a probe's workouts.
   *
   * @param workouts how many there are (stored before asOf)
   * @param fingerprint the sum of their digests
   * @param arrived how many more the coach can read that were stored after asOf
   */
  record Version(long workouts, String fingerprint, long arrived) {
  }

  /** Each probe's version, in order, and when they were read (database time). */
  record Versions(OffsetDateTime readAt, List<Version> each) {
  }

  CoachRepository(Pool pool) {
    this.since = SqlTemplate.forQuery(pool, SINCE).mapTo(ACTIVITY);
    this.one = SqlTemplate.forQuery(pool, ONE).mapTo(ACTIVITY);
    this.exists = SqlTemplate.forQuery(pool, EXISTS);
    this.counts = SqlTemplate.forQuery(pool, COUNTS);
    this.versions = SqlTemplate.forQuery(pool, VERSIONS);
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

  /** What the coach sees under a policy against what the dashboard counts, up to {@code through} (null: in all). */
  Future<Counts> counts(UUID userId, boolean includeStravaApi, LocalDate through) {
    Map<String, Object> params = new HashMap<>();
    params.put("userId", userId);
    params.put("sources", sources(includeStravaApi));
    params.put("through", through);
    params.put("stravaApi", ActivitySource.STRAVA_API.value());
    return counts.execute(params).map(rows -> {
      Row r = rows.iterator().next();
      return new Counts(r.getLong("activities"), r.getLong("coach_activities"), r.getLong("file_and_export"),
          r.getLong("strava_api"), r.getLong("kept_out"));
    });
  }

  /** The version of each probe's workouts, read in one statement. */
  Future<Versions> versions(UUID userId, List<Probe> probes) {
    int n = probes.size();
    Integer[] keys = new Integer[n];
    LocalDate[] through = new LocalDate[n];
    OffsetDateTime[] asOf = new OffsetDateTime[n];
    Boolean[] allowed = new Boolean[n];
    for (int i = 0; i < n; i++) {
      keys[i] = i;
      through[i] = probes.get(i).through();
      asOf[i] = probes.get(i).asOf();
      allowed[i] = probes.get(i).stravaApiAllowed();
    }
    return versions.execute(Map.of("userId", userId, "keys", keys, "through", through, "asOf", asOf, "allowed", allowed,
        "ownSources", sources(false), "allSources", sources(true))).map(rows -> {
      List<Version> each = new ArrayList<>(n);
      OffsetDateTime readAt = null;
      for (Row r : rows) {
        readAt = r.getOffsetDateTime("read_at");
        each.add(new Version(r.getLong("workouts"), r.getString("fingerprint"), r.getLong("arrived")));
      }
      return new Versions(readAt, each);
    });
  }

  private static String[] sources(boolean includeStravaApi) {
    return ActivitySource.readableByCoach(includeStravaApi).toArray(new String[0]);
  }
}
