package fitcoach.coach.tools;

import fitcoach.activities.ActivitySource;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of the activity tools (search_activities, get_activity). Every read goes through {@code coach_activities}
 * (V006), or is limited to copies of a source the coach may read: with Strava API data not allowed, no row, stream or
 * lap of a Strava API copy is ever read here.
 */
final class ToolActivitySql {
  /** How much of a note a search row carries (one more char is read to know it was cut). */
  static final int NOTE_SNIPPET = 120;

  /** The sort orders of search_activities, newest first on ties; load is sorted in Java (the coach's loads). */
  enum Sort {
    DATE("a.start_date_local DESC, a.id"),
    DISTANCE("a.distance_m DESC NULLS LAST, a.start_date_local DESC, a.id"),
    DURATION("coalesce(a.moving_time_s, a.elapsed_time_s) DESC NULLS LAST, a.start_date_local DESC, a.id"),
    LOAD("a.start_date_local DESC, a.id");

    final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }

    static Sort parse(String value) {
      return value == null ? DATE : valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  // $1 user, $2 sources, $3 from, $4 to, $5 family (null: all), $6 ILIKE pattern (null: none), $7 limit (null: all).
  private static final String SEARCH = """
      SELECT a.id, a.local_date, a.name, a.sport_type, coalesce(a.sport_family, 'other') AS sport_family,
             a.moving_time_s, a.elapsed_time_s, a.distance_m, a.avg_hr, a.weighted_power_w, a.device_watts,
             c.normalized_power, left(a.notes, %d) AS notes, count(*) OVER () AS total
      FROM coach_activities($1, $2) a
      LEFT JOIN activity_curves c ON c.activity_id = a.id
      WHERE a.local_date >= $3 AND a.local_date <= $4
        AND ($5::text IS NULL OR coalesce(a.sport_family, 'other') = $5)
        AND ($6::text IS NULL OR a.name ILIKE $6 OR a.description ILIKE $6 OR a.notes ILIKE $6)
      ORDER BY %s
      LIMIT $7""";

  /**
   * The copy of the workout {@code $3} belongs to that the coach may read (as coach/CoachRepository.ONE), with where
   * its streams and laps come from: its own when it has them, else another readable copy of the same workout (the one
   * with the most points). Never a copy of a source the coach may not read.
   */
  private static final String ONE = """
      WITH one AS (
        SELECT a.*, coalesce(a.primary_activity_id, a.id) AS workout
        FROM coach_activities($1, $2) a
        WHERE coalesce(a.primary_activity_id, a.id) = (SELECT coalesce(primary_activity_id, id) FROM activities
                                                       WHERE user_id = $1 AND id = $3))
      SELECT one.id, one.source, one.sport_type, coalesce(one.sport_family, 'other') AS sport_family, one.name,
             one.description, one.notes, one.start_date_local, one.local_date, one.moving_time_s, one.elapsed_time_s,
             one.distance_m, one.elevation_gain_m, one.avg_hr, one.max_hr, one.avg_power_w, one.weighted_power_w,
             one.device_watts, one.rpe, one.calories, one.trainer,
             (SELECT s.data FROM activities c JOIN activity_streams s ON s.activity_id = c.id
              WHERE c.user_id = $1 AND coalesce(c.primary_activity_id, c.id) = one.workout AND c.source = ANY ($2)
              ORDER BY (c.id = one.id) DESC, s.point_count DESC, c.group_rank, c.id LIMIT 1) AS streams,
             (SELECT c.id FROM activities c LEFT JOIN activity_streams s ON s.activity_id = c.id
              WHERE c.user_id = $1 AND coalesce(c.primary_activity_id, c.id) = one.workout AND c.source = ANY ($2)
                AND EXISTS (SELECT 1 FROM activity_laps l WHERE l.activity_id = c.id)
              ORDER BY (c.id = one.id) DESC, s.point_count DESC NULLS LAST, c.group_rank, c.id LIMIT 1) AS laps_of
      FROM one""";

  private static final String LAPS = """
      SELECT lap_index, start_s, elapsed_s, moving_s, distance_m, avg_hr, max_hr, avg_power_w, normalized_power_w,
             avg_speed_mps
      FROM activity_laps WHERE activity_id = $1 ORDER BY lap_index""";

  /** A search row, as the coach may read it. */
  record Found(UUID id, LocalDate date, String name, String sportType, String family, Integer movingS, Integer elapsedS,
               Double distanceM, Double avgHr, Double weightedPowerW, Boolean deviceWatts, Double normalizedPowerW,
               String notes, long total) {
    int durationS() {
      return movingS != null ? movingS : elapsedS != null ? elapsedS : 0;
    }
  }

  /** One activity as the coach may read it, with the streams (gzipped JSON, null without) it is analysed from. */
  record Activity(UUID id, String source, String sportType, String family, String name, String description, String notes,
                  LocalDateTime startLocal, LocalDate date, Integer movingS, Integer elapsedS, Double distanceM,
                  Double elevationGainM, Double avgHr, Double maxHr, Double avgPowerW, Double weightedPowerW,
                  Boolean deviceWatts, Integer rpe, Double calories, boolean trainer, byte[] streams, UUID lapsOf) {
    int durationS() {
      return movingS != null ? movingS : elapsedS != null ? elapsedS : 0;
    }
  }

  record Lap(int index, int startS, int elapsedS, Integer movingS, Double distanceM, Double avgHr, Double maxHr,
             Double avgPowerW, Double normalizedPowerW, Double avgSpeedMps) {
  }

  private final Pool pool;

  ToolActivitySql(Pool pool) {
    this.pool = pool;
  }

  /** Matching rows in {@code sort} order, at most {@code limit} (null: all); each row carries the total matched. */
  Future<List<Found>> search(UUID userId, boolean includeStravaApi, LocalDate from, LocalDate to, String family,
                             String text, Sort sort, Integer limit) {
    String sql = SEARCH.formatted(NOTE_SNIPPET + 1, sort.orderBy);
    String pattern = text == null ? null : "%" + escapeLike(text) + "%";
    return pool.preparedQuery(sql).execute(Tuple.wrap(new Object[] {userId, sources(includeStravaApi), from, to, family,
        pattern, limit})).map(rows -> {
          List<Found> out = new ArrayList<>(rows.size());
          for (Row r : rows) {
            out.add(new Found(r.getUUID("id"), r.getLocalDate("local_date"), r.getString("name"), r.getString("sport_type"),
                r.getString("sport_family"), r.getInteger("moving_time_s"), r.getInteger("elapsed_time_s"),
                r.getDouble("distance_m"), r.getDouble("avg_hr"), r.getDouble("weighted_power_w"),
                r.getBoolean("device_watts"), floatOrNull(r, "normalized_power"), r.getString("notes"), r.getLong("total")));
          }
          return out;
        });
  }

  /** The readable copy of the workout {@code id} belongs to; empty when none may be read or it is not the athlete's. */
  Future<Optional<Activity>> activity(UUID userId, boolean includeStravaApi, UUID id) {
    return pool.preparedQuery(ONE).execute(Tuple.of(userId, sources(includeStravaApi), id)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      Buffer streams = r.getBuffer("streams");
      return Optional.of(new Activity(r.getUUID("id"), r.getString("source"), r.getString("sport_type"),
          r.getString("sport_family"), r.getString("name"), r.getString("description"), r.getString("notes"),
          r.getLocalDateTime("start_date_local"), r.getLocalDate("local_date"), r.getInteger("moving_time_s"),
          r.getInteger("elapsed_time_s"), r.getDouble("distance_m"), r.getDouble("elevation_gain_m"), r.getDouble("avg_hr"),
          r.getDouble("max_hr"), r.getDouble("avg_power_w"), r.getDouble("weighted_power_w"), r.getBoolean("device_watts"),
          r.getInteger("rpe"), r.getDouble("calories"), Boolean.TRUE.equals(r.getBoolean("trainer")),
          streams == null ? null : streams.getBytes(), r.getUUID("laps_of")));
    });
  }

  /** The laps of one copy (one {@link #activity} chose), in order. */
  Future<List<Lap>> laps(UUID copyId) {
    if (copyId == null) {
      return Future.succeededFuture(List.of());
    }
    return pool.preparedQuery(LAPS).execute(Tuple.of(copyId)).map(rows -> {
      List<Lap> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Lap(r.getInteger("lap_index"), r.getInteger("start_s"), r.getInteger("elapsed_s"),
            r.getInteger("moving_s"), r.getDouble("distance_m"), r.getDouble("avg_hr"), r.getDouble("max_hr"),
            r.getDouble("avg_power_w"), r.getDouble("normalized_power_w"), r.getDouble("avg_speed_mps")));
      }
      return out;
    });
  }

  private static Double floatOrNull(Row r, String column) {
    Float f = r.getFloat(column);
    return f == null ? null : f.doubleValue();
  }

  /** The text as a literal inside an ILIKE pattern (backslash is PostgreSQL's default escape). */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String[] sources(boolean includeStravaApi) {
    return ActivitySource.readableByCoach(includeStravaApi).toArray(new String[0]);
  }
}
