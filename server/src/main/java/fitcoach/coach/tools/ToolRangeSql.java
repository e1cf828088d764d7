package fitcoach.coach.tools;

import fitcoach.activities.ActivitySource;
import fitcoach.progress.ZoneTotals;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL of the range tools (compare_periods, performance_curve). Every read goes through {@code coach_activities(user,
 * sources)}: per workout the one copy the data policy lets the coach read, so a Strava-API-only workout is absent when
 * the policy excludes it, and a merged workout counts once. Stored analyses (activity_curves, owned by the progress
 * package) are read only for those copies: the progress package's own range reads do not apply the policy.
 */
final class ToolRangeSql {
  /** The readable copies in a range, one per workout; $5 a sport family or null for all. */
  private static final String READABLE = """
      SELECT id, local_date, coalesce(sport_family, 'other') AS sport_family, coalesce(moving_time_s, elapsed_time_s) AS time_s,
             distance_m, elevation_gain_m, avg_hr
      FROM coach_activities($1, $2)
      WHERE local_date >= $3 AND local_date <= $4 AND ($5::text IS NULL OR sport_family = $5)""";
  /** Stored analyses of the readable copies in a range. */
  private static final String CURVES_OF_READABLE = """
      FROM activity_curves c JOIN coach_activities($1, $2) a ON a.id = c.activity_id
      WHERE c.user_id = $1 AND c.local_date >= $3 AND c.local_date <= $4 AND ($5::text IS NULL OR c.sport_family = $5)""";
  private static final String HISTOGRAMS = "SELECT c.local_date, c.hr_hist, c.power_hist " + CURVES_OF_READABLE
      + " AND (c.hr_hist IS NOT NULL OR c.power_hist IS NOT NULL)";
  /**
   * The best value at each asked duration ($6: 1-based indexes of MeanMax.DURATIONS_S) with the activity holding it
   * (the earliest on ties), and how many activities have the curve (n, on every row).
   */
  private static final String CURVE = """
      WITH r AS MATERIALIZED (
        SELECT c.activity_id, c.local_date, c.%1$s AS v
        """ + CURVES_OF_READABLE + """
         AND c.%1$s IS NOT NULL),
      best AS (SELECT i, max(r.v[i]) AS v FROM r CROSS JOIN unnest($6::int[]) AS i GROUP BY i),
      held AS (SELECT DISTINCT ON (b.i) b.i, b.v, r.activity_id, r.local_date
               FROM best b JOIN r ON r.v[b.i] = b.v ORDER BY b.i, r.local_date, r.activity_id)
      SELECT held.i, held.v, held.activity_id, held.local_date, a.name, (SELECT count(*) FROM r) AS n
      FROM held JOIN activities a ON a.id = held.activity_id AND a.user_id = $1
      ORDER BY held.i""";
  /** The fastest run effort per distance (BestEfforts.RUN_DISTANCES_M, 1-based i), with its activity. */
  private static final String EFFORTS = """
      SELECT DISTINCT ON (u.i) u.i, u.t, c.activity_id, c.local_date, a.name
      FROM activity_curves c JOIN coach_activities($1, $2) a ON a.id = c.activity_id
        CROSS JOIN LATERAL unnest(c.effort_time) WITH ORDINALITY AS u(t, i)
      WHERE c.user_id = $1 AND c.local_date >= $3 AND c.local_date <= $4 AND ($5::text IS NULL OR c.sport_family = $5)
        AND c.effort_time IS NOT NULL AND u.t IS NOT NULL
      ORDER BY u.i, u.t, c.local_date, c.activity_id""";

  /**
   * A version of the athlete's stored analyses: the worker writes rows after the chart has moved on (the load
   * snapshot), so answers over them are memoised under this as well. A write, a re-analysis or a deletion changes it.
   */
  private static final String CURVES_VERSION = """
      SELECT count(*) || ':' || coalesce(max(computed_at)::text, '') AS v FROM activity_curves WHERE user_id = $1""";

  /** A readable activity's stored figures (load comes from the engine, by id). */
  record Activity(UUID id, LocalDate date, String family, Integer timeS, Double distanceM, Double elevationM, Double avgHr) {
  }

  /** A best value: 0-based index (duration or distance), value (curve unit, or seconds for an effort), its holder. */
  record Best(int index, double value, UUID activityId, LocalDate date, String name) {
  }

  record Curve(List<Best> points, long activities) {
  }

  /** The range and policy every read takes: inclusive local dates, a sport family or null for all. */
  record Range(UUID userId, boolean includeStravaApi, LocalDate from, LocalDate to, String family) {
    /** $1..$5, then {@code more} as $6... */
    Tuple tuple(Object... more) {
      Object[] values = new Object[5 + more.length];
      values[0] = userId;
      values[1] = ActivitySource.readableByCoach(includeStravaApi).toArray(new String[0]);
      values[2] = from;
      values[3] = to;
      values[4] = family;
      System.arraycopy(more, 0, values, 5, more.length);
      return Tuple.wrap(values);
    }
  }

  private final Pool pool;

  ToolRangeSql(Pool pool) {
    this.pool = pool;
  }

  Future<String> curvesVersion(UUID userId) {
    return pool.preparedQuery(CURVES_VERSION).execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getString("v"));
  }

  Future<List<Activity>> activities(Range range) {
    return pool.preparedQuery(READABLE).execute(range.tuple()).map(rows -> {
      List<Activity> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Activity(r.getUUID("id"), r.getLocalDate("local_date"), r.getString("sport_family"),
            r.getInteger("time_s"), r.getDouble("distance_m"), r.getDouble("elevation_gain_m"), r.getDouble("avg_hr")));
      }
      return out;
    });
  }

  Future<List<ZoneTotals.Row>> histograms(Range range) {
    return pool.preparedQuery(HISTOGRAMS).execute(range.tuple()).map(rows -> {
      List<ZoneTotals.Row> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new ZoneTotals.Row(r.getLocalDate("local_date"), r.getArrayOfIntegers("hr_hist"),
            r.getArrayOfIntegers("power_hist")));
      }
      return out;
    });
  }

  /** {@code column}: power, hr or speed (a constant of the tool, never the model's text); {@code indexes} 0-based. */
  Future<Curve> curve(Range range, String column, List<Integer> indexes) {
    Integer[] oneBased = indexes.stream().map(i -> i + 1).toArray(Integer[]::new);
    return pool.preparedQuery(CURVE.formatted(column)).execute(range.tuple((Object) oneBased)).map(rows -> {
      List<Best> out = new ArrayList<>(rows.size());
      long n = 0;
      for (Row r : rows) {
        out.add(new Best(r.getInteger("i") - 1, r.getFloat("v"), r.getUUID("activity_id"), r.getLocalDate("local_date"),
            r.getString("name")));
        n = r.getLong("n");
      }
      return new Curve(out, n);
    });
  }

  Future<List<Best>> efforts(Range range) {
    return pool.preparedQuery(EFFORTS).execute(range.tuple()).map(rows -> {
      List<Best> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Best(r.getLong("i").intValue() - 1, r.getFloat("t"), r.getUUID("activity_id"),
            r.getLocalDate("local_date"), r.getString("name")));
      }
      return out;
    });
  }
}
