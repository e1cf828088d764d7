package fitcoach.coach.tools;

import static fitcoach.coach.tools.RangeFigures.km;
import static fitcoach.coach.tools.RangeFigures.one;

import fitcoach.analytics.CoachLoad;
import fitcoach.analytics.LoadService;
import fitcoach.app.Figures;
import fitcoach.load.DatedThresholds;
import fitcoach.progress.ZoneTotals;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * compare_periods {a_from, a_to, b_from, b_to, sport?}: two periods side by side (sessions, distance, time, elevation,
 * load from the engine, average heart rate, per-sport totals, time in heart-rate and power zones from the stored
 * analyses cut by the thresholds in force on each day) and the differences b − a, over only what the coach may read.
 */
final class ComparePeriodsTool implements CoachTool {
  /** Three years and a leap day. */
  static final int MAX_DAYS = 1096;

  private final LoadService load;
  private final ToolRangeSql sql;
  private final RangeToolMemo memo;

  ComparePeriodsTool(LoadService load, ToolRangeSql sql) {
    this.load = load;
    this.sql = sql;
    this.memo = new RangeToolMemo(load, sql);
  }

  @Override
  public String name() {
    return "compare_periods";
  }

  @Override
  public String description() {
    return "Two date ranges side by side (each up to 3 years): sessions, distance, time, elevation, load, avg HR, "
        + "per-sport totals, time in HR and power zones with the share below/at/above threshold, and the differences "
        + "b - a";
  }

  @Override
  public JsonObject inputSchema() {
    return new JsonObject().put("type", "object")
        .put("properties", new JsonObject()
            .put("a_from", RangeArgs.dateProperty(null))
            .put("a_to", RangeArgs.dateProperty(null))
            .put("b_from", RangeArgs.dateProperty(null))
            .put("b_to", RangeArgs.dateProperty(null))
            .put("sport", RangeArgs.sportProperty("Default: all sports")))
        .put("required", new JsonArray().add("a_from").add("a_to").add("b_from").add("b_to"))
        .put("additionalProperties", false);
  }

  @Override
  public String summary(JsonObject a) {
    String sport = a.getString("sport");
    return (sport == null ? "" : sport + " ") + a.getString("a_from") + " to " + a.getString("a_to") + " vs "
        + a.getString("b_from") + " to " + a.getString("b_to");
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    LocalDate aFrom = RangeArgs.date(arguments, "a_from");
    LocalDate aTo = RangeArgs.date(arguments, "a_to");
    LocalDate bFrom = RangeArgs.date(arguments, "b_from");
    LocalDate bTo = RangeArgs.date(arguments, "b_to");
    String limit = "each period may span at most " + MAX_DAYS + " days (3 years).";
    RangeArgs.range("a_from", aFrom, "a_to", aTo, MAX_DAYS, limit);
    RangeArgs.range("b_from", bFrom, "b_to", bTo, MAX_DAYS, limit);
    String family = RangeArgs.sport(arguments, "sport");
    ToolRangeSql.Range a = new ToolRangeSql.Range(scope.userId(), scope.includeStravaApi(), aFrom, aTo, family);
    ToolRangeSql.Range b = new ToolRangeSql.Range(scope.userId(), scope.includeStravaApi(), bFrom, bTo, family);
    String key = String.join("|", name(), String.valueOf(scope.includeStravaApi()), aFrom.toString(), aTo.toString(),
        bFrom.toString(), bTo.toString(), String.valueOf(family));
    return memo.get(scope.userId(), key, () -> Future.all(List.of(load.forCoach(scope.userId(), scope.includeStravaApi()),
            load.datedForCoach(scope.userId(), scope.includeStravaApi()), sql.activities(a), sql.activities(b),
            sql.histograms(a), sql.histograms(b)))
        .map(all -> {
          CoachLoad coach = all.resultAt(0);
          DatedThresholds dated = all.resultAt(1);
          Totals ta = Totals.of(all.resultAt(2), coach);
          Totals tb = Totals.of(all.resultAt(3), coach);
          Map<String, Object> za = ZoneTotals.of(all.resultAt(4), aFrom, aTo, dated::on);
          Map<String, Object> zb = ZoneTotals.of(all.resultAt(5), bFrom, bTo, dated::on);
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("sport", family == null ? "all" : family);
          out.put("a", period(aFrom, aTo, ta, za));
          out.put("b", period(bFrom, bTo, tb, zb));
          out.put("difference_b_minus_a", difference(ta, tb, za, zb));
          out.put("notes", "load: the chart's training load (summed); avg_hr: weighted by moving time over sessions with "
              + "heart rate; zones: moving time from analysed recordings, cut by the thresholds in force on each day; "
              + "share_pct: percent of zone time below (Z1-Z3) / at (Z4) / above (Z5+) threshold; differences are "
              + "[b - a, % of a].");
          return new ToolOutput(out, ta.sessions + " vs " + tb.sessions + " sessions", List.of());
        }));
  }

  /** Sums of one period, overall and per sport family. */
  private static final class Totals {
    int sessions;
    double distanceM;
    double timeS;
    double elevationM;
    double load;
    double hrWeighted;
    double hrSeconds;
    final Map<String, Totals> bySport = new TreeMap<>();

    static Totals of(List<ToolRangeSql.Activity> activities, CoachLoad coach) {
      Totals t = new Totals();
      for (ToolRangeSql.Activity a : activities) {
        CoachLoad.ActivityLoadValue value = coach.loads().get(a.id());
        double l = value == null ? 0 : value.load();
        t.add(a, l);
        t.bySport.computeIfAbsent(a.family(), k -> new Totals()).add(a, l);
      }
      return t;
    }

    void add(ToolRangeSql.Activity a, double l) {
      sessions++;
      distanceM += a.distanceM() == null ? 0 : a.distanceM();
      double s = a.timeS() == null ? 0 : a.timeS();
      timeS += s;
      elevationM += a.elevationM() == null ? 0 : a.elevationM();
      load += Double.isFinite(l) ? l : 0;
      if (a.avgHr() != null && a.avgHr() > 0 && s > 0) {
        hrWeighted += a.avgHr() * s;
        hrSeconds += s;
      }
    }

    Double avgHr() {
      return hrSeconds == 0 ? null : Figures.round(hrWeighted / hrSeconds, 0);
    }
  }

  private static Map<String, Object> period(LocalDate from, LocalDate to, Totals t, Map<String, Object> zones) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("from", from);
    p.put("to", to);
    p.put("days", RangeArgs.days(from, to));
    p.put("sessions", t.sessions);
    p.put("distance_km", km(t.distanceM));
    p.put("time", RangeFigures.duration(t.timeS));
    p.put("elevation_m", Figures.round(t.elevationM, 0));
    p.put("load", one(t.load));
    p.put("avg_hr", t.avgHr());
    List<List<Object>> rows = new ArrayList<>();
    t.bySport.forEach((sport, s) -> rows.add(java.util.Arrays.asList(sport, s.sessions, km(s.distanceM),
        RangeFigures.duration(s.timeS), Figures.round(s.elevationM, 0), one(s.load), s.avgHr())));
    p.put("by_sport", Figures.ordered("columns", List.of("sport", "sessions", "distance_km", "time", "elevation_m", "load",
        "avg_hr"), "rows", rows));
    p.put("intensity", intensity(zones));
    return p;
  }

  /** Zone seconds as h:mm:ss with each zone's share, per kind present. */
  private static Map<String, Object> intensity(Map<String, Object> zones) {
    Map<String, Object> out = new LinkedHashMap<>();
    putZones(out, "heart_rate", zones.get("heartRate"), ZoneTotals.HR_ZONE_NAMES);
    putZones(out, "power", zones.get("power"), ZoneTotals.POWER_ZONE_NAMES);
    if (out.isEmpty()) {
      out.put("note", "no analysed recordings with heart rate or power (or no thresholds) in this period");
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void putZones(Map<String, Object> out, String key, Object value, List<String> names) {
    if (value == null) {
      return;
    }
    Map<String, Object> z = (Map<String, Object>) value;
    List<Integer> seconds = (List<Integer>) z.get("seconds");
    long total = seconds.stream().mapToLong(Integer::longValue).sum();
    List<String> times = new ArrayList<>();
    seconds.forEach(s -> times.add(RangeFigures.duration(s)));
    Map<String, Object> m = new LinkedHashMap<>();
    if (z.get("basis") != null) {
      m.put("basis", "lthr".equals(z.get("basis")) ? "% of threshold HR" : "% of max HR");
    }
    m.put("zones", names.subList(0, Math.min(names.size(), seconds.size())));
    m.put("time", times);
    m.put("share_pct", java.util.Arrays.asList(share(z.get("below"), total), share(z.get("at"), total), share(z.get("above"), total)));
    out.put(key, m);
  }

  private static Double share(Object seconds, long total) {
    return total == 0 ? null : Figures.round(((Number) seconds).doubleValue() * 100.0 / total, 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> difference(Totals a, Totals b, Map<String, Object> za, Map<String, Object> zb) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("sessions", RangeFigures.difference(a.sessions, b.sessions, 0));
    d.put("distance_km", RangeFigures.difference(a.distanceM / 1000, b.distanceM / 1000, 2));
    d.put("time_h", RangeFigures.difference(a.timeS / 3600, b.timeS / 3600, 2));
    d.put("elevation_m", RangeFigures.difference(a.elevationM, b.elevationM, 0));
    d.put("load", RangeFigures.difference(a.load, b.load, 1));
    if (a.avgHr() != null && b.avgHr() != null) {
      d.put("avg_hr", RangeFigures.difference(a.avgHr(), b.avgHr(), 0));
    }
    List<List<Object>> rows = new ArrayList<>();
    TreeSet<String> sports = new TreeSet<>(a.bySport.keySet());
    sports.addAll(b.bySport.keySet());
    for (String sport : sports) {
      Totals sa = a.bySport.getOrDefault(sport, new Totals());
      Totals sb = b.bySport.getOrDefault(sport, new Totals());
      rows.add(List.of(sport, RangeFigures.difference(sa.sessions, sb.sessions, 0),
          RangeFigures.difference(sa.distanceM / 1000, sb.distanceM / 1000, 2),
          RangeFigures.difference(sa.timeS / 3600, sb.timeS / 3600, 2), RangeFigures.difference(sa.load, sb.load, 1)));
    }
    d.put("by_sport", Figures.ordered("columns", List.of("sport", "sessions", "distance_km", "time_h", "load"), "rows", rows));
    for (String kind : List.of("heartRate", "power")) {
      Map<String, Object> x = (Map<String, Object>) za.get(kind);
      Map<String, Object> y = (Map<String, Object>) zb.get(kind);
      if (x != null && y != null) {
        List<Object> points = new ArrayList<>();
        for (String part : List.of("below", "at", "above")) {
          Double sx = share(x.get(part), total(x));
          Double sy = share(y.get(part), total(y));
          points.add(sx == null || sy == null ? null : Figures.round(sy - sx, 1));
        }
        d.put(("heartRate".equals(kind) ? "heart_rate" : "power") + "_share_points_below_at_above", points);
      }
    }
    return d;
  }

  @SuppressWarnings("unchecked")
  private static long total(Map<String, Object> z) {
    return ((List<Integer>) z.get("seconds")).stream().mapToLong(Integer::longValue).sum();
  }
}
