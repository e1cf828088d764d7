package fitcoach.coach.tools;

import static fitcoach.coach.tools.RangeFigures.one;

import fitcoach.analytics.FormProjection;
import fitcoach.analytics.LoadService;
import fitcoach.app.Figures;
import fitcoach.load.Pmc;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcSeries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * project_form {days: [{date, load}], until?}: the coach's chart carried into the future with planned loads, by the
 * chart's own projection ({@link FormProjection#withAdded}: the engine over the days the chart counted plus the plan, with
 * the chart's options), so the projection agrees with the chart on every past day and with the chart's plan projection. Days not given are rest. Daily rows up to
 * {@value #DAILY_MAX_DAYS} days ahead, weekly beyond, so a year ahead still fits in a result.
 */
final class ProjectFormTool implements CoachTool {
  static final int MAX_DAYS_AHEAD = 366;
  static final int DAILY_MAX_DAYS = 120;
  /** Far above any real day (a 24 h race is about 1,000), so a typo cannot pass for a plan. */
  static final double MAX_LOAD = 2000;

  private final LoadService load;

  ProjectFormTool(LoadService load) {
    this.load = load;
  }

  @Override
  public String name() {
    return "project_form";
  }

  @Override
  public String description() {
    return "What-if: fitness, fatigue and form (end of day) per day from today, with the chart's engine, given each "
        + "planned day's total load (training_load units; days left out are rest; today's load adds to what is recorded). "
        + "Runs to 'until' or the last planned day, up to a year ahead";
  }

  @Override
  public JsonObject inputSchema() {
    JsonObject day = new JsonObject().put("type", "object")
        .put("properties", new JsonObject()
            .put("date", RangeArgs.dateProperty(null))
            .put("load", new JsonObject().put("type", "number").put("minimum", 0).put("maximum", MAX_LOAD)))
        .put("required", new JsonArray().add("date").add("load"))
        .put("additionalProperties", false);
    return new JsonObject().put("type", "object")
        .put("properties", new JsonObject()
            .put("days", new JsonObject().put("type", "array").put("items", day).put("maxItems", MAX_DAYS_AHEAD + 1)
                )
            .put("until", RangeArgs.dateProperty("e.g. race day")))
        .put("required", new JsonArray().add("days"))
        .put("additionalProperties", false);
  }

  @Override
  public String summary(JsonObject arguments) {
    JsonArray days = arguments.getJsonArray("days", new JsonArray());
    String until = arguments.getString("until");
    return "form with " + days.size() + (days.size() == 1 ? " planned day" : " planned days")
        + (until == null ? "" : " until " + until);
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    LocalDate today = scope.today();
    SortedMap<LocalDate, Double> planned = new TreeMap<>();
    JsonArray days = arguments.getJsonArray("days", new JsonArray());
    for (int i = 0; i < days.size(); i++) {
      JsonObject day = days.getJsonObject(i);
      LocalDate date = RangeArgs.date(day, "date");
      if (date.isBefore(today)) {
        throw new ToolArgumentException("days[" + i + "].date " + date + " is in the past (today is " + today
            + "); past days are in the chart already (training_load).");
      }
      double value = day.getDouble("load");
      if (!Double.isFinite(value) || value < 0 || value > MAX_LOAD) {
        throw new ToolArgumentException("days[" + i + "].load must be from 0 to " + (int) MAX_LOAD + ".");
      }
      // Two entries for one day are two sessions.
      planned.merge(date, value, Double::sum);
    }
    LocalDate until = RangeArgs.optionalDate(arguments, "until");
    if (until != null && until.isBefore(today)) {
      throw new ToolArgumentException("'until' (" + until + ") is in the past (today is " + today + ").");
    }
    LocalDate end = until;
    if (!planned.isEmpty() && (end == null || planned.lastKey().isAfter(end))) {
      end = planned.lastKey();
    }
    if (end == null) {
      throw new ToolArgumentException("Give at least one planned day or 'until'.");
    }
    if (RangeArgs.days(today.plusDays(1), end) > MAX_DAYS_AHEAD) {
      throw new ToolArgumentException("The projection may run at most " + MAX_DAYS_AHEAD + " days ahead (to "
          + today.plusDays(MAX_DAYS_AHEAD) + "); " + end + " is further.");
    }
    LocalDate last = end;
    return load.forCoach(scope.userId(), scope.includeStravaApi())
        .map(coach -> output(coach.series(), planned, today, last));
  }

  /**
   * The chart's engine over the days the chart counted plus {@code planned}, through {@code end}: on every day up to the
   * chart's today it gives the chart's own numbers (planned loads for today add to today's). The same computation as the
   * chart's projection ({@link FormProjection}), so the tool and the chart agree on one plan.
   */
  static List<PmcDay> project(PmcSeries series, SortedMap<LocalDate, Double> planned, LocalDate end) {
    return FormProjection.withAdded(series, planned, end);
  }

  private static ToolOutput output(PmcSeries series, SortedMap<LocalDate, Double> planned, LocalDate today, LocalDate end) {
    List<PmcDay> days = project(series, planned, end);
    Map<LocalDate, PmcDay> byDate = new TreeMap<>();
    days.forEach(d -> byDate.put(d.date(), d));
    LocalDate first = planned.containsKey(today) ? today : today.plusDays(1);
    Map<String, Object> out = new LinkedHashMap<>();
    PmcDay now = series.on(today);
    out.put("today", Figures.ordered("date", today, "fitness", one(now.ctl()), "fatigue", one(now.atl()),
        "form", one(now.formAfter()), "recorded_load", one(now.load())));
    long span = RangeArgs.days(first, end);
    List<List<Object>> rows = new ArrayList<>();
    PmcDay peak = null;
    if (span <= DAILY_MAX_DAYS) {
      out.put("resolution", "daily");
      out.put("columns", List.of("date", "planned_load", "fitness", "fatigue", "form"));
    } else {
      out.put("resolution", "weekly (Monday to Sunday, values at the end of each week's last day)");
      out.put("columns", List.of("week_start", "planned_load", "fitness", "fatigue", "form"));
    }
    LocalDate periodStart = first;
    double periodLoad = 0;
    for (LocalDate d = first; !d.isAfter(end); d = d.plusDays(1)) {
      PmcDay p = byDate.getOrDefault(d, rest(d));
      double plan = planned.getOrDefault(d, 0.0);
      if (peak == null || p.formAfter() > peak.formAfter()) {
        peak = p;
      }
      if (span <= DAILY_MAX_DAYS) {
        rows.add(List.of(d, one(plan), one(p.ctl()), one(p.atl()), one(p.formAfter())));
        continue;
      }
      periodLoad += plan;
      if (d.getDayOfWeek() == DayOfWeek.SUNDAY || d.equals(end)) {
        rows.add(List.of(periodStart, one(periodLoad), one(p.ctl()), one(p.atl()), one(p.formAfter())));
        periodStart = d.plusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        periodLoad = 0;
      }
    }
    out.put("rows", rows);
    PmcDay last = byDate.getOrDefault(end, rest(end));
    out.put("last_day", Figures.ordered("date", end, "fitness", one(last.ctl()), "fatigue", one(last.atl()),
        "form", one(last.formAfter()), "form_zone", zone(last.formAfter())));
    if (peak != null) {
      out.put("peak_form", Figures.ordered("date", peak.date(), "form", one(peak.formAfter())));
    }
    out.put("summary", "form on " + end + ": " + RangeFigures.signed(last.formAfter()) + " (fitness " + one(last.ctl())
        + ", fatigue " + one(last.atl()) + ")");
    out.put("note", "form = fitness - fatigue at the END of the day (after that day's training); days not planned are rest.");
    return new ToolOutput(out, "form on " + end + ": " + RangeFigures.signed(last.formAfter()), List.of());
  }

  private static String zone(double form) {
    return Pmc.zone(form).name().toLowerCase(Locale.ROOT);
  }

  /** No chart at all (no training, no plan): every number is 0. */
  private static PmcDay rest(LocalDate d) {
    return new PmcDay(d, 0, 0, 0, 0, 0, 0, Pmc.zone(0), Double.NaN, Double.NaN, Double.NaN);
  }
}
