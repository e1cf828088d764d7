package fitcoach.progress;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the stored analysis (activity_curves): the worker's to-do pages and writes, and the range reads. */
final class CurveRepository {
  /**
   * Rows counted in a range: the athlete's own (checked on activities too), one per workout: a merged copy counts only
   * while its primary has no row of its own, so the same ride recorded twice adds no zone time twice.
   */
  private static final String OWN = """
      JOIN activities a ON a.id = c.activity_id AND a.user_id = $1
      WHERE c.user_id = $1 AND c.local_date >= $2 AND c.local_date <= $3 AND ($4::text IS NULL OR c.sport_family = $4)
        AND (a.primary_activity_id IS NULL
             OR NOT EXISTS (SELECT 1 FROM activity_curves p WHERE p.activity_id = a.primary_activity_id))""";

  /** Streams without a current row: the activity, its family and date, and the streams (one page, bounded memory). */
  private static final String TODO = """
      SELECT a.id, a.sport_family, s.fetched_at, s.data
      FROM activity_streams s JOIN activities a ON a.id = s.activity_id
      LEFT JOIN activity_curves c ON c.activity_id = s.activity_id
      WHERE a.user_id = $1 AND (c.activity_id IS NULL OR c.engine_version < $2)
      ORDER BY a.id LIMIT $3""";
  private static final String COUNTS = """
      SELECT count(*) AS total, count(c.activity_id) FILTER (WHERE c.engine_version >= $2) AS done
      FROM activity_streams s JOIN activities a ON a.id = s.activity_id
      LEFT JOIN activity_curves c ON c.activity_id = s.activity_id
      WHERE a.user_id = $1""";
  private static final String USERS_WITH_WORK = """
      SELECT DISTINCT a.user_id FROM activity_streams s JOIN activities a ON a.id = s.activity_id
      LEFT JOIN activity_curves c ON c.activity_id = s.activity_id
      WHERE c.activity_id IS NULL OR c.engine_version < $1""";
  /**
   * Written only while the streams are the ones it was computed from ($4 = their fetched_at): streams replaced while
   * it was computed leave no stale row, and the next page computes them anew.
   */
  private static final String SAVE = """
      INSERT INTO activity_curves (activity_id, user_id, engine_version, sport_family, local_date, streams_at,
        grid_seconds, moving_seconds, normalized_power, power, power_start, hr, hr_start, speed, speed_start,
        effort_time, effort_start, hr_hist, power_hist)
      SELECT a.id, a.user_id, $2, a.sport_family, a.local_date, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16
      FROM activities a JOIN activity_streams s ON s.activity_id = a.id AND s.fetched_at = $3
      WHERE a.id = $1
      ON CONFLICT (activity_id) DO UPDATE SET user_id = EXCLUDED.user_id, engine_version = EXCLUDED.engine_version,
        sport_family = EXCLUDED.sport_family, local_date = EXCLUDED.local_date, streams_at = EXCLUDED.streams_at,
        grid_seconds = EXCLUDED.grid_seconds, moving_seconds = EXCLUDED.moving_seconds,
        normalized_power = EXCLUDED.normalized_power, power = EXCLUDED.power, power_start = EXCLUDED.power_start,
        hr = EXCLUDED.hr, hr_start = EXCLUDED.hr_start, speed = EXCLUDED.speed, speed_start = EXCLUDED.speed_start,
        effort_time = EXCLUDED.effort_time, effort_start = EXCLUDED.effort_start, hr_hist = EXCLUDED.hr_hist,
        power_hist = EXCLUDED.power_hist, computed_at = now()""";

  /**
   * The best value per duration over the range, with the row holding it (the earliest on ties), and how many rows have
   * the curve ({@code n}, on every row). One pass for the maxima (no sort of every point), then the holders, then the
   * names of at most 30 activities. Copies of a merged workout are not told apart here: a copy holds the same values.
   */
  private static final String CURVE = """
      WITH r AS MATERIALIZED (
        SELECT c.activity_id, c.local_date, c.%1$s AS v, c.%1$s_start AS s FROM activity_curves c
        """ + OWN + """
          AND c.%1$s IS NOT NULL),
      best AS (SELECT i, max(r.v[i]) AS v FROM r CROSS JOIN generate_series(1, %2$d) AS i GROUP BY i),
      held AS (SELECT DISTINCT ON (b.i) b.i, b.v, r.s[b.i] AS s, r.activity_id, r.local_date
               FROM best b JOIN r ON r.v[b.i] = b.v ORDER BY b.i, r.local_date, r.activity_id)
      SELECT held.i, held.v, held.s, held.activity_id, held.local_date, a.name, (SELECT count(*) FROM r) AS n
      FROM held JOIN activities a ON a.id = held.activity_id AND a.user_id = $1
      ORDER BY held.i""";
  /** The fastest five per distance. */
  private static final String EFFORTS = """
      SELECT i, t, s, activity_id, local_date, name FROM (
        SELECT u.i, u.t, u.s, c.activity_id, c.local_date, a.name,
               row_number() OVER (PARTITION BY u.i ORDER BY u.t, c.local_date, c.activity_id) AS rank
        FROM activity_curves c CROSS JOIN LATERAL unnest(c.effort_time, c.effort_start) WITH ORDINALITY AS u(t, s, i)
        """ + OWN + """
          AND c.effort_time IS NOT NULL AND u.t IS NOT NULL) ranked
      WHERE rank <= $5 ORDER BY i, rank""";
  /** The curve's values between 3 and 20 min ($5:$6 the 1-based slice) of each row, for CP fits. */
  private static final String MODEL_POINTS = """
      SELECT c.activity_id, c.local_date, c.%1$s[$5:$6] AS v
      FROM activity_curves c
      """ + OWN + " AND c.%1$s IS NOT NULL ORDER BY c.local_date";
  private static final String HISTOGRAMS = """
      SELECT c.local_date, c.hr_hist, c.power_hist
      FROM activity_curves c
      """ + OWN + " AND (c.hr_hist IS NOT NULL OR c.power_hist IS NOT NULL)";
  private static final String ACTIVITY = """
      SELECT local_date, sport_family FROM activities WHERE id = $1 AND user_id = $2""";

  /** A page entry of the worker: an activity whose streams have no current row. */
  record Todo(UUID activityId, String sportFamily, OffsetDateTime streamsAt, byte[] data) {
  }

  record Counts(long done, long total) {
  }

  /** One curve point: 0-based duration index, value, start second, and the activity holding it. */
  record Best(int index, double value, double startS, UUID activityId, LocalDate date, String name) {
  }

  record ModelRow(UUID activityId, LocalDate date, Float[] values) {
  }

  record Histograms(LocalDate date, Integer[] hr, Integer[] power) {
  }

  record Activity(LocalDate date, String sportFamily) {
  }

  /** The range every read takes: the athlete, inclusive local dates, and a sport family (null for all). */
  record Range(UUID userId, LocalDate from, LocalDate to, String family) {
    Tuple tuple() {
      return Tuple.of(userId, from, to, family);
    }
  }

  private final Pool pool;

  CurveRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<Todo>> todo(UUID userId, int limit) {
    return pool.preparedQuery(TODO).execute(Tuple.of(userId, CurveRow.ENGINE_VERSION, limit)).map(rows -> {
      List<Todo> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        Buffer data = r.getBuffer("data");
        out.add(new Todo(r.getUUID("id"), r.getString("sport_family"), r.getOffsetDateTime("fetched_at"),
            data == null ? null : data.getBytes()));
      }
      return out;
    });
  }

  Future<Counts> counts(UUID userId) {
    return pool.preparedQuery(COUNTS).execute(Tuple.of(userId, CurveRow.ENGINE_VERSION)).map(rows -> {
      Row r = rows.iterator().next();
      return new Counts(r.getLong("done"), r.getLong("total"));
    });
  }

  Future<List<UUID>> usersWithWork() {
    return pool.preparedQuery(USERS_WITH_WORK).execute(Tuple.of(CurveRow.ENGINE_VERSION)).map(rows -> {
      List<UUID> out = new ArrayList<>();
      rows.forEach(r -> out.add(r.getUUID("user_id")));
      return out;
    });
  }

  /** Stores the computed rows (those whose streams changed meanwhile are skipped); how many were written. */
  Future<Integer> save(List<Todo> todos, List<CurveRow> rows) {
    List<Tuple> batch = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      CurveRow c = rows.get(i);
      Todo t = todos.get(i);
      batch.add(Tuple.wrap(new Object[] {t.activityId(), CurveRow.ENGINE_VERSION, t.streamsAt(), c.gridSeconds(),
          c.movingSeconds(), c.normalizedPower(), c.power(), c.powerStart(), c.hr(), c.hrStart(), c.speed(),
          c.speedStart(), c.effortTime(), c.effortStart(), c.hrHist(), c.powerHist()}));
    }
    if (batch.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return pool.preparedQuery(SAVE).executeBatch(batch).map(result -> {
      int n = 0;
      for (var r = result; r != null; r = r.next()) {
        n += r.rowCount();
      }
      return n;
    });
  }

  /** A range curve: its points and how many activities in the range have the curve. */
  record Curve(List<Best> points, long activities) {
  }

  /** {@code column}: power, hr or speed (from {@link Metric}, never from a request). */
  Future<Curve> curve(Range range, String column) {
    return pool.preparedQuery(CURVE.formatted(column, fitcoach.analysis.MeanMax.DURATIONS_S.size()))
        .execute(range.tuple()).map(rows -> {
          List<Best> out = new ArrayList<>(rows.size());
          long n = 0;
          for (Row r : rows) {
            out.add(new Best(r.getInteger("i") - 1, r.getFloat("v"), r.getInteger("s"), r.getUUID("activity_id"),
                r.getLocalDate("local_date"), r.getString("name")));
            n = r.getLong("n");
          }
          return new Curve(out, n);
        });
  }

  /** Up to {@code top} efforts per distance index, fastest first. */
  Future<List<Best>> efforts(Range range, int top) {
    return pool.preparedQuery(EFFORTS).execute(range.tuple().addInteger(top)).map(rows -> {
      List<Best> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Best(r.getLong("i").intValue() - 1, r.getFloat("t"), r.getFloat("s"), r.getUUID("activity_id"),
            r.getLocalDate("local_date"), r.getString("name")));
      }
      return out;
    });
  }

  /** Each row's values at the durations {@code first}..{@code last} (0-based indexes of MeanMax.DURATIONS_S). */
  Future<List<ModelRow>> modelPoints(Range range, String column, int first, int last) {
    return pool.preparedQuery(MODEL_POINTS.formatted(column)).execute(range.tuple().addInteger(first + 1)
        .addInteger(last + 1)).map(rows -> {
          List<ModelRow> out = new ArrayList<>(rows.size());
          for (Row r : rows) {
            out.add(new ModelRow(r.getUUID("activity_id"), r.getLocalDate("local_date"), r.getArrayOfFloats("v")));
          }
          return out;
        });
  }

  Future<List<Histograms>> histograms(Range range) {
    return pool.preparedQuery(HISTOGRAMS).execute(range.tuple()).map(rows -> {
      List<Histograms> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Histograms(r.getLocalDate("local_date"), r.getArrayOfIntegers("hr_hist"),
            r.getArrayOfIntegers("power_hist")));
      }
      return out;
    });
  }

  /** The athlete's own activity's date and family; empty for anyone else's. */
  Future<Optional<Activity>> activity(UUID userId, UUID activityId) {
    return pool.preparedQuery(ACTIVITY).execute(Tuple.of(activityId, userId)).map(rows -> rows.size() == 0
        ? Optional.empty()
        : Optional.of(new Activity(rows.iterator().next().getLocalDate("local_date"),
            rows.iterator().next().getString("sport_family"))));
  }
}
