package fitcoach.analytics;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL for weekly and per-sport totals. Average HR is weighted by moving time, counting only sessions with HR. */
final class AnalyticsRepository {
  private static final String WEEKLY = """
      SELECT date_trunc('week', local_date)::date AS week_start,
             count(*) AS sessions,
             coalesce(sum(distance_m), 0) AS distance_m,
             coalesce(sum(coalesce(elapsed_time_s, moving_time_s)), 0) AS duration_s,
             coalesce(sum(coalesce(moving_time_s, elapsed_time_s)), 0) AS moving_time_s,
             coalesce(sum(elevation_gain_m), 0) AS elevation_gain_m,
             sum(avg_hr * moving_time_s) FILTER (WHERE avg_hr IS NOT NULL AND moving_time_s > 0)
               / nullif(sum(moving_time_s) FILTER (WHERE avg_hr IS NOT NULL AND moving_time_s > 0), 0) AS avg_hr,
             coalesce(sum(coalesce(load_override, load)), 0) AS load
      FROM activities
      WHERE user_id = #{userId} AND primary_activity_id IS NULL AND local_date >= #{from} AND local_date <= #{to}
        AND (#{sport}::text IS NULL OR sport_family = #{sport} OR sport_type = #{sport})
      GROUP BY 1 ORDER BY 1""";
  private static final String SPORTS = """
      SELECT coalesce(sport_family, 'other') AS sport, count(*) AS sessions, coalesce(sum(distance_m), 0) AS distance_m,
             coalesce(sum(coalesce(moving_time_s, elapsed_time_s)), 0) AS moving_time_s,
             coalesce(sum(elevation_gain_m), 0) AS elevation_gain_m, coalesce(sum(coalesce(load_override, load)), 0) AS load,
             max(local_date) AS last_activity
      FROM activities
      WHERE user_id = #{userId} AND primary_activity_id IS NULL AND (#{from}::date IS NULL OR local_date >= #{from}) AND (#{to}::date IS NULL OR local_date <= #{to})
      GROUP BY 1 ORDER BY moving_time_s DESC""";

  record WeekRow(LocalDate weekStart, int sessions, double distanceM, long durationS, long movingTimeS, double elevationGainM,
                 Double avgHr, double load) {
  }

  private final SqlTemplate<Map<String, Object>, RowSet<Row>> weekly;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> sports;

  AnalyticsRepository(Pool pool) {
    this.weekly = SqlTemplate.forQuery(pool, WEEKLY);
    this.sports = SqlTemplate.forQuery(pool, SPORTS);
  }

  Future<List<WeekRow>> weekly(UUID userId, LocalDate from, LocalDate to, String sport) {
    Map<String, Object> p = new HashMap<>();
    p.put("userId", userId);
    p.put("from", from);
    p.put("to", to);
    p.put("sport", sport);
    return weekly.execute(p).map(rows -> {
      List<WeekRow> weeks = new ArrayList<>();
      for (Row r : rows) {
        weeks.add(new WeekRow(r.getLocalDate("week_start"), r.getLong("sessions").intValue(), r.getDouble("distance_m"),
            r.getNumeric("duration_s").longValue(), r.getNumeric("moving_time_s").longValue(), r.getDouble("elevation_gain_m"),
            r.getDouble("avg_hr"), r.getDouble("load")));
      }
      return weeks;
    });
  }

  Future<List<SportTotalsView>> sports(UUID userId, LocalDate from, LocalDate to) {
    Map<String, Object> p = new HashMap<>();
    p.put("userId", userId);
    p.put("from", from);
    p.put("to", to);
    return sports.execute(p).map(rows -> {
      List<SportTotalsView> list = new ArrayList<>();
      for (Row r : rows) {
        list.add(new SportTotalsView(r.getString("sport"), r.getLong("sessions").intValue(), PmcDayView.round(r.getDouble("distance_m")),
            r.getNumeric("moving_time_s").longValue(), PmcDayView.round(r.getDouble("elevation_gain_m")),
            PmcDayView.round(r.getDouble("load")), r.getLocalDate("last_activity")));
      }
      return list;
    });
  }
}
