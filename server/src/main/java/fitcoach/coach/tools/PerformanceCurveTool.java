package fitcoach.coach.tools;

import fitcoach.analysis.BestEfforts;
import fitcoach.analysis.CriticalPower;
import fitcoach.analysis.MeanMax;
import fitcoach.app.Figures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * performance_curve {metric: power|pace|hr, from?, to?, sport?}: the best power, speed or heart rate at standard
 * durations over a range, each with the activity holding it, from the stored analyses (activity_curves) of only the
 * activities the coach may read; for runs' pace also the fastest effort per standard distance; and the critical power
 * (or critical speed) model fitted, as the Progress screen fits it, to the range's best 3-20 min values.
 */
final class PerformanceCurveTool implements CoachTool {
  static final int DEFAULT_DAYS = 365;
  /** The durations shown (all in MeanMax.DURATIONS_S): 5 s to 2 h. */
  static final List<Integer> SHOWN_S = List.of(5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200);
  /** Names are cut to this many characters: a result row, not the athlete's essay. */
  static final int NAME_CHARS = 60;

  private enum Metric {
    POWER("power", "W", "ride"), PACE("speed", null, "run"), HR("hr", "bpm", null);

    final String column;
    final String unit;
    final String defaultSport;

    Metric(String column, String unit, String defaultSport) {
      this.column = column;
      this.unit = unit;
      this.defaultSport = defaultSport;
    }
  }

  private final ToolRangeSql sql;
  private final RangeToolMemo memo;

  PerformanceCurveTool(fitcoach.analytics.LoadService load, ToolRangeSql sql) {
    this.sql = sql;
    this.memo = new RangeToolMemo(load, sql);
  }

  @Override
  public String name() {
    return "performance_curve";
  }

  @Override
  public String description() {
    return "Best power, pace/speed or HR held for 5 s to 2 h over a date range (default the last 365 days; all-time: "
        + "from 1970-01-01), each with its activity; for run pace also best 400 m to marathon. Adds CP, W' and eFTP "
        + "(power) or critical speed (run pace) when the bests allow a fit";
  }

  @Override
  public JsonObject inputSchema() {
    return new JsonObject().put("type", "object")
        .put("properties", new JsonObject()
            .put("metric", new JsonObject().put("type", "string").put("enum", new JsonArray().add("power").add("pace").add("hr"))
                )
            .put("from", RangeArgs.dateProperty(null))
            .put("to", RangeArgs.dateProperty("Default today"))
            .put("sport", RangeArgs.sportProperty("Default: ride for power, run for pace, all for hr")))
        .put("required", new JsonArray().add("metric"))
        .put("additionalProperties", false);
  }

  @Override
  public String summary(JsonObject a) {
    String sport = a.getString("sport");
    String from = a.getString("from");
    String to = a.getString("to");
    return "best " + a.getString("metric") + (sport == null ? "" : " " + sport)
        + (from == null ? (to == null ? " over the last year" : " up to " + to) : " from " + from + (to == null ? "" : " to " + to));
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    Metric metric = metric(arguments.getString("metric"));
    LocalDate to = RangeArgs.optionalDate(arguments, "to");
    if (to == null || to.isAfter(scope.today())) {
      to = scope.today();
    }
    LocalDate from = RangeArgs.optionalDate(arguments, "from");
    if (from == null) {
      from = to.minusDays(DEFAULT_DAYS - 1L);
    }
    RangeArgs.range("from", from, "to", to, Long.MAX_VALUE, "");
    String family = arguments.getValue("sport") == null ? metric.defaultSport : RangeArgs.sport(arguments, "sport");
    ToolRangeSql.Range range = new ToolRangeSql.Range(scope.userId(), scope.includeStravaApi(), from, to, family);
    boolean fits = metric == Metric.POWER && "ride".equals(family) || metric == Metric.PACE && "run".equals(family);
    List<Integer> indexes = indexes(fits);
    boolean efforts = metric == Metric.PACE && "run".equals(family);
    LocalDate start = from;
    LocalDate end = to;
    String key = String.join("|", name(), String.valueOf(scope.includeStravaApi()), metric.name(), from.toString(),
        to.toString(), String.valueOf(family));
    return memo.get(scope.userId(), key, () -> Future.all(sql.curve(range, metric.column, indexes),
        efforts ? sql.efforts(range) : Future.succeededFuture(List.<ToolRangeSql.Best>of())).map(all -> {
      ToolRangeSql.Curve curve = all.resultAt(0);
      Set<UUID> named = new LinkedHashSet<>();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("metric", metric.name().toLowerCase(Locale.ROOT));
      out.put("sport", family == null ? "all" : family);
      out.put("unit", metric == Metric.PACE ? paceUnit(family) : metric.unit);
      out.put("from", start);
      out.put("to", end);
      out.put("activities_with_data", curve.activities());
      List<List<Object>> rows = new ArrayList<>();
      for (ToolRangeSql.Best b : curve.points()) {
        int seconds = MeanMax.DURATIONS_S.get(b.index());
        if (SHOWN_S.contains(seconds)) {
          rows.add(Arrays.asList(RangeFigures.label(seconds), value(metric, family, b.value()), b.activityId(), b.date(),
              name(b.name())));
          named.add(b.activityId());
        }
      }
      out.put("columns", List.of("duration", "best", "activity_id", "date", "name"));
      out.put("rows", rows);
      if (efforts) {
        List<List<Object>> effortRows = new ArrayList<>();
        for (ToolRangeSql.Best b : all.<List<ToolRangeSql.Best>>resultAt(1)) {
          double metres = BestEfforts.RUN_DISTANCES_M.get(b.index());
          effortRows.add(Arrays.asList(distanceLabel(metres), RangeFigures.duration(b.value()),
              RangeFigures.pace(metres / b.value(), 1000, "/km"), b.activityId(), b.date(), name(b.name())));
          named.add(b.activityId());
        }
        out.put("best_efforts", Figures.ordered("columns", List.of("distance", "time", "pace", "activity_id", "date", "name"),
            "rows", effortRows));
      }
      if (fits) {
        out.put("model", model(metric, curve.points()));
      }
      if (rows.isEmpty()) {
        out.put("note", "No analysed recordings with " + (metric == Metric.PACE ? "speed" : metric.column)
            + " data in this range (only activities with recorded streams have curves).");
      }
      return new ToolOutput(out, rows.size() + " durations from " + curve.activities() + " activities",
          List.copyOf(named));
    }));
  }

  private static Metric metric(String value) {
    if (value == null) {
      throw new ToolArgumentException("'metric' is required: power, pace or hr.");
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "power":
        return Metric.POWER;
      case "pace":
        return Metric.PACE;
      case "hr":
        return Metric.HR;
      default:
        throw new ToolArgumentException("'metric' must be power, pace or hr, not '" + value + "'.");
    }
  }

  /** The 0-based curve indexes to read: the shown durations, and the model's 3-20 min when it is fitted. */
  private static List<Integer> indexes(boolean model) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < MeanMax.DURATIONS_S.size(); i++) {
      int s = MeanMax.DURATIONS_S.get(i);
      if (SHOWN_S.contains(s) || model && s >= CriticalPower.MIN_DURATION_S && s <= CriticalPower.MAX_DURATION_S) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * The engine's model over the range's best value per duration from 3 to 20 min (as ProgressService fits the range):
   * CP, W′ and eFTP for rides; critical speed, D′ and threshold pace for runs; or why there is none.
   */
  private static Map<String, Object> model(Metric metric, List<ToolRangeSql.Best> points) {
    List<CriticalPower.Effort> efforts = new ArrayList<>();
    for (ToolRangeSql.Best b : points) {
      int s = MeanMax.DURATIONS_S.get(b.index());
      if (s >= CriticalPower.MIN_DURATION_S && s <= CriticalPower.MAX_DURATION_S) {
        efforts.add(new CriticalPower.Effort(s, b.value()));
      }
    }
    if (metric == Metric.POWER) {
      var e = CriticalPower.power(efforts);
      return e.model().map(m -> Figures.ordered("critical_power_w", Figures.round(m.cpWatts(), 0),
          "w_prime_kj", Figures.round(m.wPrimeJoules() / 1000, 1), "eftp_w", Figures.round(m.eftpWatts(), 0),
          "r2", Figures.round(m.rSquared(), 3), "fitted_on", "best 3-20 min efforts in the range"))
          .orElseGet(() -> Figures.ordered("reason", e.reason().orElse("no fit")));
    }
    var e = CriticalPower.speed(efforts);
    return e.model().map(m -> Figures.ordered("critical_speed_pace", RangeFigures.pace(m.csMetresPerSecond(), 1000, "/km"),
        "d_prime_m", Figures.round(m.dPrimeMetres(), 0), "r2", Figures.round(m.rSquared(), 3),
        "fitted_on", "best 3-20 min efforts in the range"))
        .orElseGet(() -> Figures.ordered("reason", e.reason().orElse("no fit")));
  }

  private static Object value(Metric metric, String family, double stored) {
    if (metric == Metric.PACE) {
      return RangeFigures.speed(family, stored);
    }
    return Figures.round(stored, 0);
  }

  private static String paceUnit(String family) {
    return "run".equals(family) || "walk".equals(family) ? "min:s/km" : "swim".equals(family) ? "min:s/100m" : "km/h";
  }

  private static String distanceLabel(double metres) {
    if (metres == 1609.344) {
      return "1 mile";
    }
    if (metres == 21_097.5) {
      return "half marathon";
    }
    if (metres == 42_195) {
      return "marathon";
    }
    return metres < 1000 ? String.format(Locale.ROOT, "%.0f m", metres) : String.format(Locale.ROOT, "%.0f km", metres / 1000);
  }

  private static String name(String name) {
    if (name == null) {
      return null;
    }
    return name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1) + "…";
  }
}
