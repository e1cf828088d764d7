package fitcoach.map;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL for the heatmap: which of the athlete's workouts have a route, and the stored streams of those not yet cached. */
final class HeatmapRepository {
  /**
   * One row per workout (merged copies are left out: their primary stands for them), newest first, with stored
   * positions or else Strava's summary polyline. The streams' bytes are not read here: most routes come from the cache.
   */
  private static final String CANDIDATES = """
      SELECT a.id, a.sport_family, a.local_date, a.updated_at, a.summary_polyline, s.fetched_at,
             coalesce('latlng' = ANY (s.stream_types), false) AS positions
      FROM activities a LEFT JOIN activity_streams s ON s.activity_id = a.id
      WHERE a.user_id = $1 AND a.primary_activity_id IS NULL
        AND ($2::date IS NULL OR a.local_date >= $2) AND ($3::date IS NULL OR a.local_date <= $3)
        AND ($4::text IS NULL OR a.sport_family = $4)
        AND (a.summary_polyline IS NOT NULL OR 'latlng' = ANY (s.stream_types))
      ORDER BY a.local_date DESC, a.id
      LIMIT $5""";
  private static final String STREAMS = """
      SELECT s.activity_id, s.data FROM activity_streams s JOIN activities a ON a.id = s.activity_id
      WHERE a.user_id = $1 AND s.activity_id = ANY ($2)""";

  /** A workout with a route; {@code version} changes whenever its route may have. */
  record Candidate(UUID id, String family, LocalDate date, String version, String polyline, boolean positions) {
  }

  private final Pool pool;

  HeatmapRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<Candidate>> candidates(UUID userId, LocalDate from, LocalDate to, String family, int limit) {
    return pool.preparedQuery(CANDIDATES).execute(Tuple.of(userId, from, to, family, limit)).map(rows -> {
      List<Candidate> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        OffsetDateTime fetched = r.getOffsetDateTime("fetched_at");
        String version = r.getOffsetDateTime("updated_at") + "|" + (fetched == null ? "-" : fetched.toString());
        out.add(new Candidate(r.getUUID("id"), r.getString("sport_family"), r.getLocalDate("local_date"), version,
            r.getString("summary_polyline"), r.getBoolean("positions")));
      }
      return out;
    });
  }

  /** The stored streams (gzip JSON) of the given workouts of this athlete. */
  Future<Map<UUID, byte[]>> streams(UUID userId, List<UUID> ids) {
    return pool.preparedQuery(STREAMS).execute(Tuple.of(userId).addArrayOfUUID(ids.toArray(new UUID[0]))).map(rows -> {
      Map<UUID, byte[]> out = new HashMap<>();
      for (Row r : rows) {
        Buffer data = r.getBuffer("data");
        if (data != null) {
          out.put(r.getUUID("activity_id"), data.getBytes());
        }
      }
      return out;
    });
  }
}
