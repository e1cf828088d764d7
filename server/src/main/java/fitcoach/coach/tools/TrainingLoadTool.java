package fitcoach.coach.tools;

import static fitcoach.coach.tools.RangeFigures.one;

import fitcoach.analytics.LoadService;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcSeries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * training_load {from, to}: the coach's chart (LoadService#forCoach: only what the data policy lets the coach read)
 * over a past range: daily rows up to {@value #DAILY_MAX_DAYS} days, weekly up to two years, monthly up to ten years,
 * so the longest range stays well under the 8 KB a result may hold. Days after today are clamped: the future is
 * project_form's job.
 */
final class TrainingLoadTool implements CoachTool {
  static final int DAILY_MAX_DAYS = 120;
  static final int WEEKLY_MAX_DAYS = 731;
  /** Ten years and a few days: 121 monthly rows at most. */
  static final int MAX_DAYS = 3660;
  static final String FORM_NOTE = "form = fitness - fatigue at the END of the day (after that day's training); "
      + "form_morning = before it (the end of the previous day)";

  private final LoadService load;

  TrainingLoadTool(LoadService load) {
    this.load = load;
  }

  @Override
  public String name() {
    return "training_load";
  }

  @Override
  public String description() {
    return "Load, fitness (CTL), fatigue (ATL), form (end of day) and ramp over past dates: daily up to 120 days, "
        + "weekly up to 2 years, else monthly (up to 10 years). Use project_form for the future";
  }

  @Override
  public JsonObject inputSchema() {
    return RangeArgs.fromToSchema();
  }

  @Override
  public String summary(JsonObject arguments) {
    return "load " + arguments.getString("from") + " to " + arguments.getString("to");
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    LocalDate from = RangeArgs.date(arguments, "from");
    LocalDate to = RangeArgs.date(arguments, "to");
    RangeArgs.range("from", from, "to", to, Long.MAX_VALUE, "");
    if (from.isAfter(scope.today())) {
      throw new ToolArgumentException("'from' (" + from + ") is after today (" + scope.today()
          + "): training_load covers the past; use project_form for planned days.");
    }
    LocalDate end = to.isAfter(scope.today()) ? scope.today() : to;
    RangeArgs.range("from", from, "to", end, MAX_DAYS, "at most " + MAX_DAYS + " days (10 years) per call.");
    return load.forCoach(scope.userId(), scope.includeStravaApi()).map(coach -> table(coach.series(), from, end, to));
  }

  private static ToolOutput table(PmcSeries series, LocalDate asked, LocalDate askedEnd, LocalDate askedTo) {
    Map<String, Object> out = new LinkedHashMap<>();
    LocalDate end = askedEnd.isAfter(series.today()) ? series.today() : askedEnd;
    LocalDate from = asked;
    if (!series.days().isEmpty() && from.isBefore(series.days().get(0).date())) {
      // Before the first counted activity the chart is all zeros: say where it starts instead of listing them.
      from = series.days().get(0).date();
      out.put("chart_starts", from);
    }
    out.put("from", asked);
    out.put("to", end);
    if (askedTo.isAfter(end)) {
      out.put("cut_at_today", true);
    }
    if (series.days().isEmpty() || from.isAfter(end)) {
      out.put("rows", List.of());
      out.put("note", "No training the coach may read in this range.");
      return new ToolOutput(out, "no data", List.of());
    }
    long days = RangeArgs.days(from, end);
    String summary;
    if (days <= DAILY_MAX_DAYS) {
      out.put("resolution", "daily");
      out.put("columns", List.of("date", "load", "fitness", "fatigue", "form", "form_morning", "ramp"));
      List<List<Object>> rows = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(end); d = d.plusDays(1)) {
        PmcDay p = series.on(d);
        rows.add(List.of(d, one(p.load()), one(p.ctl()), one(p.atl()), one(p.formAfter()), one(p.form()), one(p.ramp())));
      }
      out.put("rows", rows);
      summary = days == 1 ? "1 day" : days + " days";
    } else if (days <= WEEKLY_MAX_DAYS) {
      out.put("resolution", "weekly (Monday to Sunday; first and last week may be partial)");
      List<List<Object>> rows = buckets(series, from, end, d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
      out.put("columns", List.of("week_start", "days", "load", "fitness", "fatigue", "form", "ramp"));
      out.put("rows", rows);
      summary = rows.size() + " weeks";
    } else {
      out.put("resolution", "monthly (first and last month may be partial)");
      List<List<Object>> rows = buckets(series, from, end, d -> d.withDayOfMonth(1));
      out.put("columns", List.of("month_start", "days", "load", "fitness", "fatigue", "form", "ramp"));
      out.put("rows", rows);
      summary = rows.size() + " months";
    }
    out.put("note", FORM_NOTE + (days > DAILY_MAX_DAYS
        ? "; per period: load summed, fitness/fatigue/form/ramp at the end of its last day" : "")
        + "; ramp = fitness change over the last 7 days.");
    PmcDay last = series.on(end);
    out.put("last_day", fitcoach.app.Figures.ordered("date", end, "fitness", one(last.ctl()), "fatigue", one(last.atl()),
        "form", one(last.formAfter()), "form_zone", fitcoach.load.Pmc.zone(last.formAfter()).name().toLowerCase(java.util.Locale.ROOT)));
    return new ToolOutput(out, summary, List.of());
  }

  /** Rows per period (its start within the range), the load summed and the chart read at the period's last day. */
  private static List<List<Object>> buckets(PmcSeries series, LocalDate from, LocalDate end,
                                            Function<LocalDate, LocalDate> periodOf) {
    List<List<Object>> rows = new ArrayList<>();
    LocalDate start = from;
    LocalDate period = periodOf.apply(from);
    double sum = 0;
    int days = 0;
    for (LocalDate d = from; !d.isAfter(end); d = d.plusDays(1)) {
      LocalDate p = periodOf.apply(d);
      if (!p.equals(period)) {
        rows.add(row(series, start, d.minusDays(1), days, sum));
        start = d;
        period = p;
        sum = 0;
        days = 0;
      }
      sum += series.on(d).load();
      days++;
    }
    rows.add(row(series, start, end, days, sum));
    return rows;
  }

  private static List<Object> row(PmcSeries series, LocalDate start, LocalDate last, int days, double load) {
    PmcDay p = series.on(last);
    return List.of(start, days, one(load), one(p.ctl()), one(p.atl()), one(p.formAfter()), one(p.ramp()));
  }
}
