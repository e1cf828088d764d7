package fitcoach.coach.tools;

import static fitcoach.app.Figures.ordered;

import fitcoach.activities.ActivitySource;
import fitcoach.analytics.ActivityAnalysis;
import fitcoach.analytics.CoachLoad;
import fitcoach.analytics.LoadService;
import fitcoach.load.DatedThresholds;
import fitcoach.app.OffLoop;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * get_activity: one activity as the coach may read it: its summary (description and the athlete's notes as data), its
 * laps, and the activity page's analysis (zone times, NP/IF, EF, decoupling, curve highlights, best efforts, the
 * thresholds in force on its date) computed by {@link ActivityAnalysis} from the streams of a readable copy. Never
 * raw streams. An id that is not the athlete's, or whose workout the coach may not read, gets the same answer.
 */
final class GetActivityTool implements CoachTool {
  static final String NAME = "get_activity";
  static final String NOT_AVAILABLE = "No activity with that id is available to the coach";
  static final int MAX_LAPS = 30;
  /** Curve durations worth quoting (s). */
  static final Set<Integer> HIGHLIGHTS = Set.of(5, 60, 300, 1200, 3600);
  private static final int TEXT_CHARS = 600;
  private static final List<String> LAP_COLUMNS = List.of("lap", "start", "duration", "distance_km", "pace", "avg_hr",
      "max_hr", "avg_w", "np_w");

  private final ToolActivitySql sql;
  private final LoadService load;

  GetActivityTool(ToolActivitySql sql, LoadService load) {
    this.sql = sql;
    this.load = load;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "One activity by id: summary with description and notes, load, laps, time in HR/power/pace zones (seconds, "
        + "Z1 first), NP, IF, EF, aerobic decoupling, bests at 5 s to 60 min, run best efforts, and the thresholds in "
        + "force on its date";
  }

  @Override
  public JsonObject inputSchema() {
    return new JsonObject().put("type", "object").put("additionalProperties", false).put("required", List.of("id"))
        .put("properties", new JsonObject().put("id", new JsonObject().put("type", "string").put("minLength", 1)
            .put("maxLength", 64)));
  }

  @Override
  public String summary(JsonObject arguments) {
    return "activity " + arguments.getString("id");
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    UUID id;
    try {
      id = UUID.fromString(arguments.getString("id").strip());
    } catch (IllegalArgumentException e) {
      throw new ToolArgumentException(NOT_AVAILABLE);
    }
    return sql.activity(scope.userId(), scope.includeStravaApi(), id).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new ToolArgumentException(NOT_AVAILABLE));
      }
      ToolActivitySql.Activity a = found.get();
      return Future.all(sql.laps(a.lapsOf()), load.forCoach(scope.userId(), scope.includeStravaApi()),
          load.datedForCoach(scope.userId(), scope.includeStravaApi())).compose(all -> {
            DatedThresholds dated = all.resultAt(2);
            DatedThresholds.InForce inForce = dated.inForce(a.date());
            CoachLoad coach = all.resultAt(1);
            List<ToolActivitySql.Lap> laps = all.resultAt(0);
            // Gunzip, parsing and the 1 Hz grid take milliseconds to tens of them: never on an event loop.
            return OffLoop.run(() -> analysis(a, inForce)).map(analysis -> output(a, coach, laps, analysis));
          });
    });
  }


  /** The activity page's analysis; streams the engine cannot read are said to be so, the rest still answered. */
  private static Map<String, Object> analysis(ToolActivitySql.Activity a, DatedThresholds.InForce inForce) {
    try {
      return ActivityAnalysis.of(a.id(), a.family(), a.streams(), inForce, null);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      Map<String, Object> out = ActivityAnalysis.of(a.id(), a.family(), null, inForce, null);
      out.put("unreadable", true);
      return out;
    }
  }

  private static ToolOutput output(ToolActivitySql.Activity a, CoachLoad coach, List<ToolActivitySql.Lap> laps,
                                   Map<String, Object> analysis) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("activity", summary(a, coach, analysis));
    out.put("analysis", figures(analysis));
    out.put("zones", zones(analysis));
    out.put("curve", curve(a.family(), analysis));
    Object efforts = efforts(analysis);
    if (efforts != null) {
      out.put("best_efforts", efforts);
    }
    out.put("laps", laps(a.family(), laps, MAX_LAPS));
    out.put("thresholds", analysis.get("thresholds"));
    // Laps are the only part that grows with the activity: fewer are shown until the answer fits.
    int shown = MAX_LAPS;
    while (shown > 0 && ToolJson.write(out).getBytes(StandardCharsets.UTF_8).length > SearchActivitiesTool.BUDGET_BYTES) {
      shown = shown > 10 ? 10 : 0;
      out.put("laps", laps(a.family(), laps, shown));
    }
    String title = a.name() == null || a.name().isBlank() ? a.sportType() : a.name();
    return new ToolOutput(out, a.date() + " " + title, List.of(a.id()));
  }

  private static Map<String, Object> summary(ToolActivitySql.Activity a, CoachLoad coach, Map<String, Object> analysis) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", a.id());
    s.put("date", a.date());
    s.put("start", a.startLocal() == null ? null : a.startLocal().toLocalTime().withNano(0).toString());
    s.put("name", a.name());
    s.put("sport", a.sportType());
    s.put("family", a.family());
    s.put("source", ActivitySource.find(a.source()).map(ActivitySource::label).orElse(a.source()));
    s.put("duration", ActivityUnits.duration(a.movingS() != null ? a.movingS() : a.elapsedS()));
    s.put("elapsed", ActivityUnits.duration(a.elapsedS()));
    s.put("distance_km", ActivityUnits.km(a.distanceM()));
    s.put("elevation_gain_m", ActivityUnits.whole(a.elevationGainM()));
    s.put("pace", ActivityUnits.pace(a.family(), a.distanceM(), a.movingS() != null ? a.movingS() : a.elapsedS()));
    s.put("avg_hr", ActivityUnits.whole(a.avgHr()));
    s.put("max_hr", ActivityUnits.whole(a.maxHr()));
    s.put("avg_power_w", ActivityUnits.whole(a.avgPowerW()));
    Object np = analysis.get("normalizedPowerW");
    s.put("np_w", np instanceof Number n ? ActivityUnits.whole(n.doubleValue())
        : "ride".equals(a.family()) && Boolean.TRUE.equals(a.deviceWatts()) ? ActivityUnits.whole(a.weightedPowerW()) : null);
    CoachLoad.ActivityLoadValue value = coach.loads().get(a.id());
    s.put("load", value == null ? null : ActivityUnits.oneDecimal(value.load()));
    s.put("load_method", value == null ? null : value.method().name().toLowerCase(java.util.Locale.ROOT));
    s.put("rpe", a.rpe());
    s.put("calories", ActivityUnits.whole(a.calories()));
    s.put("trainer", a.trainer());
    s.put("description", ActivityUnits.snippet(a.description(), TEXT_CHARS));
    s.put("notes", ActivityUnits.snippet(a.notes(), TEXT_CHARS));
    s.values().removeIf(java.util.Objects::isNull);
    return s;
  }

  private static Map<String, Object> figures(Map<String, Object> analysis) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("streams", Boolean.TRUE.equals(analysis.get("streams")));
    if (Boolean.TRUE.equals(analysis.get("unreadable"))) {
      f.put("streams_unreadable", true);
    }
    Object moving = analysis.get("movingSeconds");
    f.put("moving_time", moving instanceof Number n ? ActivityUnits.duration(n.intValue()) : null);
    f.put("np_w", analysis.get("normalizedPowerW"));
    f.put("intensity_factor", analysis.get("intensityFactor"));
    f.put("efficiency_factor", analysis.get("efficiencyFactor"));
    f.put("decoupling_percent", analysis.get("decouplingPercent"));
    f.put("decoupling_basis", analysis.get("decouplingBasis"));
    f.values().removeIf(java.util.Objects::isNull);
    return f;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> zones(Map<String, Object> analysis) {
    Map<String, Object> zones = (Map<String, Object>) analysis.get("zones");
    Map<String, Object> out = new LinkedHashMap<>();
    if (!Boolean.TRUE.equals(analysis.get("streams")) || zones == null) {
      return out;
    }
    for (Map.Entry<String, Object> e : zones.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> z) {
        Object seconds = z.get("seconds");
        boolean any = seconds instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Number n && n.intValue() > 0);
        if (any) {
          String key = "heartRate".equals(e.getKey()) ? "heart_rate" : e.getKey();
          // Bounds: each zone's lower bound (W, bpm), or for pace each zone's slowest pace in s/km (null for Z1).
          out.put(key, ordered("basis", z.get("basis"), "lower_bounds", z.get("bounds"), "seconds", seconds));
        }
      }
    }
    return out;
  }

  /** The best values at the highlight durations: [seconds, value] pairs; pace in the sport's unit. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> curve(String family, Map<String, Object> analysis) {
    Map<String, Object> curves = (Map<String, Object>) analysis.get("curves");
    Map<String, Object> out = new LinkedHashMap<>();
    if (curves == null) {
      return out;
    }
    for (Map.Entry<String, Object> e : curves.entrySet()) {
      List<List<Object>> points = new ArrayList<>();
      for (Map<String, Object> p : (List<Map<String, Object>>) e.getValue()) {
        int d = ((Number) p.get("durationS")).intValue();
        Object v = p.get("value");
        if (!HIGHLIGHTS.contains(d) || !(v instanceof Number n)) {
          continue;
        }
        Object shown = switch (e.getKey()) {
          case "pace" -> ActivityUnits.pace(family, 1000 / n.doubleValue());
          case "speed" -> ActivityUnits.pace("ride", n.doubleValue());
          default -> v;
        };
        points.add(Arrays.asList(d, shown));
      }
      if (!points.isEmpty()) {
        out.put(switch (e.getKey()) {
          case "power" -> "power_w";
          case "heartRate" -> "heart_rate_bpm";
          default -> e.getKey();
        }, points);
      }
    }
    return out;
  }

  /** A run's best efforts: [metres, time h:mm:ss]. */
  @SuppressWarnings("unchecked")
  private static Object efforts(Map<String, Object> analysis) {
    List<Map<String, Object>> efforts = (List<Map<String, Object>>) analysis.get("bestEfforts");
    if (efforts == null || efforts.isEmpty()) {
      return null;
    }
    List<List<Object>> out = new ArrayList<>(efforts.size());
    for (Map<String, Object> e : efforts) {
      double metres = ((Number) e.get("distanceM")).doubleValue();
      double seconds = ((Number) e.get("timeS")).doubleValue();
      out.add(Arrays.asList(Math.round(metres * 10) / 10.0, ActivityUnits.duration((int) Math.round(seconds))));
    }
    return out;
  }

  /** The first {@code max} laps as rows, the rest summed up in one line. */
  private static Map<String, Object> laps(String family, List<ToolActivitySql.Lap> laps, int max) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", laps.size());
    if (laps.isEmpty()) {
      return out;
    }
    List<List<Object>> rows = new ArrayList<>();
    int shown = Math.min(max, laps.size());
    for (ToolActivitySql.Lap l : laps.subList(0, shown)) {
      Integer seconds = l.movingS() != null ? l.movingS() : l.elapsedS();
      String pace = l.avgSpeedMps() != null ? ActivityUnits.pace(family, l.avgSpeedMps())
          : ActivityUnits.pace(family, l.distanceM(), seconds);
      rows.add(Arrays.asList(l.index() + 1, ActivityUnits.duration(l.startS()), ActivityUnits.duration(seconds),
          ActivityUnits.km(l.distanceM()), pace, ActivityUnits.whole(l.avgHr()), ActivityUnits.whole(l.maxHr()),
          ActivityUnits.whole(l.avgPowerW()), ActivityUnits.whole(l.normalizedPowerW())));
    }
    out.put("columns", LAP_COLUMNS);
    out.put("rows", rows);
    if (shown < laps.size()) {
      List<ToolActivitySql.Lap> rest = laps.subList(shown, laps.size());
      long seconds = 0;
      double metres = 0;
      for (ToolActivitySql.Lap l : rest) {
        seconds += l.movingS() != null ? l.movingS() : l.elapsedS();
        metres += l.distanceM() == null ? 0 : l.distanceM();
      }
      out.put("not_shown", ordered("laps", rest.size(), "duration", ActivityUnits.duration((int) seconds),
          "distance_km", ActivityUnits.km(metres)));
    }
    return out;
  }
}
