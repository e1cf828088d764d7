package fitcoach.analytics;

import fitcoach.load.FormZone;
import fitcoach.load.Gain;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcOptions;
import fitcoach.load.PmcSeed;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** SQL for training load: per-activity load inputs and results, PMC options, and the stored daily series. */
final class LoadRepository {
  private static final String INPUTS = """
      SELECT id, sport_type, sport_family, moving_time_s, elapsed_time_s, avg_hr, max_hr, avg_power_w, weighted_power_w,
             device_watts, rpe, load_override, local_date, load, load_method, load_uses_estimate, legs
      FROM activities WHERE user_id = #{userId}""";
  /** Per workout, the copy the coach may read (see coach_activities in V006). */
  private static final String COACH_INPUTS = """
      SELECT id, sport_type, sport_family, moving_time_s, elapsed_time_s, avg_hr, max_hr, avg_power_w, weighted_power_w,
             device_watts, rpe, load_override, local_date, load, load_method, load_uses_estimate, legs
      FROM coach_activities(#{userId}, #{sources})""";
  private static final String DAILY_LOADS = """
      SELECT local_date, sum(coalesce(load_override, load, 0)) AS load
      FROM activities WHERE user_id = #{userId} AND primary_activity_id IS NULL GROUP BY local_date""";
  /** Newest first, so of two equal maxima the estimate's evidence names the newer activity. */
  private static final String OBSERVED_MAX_HR = """
      SELECT id, local_date, name, sport_type, max_hr FROM activities
      WHERE user_id = #{userId} AND max_hr IS NOT NULL AND start_date >= now() - interval '365 days'
      ORDER BY start_date DESC""";
  private static final String COACH_OBSERVED_MAX_HR = """
      SELECT max_hr FROM coach_activities(#{userId}, #{sources})
      WHERE max_hr IS NOT NULL AND start_date >= now() - interval '365 days'""";
  private static final String USERS = "SELECT id FROM users";
  private static final String SETTINGS = "SELECT ctl_days, atl_days, gain, seed_date, seed_ctl, seed_atl FROM load_settings WHERE user_id = #{userId}";
  private static final String SAVE_SETTINGS = """
      INSERT INTO load_settings (user_id, ctl_days, atl_days, gain, seed_date, seed_ctl, seed_atl)
      VALUES (#{userId}, #{ctlDays}, #{atlDays}, #{gain}, #{seedDate}, #{seedCtl}, #{seedAtl})
      ON CONFLICT (user_id) DO UPDATE SET ctl_days = EXCLUDED.ctl_days, atl_days = EXCLUDED.atl_days, gain = EXCLUDED.gain,
        seed_date = EXCLUDED.seed_date, seed_ctl = EXCLUDED.seed_ctl, seed_atl = EXCLUDED.seed_atl, updated_at = now()""";
  /**
   * One chart writer per athlete at a time, across instances: without it, two instances' delete-then-insert of the same
   * days interleave and the second insert hits the first's rows (a unique violation).
   */
  private static final String LOCK_CHART = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 1208))";
  private static final String DELETE_SERIES = "DELETE FROM daily_load WHERE user_id = $1 AND (day >= $2 OR day <= $3)";
  private static final String INSERT_SERIES = """
      INSERT INTO daily_load (user_id, day, load, ctl, atl, form, form_after, ramp, zone, monotony, strain, acwr)
      SELECT $1, * FROM unnest($2::date[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[],
                               $9::text[], $10::float8[], $11::float8[], $12::float8[])""";
  private static final String SERIES = """
      SELECT day, load, ctl, atl, form, form_after, ramp, zone, monotony, strain, acwr
      FROM daily_load WHERE user_id = #{userId} ORDER BY day""";
  private static final String METHOD_MIX = """
      SELECT CASE WHEN load_override IS NOT NULL THEN 'MANUAL' ELSE coalesce(load_method, 'NONE') END AS method,
             count(*) AS activities, sum(coalesce(load_override, load, 0)) AS load
      FROM activities WHERE user_id = #{userId} AND local_date > #{since} AND local_date <= #{until} AND primary_activity_id IS NULL
      GROUP BY 1 ORDER BY 3 DESC""";
  /** The first day the chart counts (see {@link fitcoach.app.DateWindow#EARLIEST_STORED}). */
  private static final String FIRST_DATE = """
      SELECT min(local_date) AS first FROM activities
      WHERE user_id = #{userId} AND primary_activity_id IS NULL AND local_date >= #{earliest}""";

  private static final RowMapper<LoadInput> INPUT = (Row r) -> new LoadInput(r.getUUID("id"), r.getString("sport_type"),
      r.getString("sport_family"), r.getInteger("moving_time_s"), r.getInteger("elapsed_time_s"), r.getDouble("avg_hr"),
      r.getDouble("max_hr"), r.getDouble("avg_power_w"), r.getDouble("weighted_power_w"), r.getBoolean("device_watts"),
      r.getInteger("rpe"), r.getDouble("load_override"), r.getLocalDate("local_date"), r.getDouble("load"),
      r.getString("load_method"), Boolean.TRUE.equals(r.getBoolean("load_uses_estimate")),
      r.getValue("legs") instanceof io.vertx.core.json.JsonArray legs ? fitcoach.activities.ActivityLeg.listFromJson(legs) : List.of());

  private static final RowMapper<PmcDay> DAY = (Row r) -> new PmcDay(r.getLocalDate("day"), r.getDouble("load"),
      r.getDouble("ctl"), r.getDouble("atl"), r.getDouble("form"), r.getDouble("form_after"), r.getDouble("ramp"),
      FormZone.valueOf(r.getString("zone")), nan(r.getDouble("monotony")), nan(r.getDouble("strain")), nan(r.getDouble("acwr")));

  record MethodShare(String method, long activities, double load) {
  }

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, RowSet<LoadInput>> inputs;
  private final SqlTemplate<Map<String, Object>, RowSet<LoadInput>> coachInputs;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> coachObservedMaxHr;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> dailyLoads;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> observedMaxHr;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> settings;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> saveSettings;
  private final SqlTemplate<Map<String, Object>, RowSet<PmcDay>> series;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> methodMix;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> firstDate;

  private final fitcoach.activities.LoadColumns loadColumns;

  LoadRepository(Pool pool) {
    this.loadColumns = new fitcoach.activities.LoadColumns(pool);
    this.pool = pool;
    this.inputs = SqlTemplate.forQuery(pool, INPUTS).mapTo(INPUT);
    this.coachInputs = SqlTemplate.forQuery(pool, COACH_INPUTS).mapTo(INPUT);
    this.coachObservedMaxHr = SqlTemplate.forQuery(pool, COACH_OBSERVED_MAX_HR);
    this.dailyLoads = SqlTemplate.forQuery(pool, DAILY_LOADS);
    this.observedMaxHr = SqlTemplate.forQuery(pool, OBSERVED_MAX_HR);
    this.settings = SqlTemplate.forQuery(pool, SETTINGS);
    this.saveSettings = SqlTemplate.forQuery(pool, SAVE_SETTINGS);
    this.series = SqlTemplate.forQuery(pool, SERIES).mapTo(DAY);
    this.methodMix = SqlTemplate.forQuery(pool, METHOD_MIX);
    this.firstDate = SqlTemplate.forQuery(pool, FIRST_DATE);
  }

  Future<List<LoadInput>> inputs(UUID userId) {
    return inputs.execute(Map.of("userId", userId)).map(rows -> {
      List<LoadInput> list = new ArrayList<>(rows.size());
      rows.forEach(list::add);
      return list;
    });
  }

  private static String[] sources(boolean includeStravaApi) {
    return fitcoach.activities.ActivitySource.readableByCoach(includeStravaApi).toArray(new String[0]);
  }

  Future<List<UUID>> users() {
    return pool.query(USERS).execute().map(rows -> {
      List<UUID> ids = new ArrayList<>();
      rows.forEach(r -> ids.add(r.getUUID("id")));
      return ids;
    });
  }

  Future<List<LoadInput>> coachInputs(UUID userId, boolean includeStravaApi) {
    return coachInputs.execute(Map.of("userId", userId, "sources", sources(includeStravaApi))).map(rows -> {
      List<LoadInput> list = new ArrayList<>(rows.size());
      rows.forEach(list::add);
      return list;
    });
  }

  /** A recomputed load to store; {@code localDate} tells the chart where to recompute from. */
  record LoadUpdate(UUID id, double load, String method, boolean estimated, String family, LocalDate localDate) {
  }

  Future<Void> updateLoads(UUID userId, List<LoadUpdate> updates) {
    return loadColumns.save(userId, updates.stream()
        .map(u -> new fitcoach.activities.LoadColumns.Computed(u.id(), u.load(), u.method(), u.estimated(), u.family())).toList());
  }

  Future<SortedMap<LocalDate, Double>> dailyLoads(UUID userId) {
    return dailyLoads.execute(Map.of("userId", userId)).map(rows -> {
      SortedMap<LocalDate, Double> loads = new TreeMap<>();
      rows.forEach(r -> loads.put(r.getLocalDate("local_date"), r.getDouble("load")));
      return loads;
    });
  }

  Future<ObservedMaxHr> observedMaxHr(UUID userId) {
    return observedMaxHr.execute(Map.of("userId", userId)).map(ObservedMaxHr::of);
  }

  Future<double[]> coachObservedMaxHr(UUID userId, boolean includeStravaApi) {
    return coachObservedMaxHr.execute(Map.of("userId", userId, "sources", sources(includeStravaApi)))
        .map(LoadRepository::maxHrValues);
  }

  private static double[] maxHrValues(RowSet<Row> rows) {
    double[] values = new double[rows.size()];
    int i = 0;
    for (Row r : rows) {
      values[i++] = r.getDouble("max_hr");
    }
    return values;
  }

  Future<PmcOptions> settings(UUID userId) {
    return settings.execute(Map.of("userId", userId)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return PmcOptions.defaults();
      }
      Row r = it.next();
      Optional<PmcSeed> seed = r.getLocalDate("seed_date") == null ? Optional.empty()
          : Optional.of(new PmcSeed(r.getLocalDate("seed_date"), r.getDouble("seed_ctl"), r.getDouble("seed_atl")));
      return new PmcOptions(r.getDouble("ctl_days"), r.getDouble("atl_days"),
          "linear".equals(r.getString("gain")) ? Gain.LINEAR : Gain.EXPONENTIAL, seed);
    });
  }

  Future<Void> saveSettings(UUID userId, PmcOptions o) {
    Map<String, Object> p = new HashMap<>();
    p.put("userId", userId);
    p.put("ctlDays", o.ctlDays());
    p.put("atlDays", o.atlDays());
    p.put("gain", o.gain() == Gain.LINEAR ? "linear" : "exponential");
    p.put("seedDate", o.seed().map(PmcSeed::date).orElse(null));
    p.put("seedCtl", o.seed().map(PmcSeed::ctl).orElse(null));
    p.put("seedAtl", o.seed().map(PmcSeed::atl).orElse(null));
    return saveSettings.execute(p).mapEmpty();
  }

  /**
   * Replaces the stored series from {@code from} on, and its first day, dropping anything before it, in one transaction.
   * Days before {@code from} are unchanged by construction: the chart only looks backwards.
   */
  Future<Void> writeSeries(UUID userId, List<PmcDay> days, LocalDate from) {
    LocalDate first = days.isEmpty() ? LocalDate.MAX : days.get(0).date();
    // The series' first day (the day before the first activity) moves with the first activity, so it is always rewritten.
    List<PmcDay> changed = days.stream().filter(d -> !d.date().isBefore(from) || d.date().equals(first)).toList();
    int n = changed.size();
    LocalDate[] dates = new LocalDate[n];
    Double[] load = new Double[n];
    Double[] ctl = new Double[n];
    Double[] atl = new Double[n];
    Double[] form = new Double[n];
    Double[] formAfter = new Double[n];
    Double[] ramp = new Double[n];
    String[] zone = new String[n];
    Double[] monotony = new Double[n];
    Double[] strain = new Double[n];
    Double[] acwr = new Double[n];
    for (int i = 0; i < n; i++) {
      PmcDay d = changed.get(i);
      dates[i] = d.date();
      load[i] = d.load();
      ctl[i] = d.ctl();
      atl[i] = d.atl();
      form[i] = d.form();
      formAfter[i] = d.formAfter();
      ramp[i] = d.ramp();
      zone[i] = d.zone().name();
      monotony[i] = finite(d.monotony());
      strain[i] = finite(d.strain());
      acwr[i] = finite(d.acwr());
    }
    return pool.withTransaction(conn -> conn.preparedQuery(LOCK_CHART).execute(Tuple.of(userId.toString()))
        .compose(locked -> conn.preparedQuery(DELETE_SERIES).execute(Tuple.of(userId, from, first)))
        .compose(v -> n == 0 ? Future.succeededFuture() : conn.preparedQuery(INSERT_SERIES).execute(Tuple.wrap(
            new Object[] {userId, dates, load, ctl, atl, form, formAfter, ramp, zone, monotony, strain, acwr})))
        .mapEmpty());
  }

  Future<List<PmcDay>> series(UUID userId) {
    return series.execute(Map.of("userId", userId)).map(rows -> {
      List<PmcDay> days = new ArrayList<>(rows.size());
      rows.forEach(days::add);
      return days;
    });
  }

  Future<List<MethodShare>> methodMix(UUID userId, LocalDate since, LocalDate until) {
    return methodMix.execute(Map.of("userId", userId, "since", since, "until", until)).map(rows -> {
      List<MethodShare> mix = new ArrayList<>();
      rows.forEach(r -> mix.add(new MethodShare(r.getString("method"), r.getLong("activities"), r.getDouble("load"))));
      return mix;
    });
  }

  Future<Optional<LocalDate>> firstActivityDate(UUID userId) {
    return firstDate.execute(Map.of("userId", userId, "earliest", fitcoach.app.DateWindow.EARLIEST_STORED))
        .map(rows -> Optional.ofNullable(rows.iterator().next().getLocalDate("first")));
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static double nan(Double v) {
    return v == null ? Double.NaN : v;
  }
}
