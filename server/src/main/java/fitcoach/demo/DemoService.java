package fitcoach.demo;

import fitcoach.activities.Sports;
import fitcoach.analytics.LoadService;
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
  private static final int CHUNK = 2000;
  private static final String COUNTS = """
      SELECT count(*) FILTER (WHERE source = 'demo') AS demo, count(*) FILTER (WHERE source <> 'demo') AS own
      FROM activities WHERE user_id = $1""";
  private static final String INSERT = """
      INSERT INTO activities (user_id, source, external_id, sport_type, sport_family, name, description, start_date, start_date_local,
        time_zone, moving_time_s, elapsed_time_s, distance_m, elevation_gain_m, avg_hr, max_hr, avg_power_w, weighted_power_w,
        device_watts, kilojoules, avg_speed_mps, rpe, trainer)
      SELECT $1, 'demo', u.external_id, u.sport_type, u.sport_family, u.name, 'Generated demo activity', u.start_date,
        u.start_local, $2, u.moving, u.elapsed, u.distance, u.elevation, u.avg_hr, u.max_hr, u.power, u.weighted, u.device_watts,
        u.kj, u.distance / nullif(u.moving, 0), u.rpe, u.trainer
      FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamp[], $9::int[], $10::int[],
        $11::float8[], $12::float8[], $13::float8[], $14::float8[], $15::float8[], $16::float8[], $17::bool[], $18::float8[],
        $19::int[], $20::bool[])
        AS u(external_id, sport_type, sport_family, name, start_date, start_local, moving, elapsed, distance, elevation, avg_hr,
             max_hr, power, weighted, device_watts, kj, rpe, trainer)""";
  private static final String DELETE = "DELETE FROM activities WHERE user_id = $1 AND source = 'demo'";
  private static final String ZONE = "SELECT time_zone FROM athlete_profiles WHERE user_id = $1";
  // The demo athlete's thresholds fill only what the athlete left empty, so rides score by power and runs by HR.
  private static final String FILL_PROFILE = """
      INSERT INTO athlete_profiles (user_id, sex, max_hr, resting_hr, lthr, ftp_watts)
      VALUES ($1, 'male', 188, 50, 168, 250)
      ON CONFLICT (user_id) DO UPDATE SET sex = coalesce(athlete_profiles.sex, EXCLUDED.sex),
        max_hr = coalesce(athlete_profiles.max_hr, EXCLUDED.max_hr),
        resting_hr = coalesce(athlete_profiles.resting_hr, EXCLUDED.resting_hr),
        lthr = CASE WHEN athlete_profiles.lthr IS NULL AND athlete_profiles.max_hr IS NULL THEN EXCLUDED.lthr ELSE athlete_profiles.lthr END,
        ftp_watts = coalesce(athlete_profiles.ftp_watts, EXCLUDED.ftp_watts), updated_at = now()""";

  private final Pool pool;
  private final LoadService load;

  public DemoService(Pool pool, LoadService load) {
    this.pool = pool;
    this.load = load;
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
      Future<Void> stored = pool.withTransaction(conn -> {
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < sessions.size(); i += CHUNK) {
          List<DemoActivity> chunk = sessions.subList(i, Math.min(sessions.size(), i + CHUNK));
          chain = chain.compose(v -> insert(conn, userId, zone, zoneId, chunk));
        }
        return chain.compose(v -> conn.preparedQuery(FILL_PROFILE).execute(Tuple.of(userId))).mapEmpty();
      });
      // Fresh statistics after a bulk insert, so the planner keeps using the list index.
      return stored.compose(v -> pool.query("ANALYZE activities").execute())
          .compose(v -> load.recomputeAll(userId))
          .map(r -> new Result(sessions.size(), (System.nanoTime() - t0) / 1_000_000));
    });
  }

  public Future<Integer> remove(UUID userId) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(userId))
        .compose(rows -> load.recomputeAll(userId).map(r -> rows.rowCount()));
  }

  private Future<Void> insert(io.vertx.sqlclient.SqlClient conn, UUID userId, String zone, ZoneId zoneId, List<DemoActivity> chunk) {
    int n = chunk.size();
    String[] ids = new String[n];
    String[] sports = new String[n];
    String[] families = new String[n];
    String[] names = new String[n];
    OffsetDateTime[] starts = new OffsetDateTime[n];
    LocalDateTime[] locals = new LocalDateTime[n];
    Integer[] moving = new Integer[n];
    Integer[] elapsed = new Integer[n];
    Double[] distance = new Double[n];
    Double[] elevation = new Double[n];
    Double[] avgHr = new Double[n];
    Double[] maxHr = new Double[n];
    Double[] power = new Double[n];
    Double[] weighted = new Double[n];
    Boolean[] deviceWatts = new Boolean[n];
    Double[] kj = new Double[n];
    Integer[] rpe = new Integer[n];
    Boolean[] trainer = new Boolean[n];
    for (int i = 0; i < n; i++) {
      DemoActivity a = chunk.get(i);
      ids[i] = a.externalId();
      sports[i] = a.sportType();
      families[i] = Sports.family(a.sportType());
      names[i] = a.name();
      ZonedDateTime zoned = a.startLocal().atZone(zoneId);
      starts[i] = zoned.toOffsetDateTime();
      locals[i] = a.startLocal();
      moving[i] = a.movingTimeS();
      elapsed[i] = a.elapsedTimeS();
      distance[i] = a.distanceM();
      elevation[i] = a.elevationGainM();
      avgHr[i] = a.avgHr();
      maxHr[i] = a.maxHr();
      power[i] = a.avgPowerW();
      weighted[i] = a.weightedPowerW();
      deviceWatts[i] = a.deviceWatts();
      kj[i] = a.kilojoules();
      rpe[i] = a.rpe();
      trainer[i] = a.trainer();
    }
    return conn.preparedQuery(INSERT).execute(Tuple.wrap(new Object[] {userId, zone, ids, sports, families, names, starts,
        locals, moving, elapsed, distance, elevation, avgHr, maxHr, power, weighted, deviceWatts, kj, rpe, trainer})).mapEmpty();
  }

  static Map<String, Object> view(Result r) {
    return Map.of("activities", r.activities(), "millis", r.millis());
  }
}
