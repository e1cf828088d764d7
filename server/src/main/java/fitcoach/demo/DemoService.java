package fitcoach.demo;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivitySource;
import fitcoach.activities.ActivityStore;
import fitcoach.activities.ActivityLap;
import fitcoach.activities.LapFigures;
import fitcoach.activities.Sports;
import fitcoach.app.ApiException;
import fitcoach.imports.ActivityMetrics;
import fitcoach.imports.EncodedStreams;
import fitcoach.imports.Streams;
import fitcoach.app.OffLoop;
import fitcoach.wellness.WellnessEntry;
import fitcoach.wellness.WellnessRepository;
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
  /**
   * Rides and runs of the last this many months get 1 Hz streams and laps, at most {@link #MAX_RECORDED} of them (the
   * newest); older sessions are summaries only. Streams cost a few ms of CPU and about 45 kB gzipped per session: this
   * gives the default demo (2 years, 6 a week) streams throughout, about 450 sessions, so this season and last season
   * both have curves, and keeps ten dense years (the load benchmark's 42 a week) to the same bounded work.
   */
  static final int STREAM_MONTHS = 24;
  static final int MAX_RECORDED = 500;
  /** Metres between the points of a summary-only session's route. */
  private static final double SUMMARY_STEP_M = 100;
  /** About a megabyte of gzipped streams per insert statement. */
  private static final int STREAMS_PER_STATEMENT = 25;
  /** The demo is the same history every time: its sessions and its wellness days come from this seed. */
  static final long SEED = 42L;
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
      FROM (VALUES ('max_hr', 188.0), ('resting_hr', 50.0), ('lthr', 168.0), ('ftp', 250.0), ('threshold_pace', 233.0))
             AS k(kind, value)
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

  private record Generated(List<ActivityInput> activities, List<WellnessEntry> wellness) {
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
      LocalDate today = LocalDate.now(zoneId);
      List<DemoActivity> sessions = DemoGenerator.generate(today, years, sessionsPerWeek, SEED);
      java.util.Set<String> recorded = recorded(sessions, today);
      LocalDate first = firstDay(sessions);
      // Generating, summarising and gzipping the 1 Hz streams is seconds of CPU: on a worker thread.
      return OffLoop.run(() -> new Generated(
              sessions.stream().map(a -> input(a, zone, zoneId, recorded.contains(a.externalId()))).toList(),
              DemoWellness.generate(sessions, first, today, SEED)))
          .compose(generated -> {
            // One transaction: a demo that fails half-way (a second request racing this one) leaves nothing behind.
            Future<?> stored = store.write(userId, w -> insert(w, generated.activities())
                .compose(v -> w.connection().preparedQuery(FILL_PROFILE).execute(Tuple.of(userId, first)))
                .compose(v -> WellnessRepository.addNew(w.connection(), userId, generated.wellness(), ActivitySource.DEMO.value())))
                .compose(s -> s.settled());
            // Fresh statistics after a bulk insert, so the planner keeps using the list index. The store's signal
            // recomputes every load (the profile's thresholds changed with it) from the demo's first day.
            return stored.compose(v -> pool.query("ANALYZE activities").execute())
                .map(r -> new Result(sessions.size(), (System.nanoTime() - t0) / 1_000_000));
          });
    });
  }

  /**
   * Removes the demo's activities and its wellness days (those still written by the demo: a day the athlete changed
   * since is theirs and stays), in one transaction; how many activities went.
   */
  public Future<Integer> remove(UUID userId) {
    return store.write(userId, w -> w.deleteAllOf(ActivitySource.DEMO)
        .compose(n -> WellnessRepository.deleteSource(w.connection(), userId, ActivitySource.DEMO.value()).map(m -> n)))
        .compose(s -> s.whenSettled());
  }

  private static LocalDate firstDay(List<DemoActivity> sessions) {
    return sessions.stream().map(a -> a.startLocal().toLocalDate()).min(LocalDate::compareTo).orElse(LocalDate.now());
  }

  /**
   * A session as the store takes it. With {@code recorded}, a ride or run gets its 1 Hz streams and laps, and its
   * summary (times, distance, HR, power, NP, cadence) is computed from them by the import's own ActivityMetrics, so the
   * list, the loads and every analysis of the streams agree as they do for an imported file.
   */
  static ActivityInput input(DemoActivity a, String zone, ZoneId zoneId, boolean recorded) {
    if (recorded && DemoStreams.recorded(a)) {
      return recordedInput(a, zone, zoneId);
    }
    Double speed = a.distanceM() == null || a.movingTimeS() == 0 ? null : a.distanceM() / a.movingTimeS();
    return new ActivityInput(ActivitySource.DEMO, a.externalId(), a.sportType(), a.name(), "Generated demo activity", null,
        a.startLocal().atZone(zoneId).toInstant(), a.startLocal(), zone, a.movingTimeS(), a.elapsedTimeS(), a.distanceM(),
        a.elevationGainM(), a.avgHr(), a.maxHr(), a.avgPowerW(), a.weightedPowerW(), a.deviceWatts(), a.kilojoules(), null, speed,
        null, null, a.rpe(), a.trainer(), false, false, summaryPolyline(a), null, null, null, null);
  }

  private static ActivityInput recordedInput(DemoActivity a, String zone, ZoneId zoneId) {
    DemoStreams.Recorded rec = DemoStreams.of(a);
    Streams s = withPositions(a, rec.streams());
    ActivityMetrics.Computed c = ActivityMetrics.compute(s, a.sportType());
    EncodedStreams encoded = EncodedStreams.of(s);
    List<ActivityLap> laps = LapFigures.fill(rec.laps(), Sports.family(a.sportType()),
        LapFigures.Samples.of(s.timeS(), s.powerW(), s.heartRate(), s.speedMps(), s.distanceM()));
    boolean power = c.avgPowerW() != null;
    Double speed = c.distanceM() == null || c.movingS() == 0 ? null : c.distanceM() / c.movingS();
    return new ActivityInput(ActivitySource.DEMO, a.externalId(), a.sportType(), a.name(), "Generated demo activity", null,
        a.startLocal().atZone(zoneId).toInstant(), a.startLocal(), zone, c.movingS(), c.elapsedS(), c.distanceM(),
        a.elevationGainM(), c.avgHr(), c.maxHr(), c.avgPowerW(), c.normalizedPowerW(), power ? Boolean.TRUE : null,
        power ? c.avgPowerW() * c.movingS() / 1000 : null, c.avgCadence(), speed, java.util.Arrays.stream(s.speedMps()).max().orElse(0), null,
        a.rpe(), a.trainer(), false, false, null, null, null, null,
        new ActivityInput.StreamData(encoded.points(), encoded.gzippedJson(), encoded.types()), laps);
  }

  /** An outdoor session's streams with its 1 Hz positions along one of the demo's courses; others as they are. */
  private static Streams withPositions(DemoActivity a, Streams s) {
    if (!DemoCourses.outdoors(a) || s.distanceM() == null) {
      return s;
    }
    double[][] p = DemoCourses.positions(a, s.distanceM());
    return new Streams(s.timeS(), p[0], p[1], s.altitudeM(), s.heartRate(), s.powerW(), s.speedMps(), s.cadence(),
        s.distanceM());
  }

  /**
   * A summary-only outdoor session's route as Strava gives one (an encoded polyline, a point every
   * {@value #SUMMARY_STEP_M} m), so the heatmap covers every year without storing years of 1 Hz positions.
   */
  static String summaryPolyline(DemoActivity a) {
    if (!DemoCourses.outdoors(a) || a.distanceM() == null || a.distanceM() <= 0) {
      return null;
    }
    int n = (int) Math.min(5_000, Math.ceil(a.distanceM() / SUMMARY_STEP_M)) + 1;
    double[] along = new double[n];
    for (int i = 0; i < n; i++) {
      along[i] = Math.min(a.distanceM(), i * SUMMARY_STEP_M);
    }
    double[][] p = DemoCourses.positions(a, along);
    double[][] points = new double[n][];
    for (int i = 0; i < n; i++) {
      points[i] = new double[] {p[0][i], p[1][i]};
    }
    return fitcoach.geo.Polyline.encode(points);
  }

  /**
   * Summaries in one statement; sessions with streams a few at a time, since the driver encodes a statement's
   * parameters on the event loop and the streams of hundreds of sessions are tens of megabytes.
   */
  private static Future<Void> insert(ActivityStore.Writer w, List<ActivityInput> rows) {
    Future<Void> chain = w.insert(rows.stream().filter(a -> a.streams() == null).toList(), false).mapEmpty();
    List<ActivityInput> recorded = rows.stream().filter(a -> a.streams() != null).toList();
    for (int i = 0; i < recorded.size(); i += STREAMS_PER_STATEMENT) {
      List<ActivityInput> batch = recorded.subList(i, Math.min(recorded.size(), i + STREAMS_PER_STATEMENT));
      chain = chain.compose(v -> w.insert(batch, false)).mapEmpty();
    }
    return chain;
  }

  /** The sessions that get streams: the newest rides and runs of the last {@link #STREAM_MONTHS} months. */
  static java.util.Set<String> recorded(List<DemoActivity> sessions, LocalDate today) {
    LocalDate from = today.minusMonths(STREAM_MONTHS);
    return sessions.stream().filter(DemoStreams::recorded).filter(a -> !a.startLocal().toLocalDate().isBefore(from))
        .sorted(java.util.Comparator.comparing(DemoActivity::startLocal).reversed()).limit(MAX_RECORDED)
        .map(DemoActivity::externalId).collect(java.util.stream.Collectors.toSet());
  }


  static Map<String, Object> view(Result r) {
    return Map.of("activities", r.activities(), "millis", r.millis());
  }
}
