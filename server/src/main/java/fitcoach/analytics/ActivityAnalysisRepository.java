package fitcoach.analytics;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** SQL for one activity's analysis: the athlete's own activity and the stored streams it is analysed from. */
final class ActivityAnalysisRepository {
  /**
   * The activity (only the signed-in athlete's) and its stored streams. A merged workout whose own copy has no streams
   * uses the streams of one of its copies (the most points), as the activity page shows the workout, not the copy.
   */
  private static final String ACTIVITY = """
      SELECT a.sport_family, a.local_date,
             coalesce((SELECT s.data FROM activity_streams s WHERE s.activity_id = a.id),
                      (SELECT s.data FROM activities c JOIN activity_streams s ON s.activity_id = c.id
                       WHERE c.user_id = a.user_id AND c.primary_activity_id = a.id
                       ORDER BY s.point_count DESC, c.id LIMIT 1)) AS data
      FROM activities a WHERE a.id = $1 AND a.user_id = $2""";

  /**
   * The activity's family, local date (its thresholds are those in force then) and gzipped streams (null without
   * streams); empty when it is not this athlete's.
   */
  record Found(String sportFamily, java.time.LocalDate localDate, byte[] gzippedStreams) {
  }

  private final Pool pool;

  ActivityAnalysisRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Optional<Found>> find(UUID userId, UUID activityId) {
    return pool.preparedQuery(ACTIVITY).execute(Tuple.of(activityId, userId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      Buffer data = r.getBuffer("data");
      return Optional.of(new Found(r.getString("sport_family"), r.getLocalDate("local_date"), data == null ? null : data.getBytes()));
    });
  }
}
