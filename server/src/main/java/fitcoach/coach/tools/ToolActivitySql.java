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
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of the activity tools (search_activities, get_activity). Every read goes through {@code coach_activities}
 * (V006), or is limited to copies of a source the coach may read: with Strava API data not allowed, no row, stream or
 * lap of a Strava API copy is ever read here.
 */
final class ToolActivitySql {
  /** How much of a note a search row carries. */
  static final int NOTE_SNIPPET = 120;

  /**
   * Every workout the coach may read (the copy coach_activities picks), newest first: what search_activities filters,
   * sorts and cuts in memory, memoised with the athlete's data (one read per version of it, not per search).
   */
  private static final String ALL = """
      SELECT a.id, a.local_date, a.start_date_local, a.name, a.sport_type, coalesce(a.sport_family, 'other') AS sport_family,
             a.moving_time_s, a.elapsed_time_s, a.distance_m, a.avg_hr, a.weighted_power_w, a.device_watts, a.description,
             a.notes
      FROM coach_activities($1, $2) a
      ORDER BY a.start_date_local DESC, a.id""";

  /**
   * The copy of the workout {@code $3} belongs to that the coach may read, with where its streams and laps come from:
   * its own when it has them, else another readable copy of the same workout (the one with the most points). Never a
   * copy of a source the coach may not read.
   * <p>
   * This is {@code coach_activities} (V006) for one workout, with the same rule (copies of a readable source, the best
   * group rank, then id), reached through the primary key and the primary-copy index: through the function, the
   * workout is picked after every workout of the athlete was ranked (tens of ms on ten years), since the planner
   * cannot push the workout's id through its DISTINCT ON.
   */
  private static final String ONE = """
      WITH w AS (
        SELECT coalesce(primary_activity_id, id) AS workout FROM activities WHERE user_id = $1 AND id = $3),
      grp AS (
        SELECT a.* FROM activities a JOIN w ON a.primary_activity_id = w.workout
                                            OR (a.primary_activity_id IS NULL AND a.id = w.workout)
        WHERE a.user_id = $1 AND a.source = ANY ($2)),
      one AS (SELECT * FROM grp ORDER BY group_rank, id LIMIT 1)
      SELECT one.id, one.source, one.sport_type, coalesce(one.sport_family, 'other') AS sport_family, one.name,
             one.description, one.notes, one.start_date_local, one.local_date, one.moving_time_s, one.elapsed_time_s,
             one.distance_m, one.elevation_gain_m, one.avg_hr, one.max_hr, one.avg_power_w, one.weighted_power_w,
             one.device_watts, one.rpe, one.calories, one.trainer,
             (SELECT s.data FROM grp c JOIN activity_streams s ON s.activity_id = c.id
              ORDER BY (c.id = one.id) DESC, s.point_count DESC, c.group_rank, c.id LIMIT 1) AS streams,
             (SELECT c.id FROM grp c LEFT JOIN activity_streams s ON s.activity_id = c.id
              WHERE EXISTS (SELECT 1 FROM activity_laps l WHERE l.activity_id = c.id)
              ORDER BY (c.id = one.id) DESC, s.point_count DESC NULLS LAST, c.group_rank, c.id LIMIT 1) AS laps_of
      FROM one""";

  private static final String LAPS = """
      SELECT lap_index, start_s, elapsed_s, moving_s, distance_m, avg_hr, max_hr, avg_power_w, normalized_power_w,
             avg_speed_mps
      FROM activity_laps WHERE activity_id = $1 ORDER BY lap_index""";

  /** A workout as the coach may read it, for search_activities: the figures a row shows, and the texts searched. */
  record Found(UUID id, LocalDate date, LocalDateTime startLocal, String name, String sportType, String family,
               Integer movingS, Integer elapsedS, Double distanceM, Double avgHr, Double weightedPowerW,
               Boolean deviceWatts, String description, String notes) {
    /** Whether the name, description or notes hold {@code needle}, ignoring case. */
    boolean mentions(String needle) {
      return holds(name, needle) || holds(description, needle) || holds(notes, needle);
    }

    private static boolean holds(String text, String needle) {
      if (text == null) {
        return false;
      }
      for (int i = 0, last = text.length() - needle.length(); i <= last; i++) {
        if (text.regionMatches(true, i, needle, 0, needle.length())) {
          return true;
        }
      }
      return false;
    }

    Integer durationS() {
      return movingS != null ? movingS : elapsedS;
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

  /** Every workout the coach may read, newest first. */
  Future<List<Found>> all(UUID userId, boolean includeStravaApi) {
    return pool.preparedQuery(ALL).execute(Tuple.wrap(new Object[] {userId, sources(includeStravaApi)})).map(rows -> {
      List<Found> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Found(r.getUUID("id"), r.getLocalDate("local_date"), r.getLocalDateTime("start_date_local"),
            r.getString("name"), r.getString("sport_type"), r.getString("sport_family"), r.getInteger("moving_time_s"),
            r.getInteger("elapsed_time_s"), r.getDouble("distance_m"), r.getDouble("avg_hr"), r.getDouble("weighted_power_w"),
            r.getBoolean("device_watts"), r.getString("description"), r.getString("notes")));
      }
      return List.copyOf(out);
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

  private static String[] sources(boolean includeStravaApi) {
    return ActivitySource.readableByCoach(includeStravaApi).toArray(new String[0]);
  }
}
