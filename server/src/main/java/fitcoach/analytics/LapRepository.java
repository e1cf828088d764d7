package fitcoach.analytics;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The laps shown with an activity's analysis ("laps" in GET /api/activities/:id/analysis), as stored by the activity
 * store. Chosen as its streams are: the activity's own laps, else, for a merged workout, those of the copy grouped
 * under it whose streams have the most points (then the best ranked copy) that has laps.
 */
final class LapRepository {
  private static final String LAPS = """
      WITH src AS (
        SELECT coalesce(
          (SELECT a.id FROM activities a WHERE a.id = $1 AND a.user_id = $2
             AND EXISTS (SELECT 1 FROM activity_laps l WHERE l.activity_id = a.id)),
          (SELECT c.id FROM activities c LEFT JOIN activity_streams s ON s.activity_id = c.id
           WHERE c.user_id = $2 AND c.primary_activity_id = $1
             AND EXISTS (SELECT 1 FROM activity_laps l WHERE l.activity_id = c.id)
           ORDER BY s.point_count DESC NULLS LAST, c.group_rank, c.id LIMIT 1)) AS id)
      SELECT l.lap_index, l.start_s, l.elapsed_s, l.moving_s, l.distance_m, l.avg_hr, l.max_hr, l.avg_power_w,
        l.normalized_power_w, l.avg_speed_mps, l.ascent_m, l.trigger
      FROM activity_laps l JOIN src ON l.activity_id = src.id ORDER BY l.lap_index""";

  private final Pool pool;

  LapRepository(Pool pool) {
    this.pool = pool;
  }

  /** The laps as the API shows them (empty without laps, or when the activity is not this athlete's). */
  Future<List<Map<String, Object>>> laps(UUID userId, UUID activityId) {
    return pool.preparedQuery(LAPS).execute(Tuple.of(activityId, userId)).map(rows -> {
      List<Map<String, Object>> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        Map<String, Object> lap = new LinkedHashMap<>();
        lap.put("index", r.getInteger("lap_index"));
        lap.put("startS", r.getInteger("start_s"));
        lap.put("elapsedS", r.getInteger("elapsed_s"));
        lap.put("movingS", r.getInteger("moving_s"));
        lap.put("distanceM", round(r.getDouble("distance_m"), 1));
        lap.put("avgHr", round(r.getDouble("avg_hr"), 0));
        lap.put("maxHr", round(r.getDouble("max_hr"), 0));
        lap.put("avgPowerW", round(r.getDouble("avg_power_w"), 0));
        lap.put("normalizedPowerW", round(r.getDouble("normalized_power_w"), 0));
        lap.put("avgSpeedMps", round(r.getDouble("avg_speed_mps"), 3));
        lap.put("ascentM", round(r.getDouble("ascent_m"), 1));
        lap.put("trigger", r.getString("trigger"));
        out.add(lap);
      }
      return out;
    });
  }

  private static Double round(Double v, int decimals) {
    return v == null ? null : fitcoach.app.Figures.round(v, decimals);
  }
}
