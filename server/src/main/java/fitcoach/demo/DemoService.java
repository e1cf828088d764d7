package fitcoach.demo;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivitySource;
import fitcoach.activities.ActivityStore;
import fitcoach.app.ApiException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fills an empty instance with the demo athlete's history (source "demo"), and removes it again. */
public final class DemoService {
  private static final String COUNTS = """
      SELECT count(*) FILTER (WHERE source = 'demo') AS demo, count(*) FILTER (WHERE source <> 'demo') AS own
      FROM activities WHERE user_id = $1""";
  private static final String ZONE = "SELECT time_zone FROM athlete_profiles WHERE user_id = $1";
  // The demo athlete's thresholds fill only what the athlete left empty (LTHR only when max HR is empty too), so rides
  // score by power and runs by HR. They are entries of the threshold history from the demo's first day.
  private static final String FILL_PROFILE = """
      WITH profile AS (
        INSERT INTO athlete_profiles (user_id, sex) VALUES ($1, 'male')
        ON CONFLICT (user_id) DO UPDATE SET sex = coalesce(athlete_profiles.sex, EXCLUDED.sex), updated_at = now())
      INSERT INTO threshold_history (user_id, kind, valid_from, value, source)
      SELECT $1, k.kind, $2::date, k.value, 'athlete'
      FROM (VALUES ('max_hr', 188.0), ('resting_hr', 50.0), ('lthr', 168.0), ('ftp', 250.0)) AS k(kind, value)
      WHERE NOT EXISTS (SELECT 1 FROM threshold_history h
                        WHERE h.user_id = $1 AND (h.kind = k.kind OR (k.kind = 'lthr' AND h.kind = 'max_hr')))""";

  private final Pool pool;
  private final ActivityStore store;

  public DemoService(Pool pool, ActivityStore store) {
    this.pool = pool;
    this.store = store;
  }

  public record Result(int activities, long millis) {
  }

  public Future<Result> create(UUID userId, int years, int sessionsPerWeek) {
    long t0 = System.nanoTime();
    return pool.preparedQuery(COUNTS).execute(Tuple.of(userId)).compose(rows -> {
      var row = rows.iterator().next();
      if (row.getLong("demo") > 0) {
        return Future.failedFuture(ApiException.conflict("demo_exists", "The demo athlete is already loaded; remove it first"));
      }
      if (row.getLong("own") > 0) {
        return Future.failedFuture(ApiException.conflict("not_empty",
            "The demo fills an empty instance only; you already have activities of your own"));
      }
      return pool.preparedQuery(ZONE).execute(Tuple.of(userId));
    }).compose(zoneRows -> {
      String zone = zoneRows.iterator().hasNext() ? zoneRows.iterator().next().getString("time_zone") : "UTC";
      ZoneId zoneId = ZoneId.of(zone);
      List<DemoActivity> sessions = DemoGenerator.generate(LocalDate.now(zoneId), years, sessionsPerWeek, 42L);
      // One transaction: a demo that fails half-way (a second request racing this one) leaves nothing behind.
      List<ActivityInput> rows = sessions.stream().map(a -> input(a, zone, zoneId)).toList();
      Future<?> stored = store.write(userId, w -> w.insert(rows, false)
          .compose(v -> w.connection().preparedQuery(FILL_PROFILE).execute(Tuple.of(userId, firstDay(sessions))))).compose(s -> s.settled());
      // Fresh statistics after a bulk insert, so the planner keeps using the list index. The store's signal recomputes
      // every load (the profile's thresholds changed with it) from the demo's first day.
      return stored.compose(v -> pool.query("ANALYZE activities").execute())
          .map(r -> new Result(sessions.size(), (System.nanoTime() - t0) / 1_000_000));
    });
  }

  public Future<Integer> remove(UUID userId) {
    return store.write(userId, w -> w.deleteAllOf(ActivitySource.DEMO)).compose(s -> s.whenSettled());
  }

  private static LocalDate firstDay(List<DemoActivity> sessions) {
    return sessions.stream().map(a -> a.startLocal().toLocalDate()).min(LocalDate::compareTo).orElse(LocalDate.now());
  }

  private static ActivityInput input(DemoActivity a, String zone, ZoneId zoneId) {
    Double speed = a.distanceM() == null || a.movingTimeS() == 0 ? null : a.distanceM() / a.movingTimeS();
    return new ActivityInput(ActivitySource.DEMO, a.externalId(), a.sportType(), a.name(), "Generated demo activity", null,
        a.startLocal().atZone(zoneId).toInstant(), a.startLocal(), zone, a.movingTimeS(), a.elapsedTimeS(), a.distanceM(),
        a.elevationGainM(), a.avgHr(), a.maxHr(), a.avgPowerW(), a.weightedPowerW(), a.deviceWatts(), a.kilojoules(), null, speed,
        null, null, a.rpe(), a.trainer(), false, false, null, null, null, null, null);
  }

  static Map<String, Object> view(Result r) {
    return Map.of("activities", r.activities(), "millis", r.millis());
  }
}
