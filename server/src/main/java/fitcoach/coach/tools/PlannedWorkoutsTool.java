package fitcoach.coach.tools;

import static fitcoach.coach.tools.RangeFigures.one;

import fitcoach.analytics.LoadService;
import fitcoach.plan.Completion;
import fitcoach.plan.PlanService;
import fitcoach.plan.PlannedEvent;
import fitcoach.plan.PlannedWorkout;
import fitcoach.plan.StepText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * planned_workouts {from, to}: the athlete's planned workouts over at most {@value #MAX_DAYS} days, one compact row each
 * (steps as readable text, whether an activity did it), and the races and goal days in the range. A workout done by an
 * activity the data policy hides (Strava API data when the coach may not read it, always over MCP) says it was done
 * but not by what numbers.
 */
final class PlannedWorkoutsTool implements CoachTool {
  static final int MAX_DAYS = 120;
  /** Rows in one answer, and the bytes they may take, so a result stays under {@link ToolRegistry#MAX_RESULT_BYTES}. */
  static final int MAX_ROWS = 40;
  static final int ROWS_BUDGET = 5500;
  static final int TITLE_CHARS = 48;
  static final int STEP_CHARS = 160;
  static final String HIDDEN = "done by an activity not shown under the data policy";

  private final PlanService plan;
  private final LoadService load;

  PlannedWorkoutsTool(PlanService plan, LoadService load) {
    this.plan = plan;
    this.load = load;
  }

  @Override
  public String name() {
    return "planned_workouts";
  }

  @Override
  public String description() {
    return "The athlete's planned workouts over dates (at most 120 days): date, sport, title, duration, intensity, "
        + "target load (training_load units; 'estimated' when the app estimated it), steps, and whether it was done; "
        + "plus races and goal days (events) in the range";
  }

  @Override
  public JsonObject inputSchema() {
    return RangeArgs.fromToSchema();
  }

  @Override
  public String summary(JsonObject arguments) {
    return "planned workouts " + arguments.getString("from") + " to " + arguments.getString("to");
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    LocalDate from = RangeArgs.date(arguments, "from");
    LocalDate to = RangeArgs.date(arguments, "to");
    RangeArgs.range("from", from, "to", to, MAX_DAYS, "at most " + MAX_DAYS + " days per call; ask for shorter ranges.");
    // The activities the coach may read are those its chart counts (coach_activities under the data policy).
    return Future.all(plan.workouts(scope.userId(), from, to), plan.events(scope.userId(), from, to),
            load.forCoach(scope.userId(), scope.includeStravaApi()))
        .map(all -> {
          List<PlannedWorkout> workouts = all.resultAt(0);
          List<PlannedEvent> events = all.resultAt(1);
          fitcoach.analytics.CoachLoad coach = all.resultAt(2);
          return output(from, to, workouts, events, coach.loads().keySet(), scope.today());
        });
  }

  static ToolOutput output(LocalDate from, LocalDate to, List<PlannedWorkout> workouts, List<PlannedEvent> events,
                           Set<java.util.UUID> readable, LocalDate today) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", from);
    out.put("to", to);
    List<Map<String, Object>> rows = new ArrayList<>();
    double load = 0;
    int bytes = 0;
    boolean full = false;
    for (PlannedWorkout w : workouts) {
      load += w.targetLoad() == null ? 0 : w.targetLoad();
      if (!full) {
        Map<String, Object> row = row(w, readable, today);
        bytes += fitcoach.app.Json.encode(row).length();
        full = rows.size() >= MAX_ROWS || bytes > ROWS_BUDGET;
        if (!full) {
          rows.add(row);
        }
      }
    }
    out.put("workouts", rows);
    if (workouts.size() > rows.size()) {
      out.put("more", (workouts.size() - rows.size()) + " more workouts after "
          + (rows.isEmpty() ? from : rows.get(rows.size() - 1).get("date")) + "; ask for a later range");
    }
    out.put("planned_load_total", one(load));
    List<Map<String, Object>> evs = new ArrayList<>();
    for (PlannedEvent e : events) {
      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("date", e.date());
      ev.put("name", e.name());
      ev.put("sport", e.sport());
      ev.put("distance_km", e.distanceM() == null ? null : RangeFigures.km(e.distanceM()));
      ev.put("priority", e.priority());
      evs.add(ev);
    }
    out.put("events", evs);
    out.put("note", "target_load in training_load units (1 h at threshold = 100); done: yes (with done/planned ratios), "
        + "no (past and not done), 'marked not done' (the athlete said so), or not yet.");
    return new ToolOutput(out, workouts.size() + (workouts.size() == 1 ? " planned workout" : " planned workouts")
        + ", " + events.size() + (events.size() == 1 ? " event" : " events"), List.of());
  }

  private static Map<String, Object> row(PlannedWorkout w, Set<java.util.UUID> readable, LocalDate today) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("date", w.date());
    r.put("sport", w.sport());
    r.put("title", cut(w.title(), TITLE_CHARS));
    r.put("duration_min", w.durationS() == null ? null : Math.round(w.durationS() / 6.0) / 10.0);
    r.put("distance_km", w.distanceM() == null ? null : RangeFigures.km(w.distanceM()));
    r.put("intensity", w.intensity() == null ? null
        : ("rpe".equals(w.intensity().type()) ? "RPE " : "HR zone ") + w.intensity().value());
    r.put("target_load", w.targetLoad() == null ? null : one(w.targetLoad()));
    if (w.targetLoad() != null && w.targetLoadEstimated()) {
      r.put("target_load_estimated", true);
    }
    if (!w.steps().isEmpty()) {
      List<String> lines = StepText.lines(w.steps());
      r.put("steps", cut(String.join("; ", lines), STEP_CHARS));
    }
    r.put("done", done(w, readable, today));
    return r;
  }

  static String cut(String text, int chars) {
    return text == null || text.codePointCount(0, text.length()) <= chars ? text
        : text.substring(0, text.offsetByCodePoints(0, chars - 1)) + "…";
  }

  private static Object done(PlannedWorkout w, Set<java.util.UUID> readable, LocalDate today) {
    Completion c = w.completion();
    if (c != null && Completion.NONE.equals(c.link())) {
      return "marked not done";
    }
    if (c == null || !c.done()) {
      return w.date().isBefore(today) ? "no" : "not yet";
    }
    if (!readable.contains(c.activityId())) {
      return HIDDEN;
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("done", "yes");
    d.put("duration_ratio", c.durationRatio() == null ? null : Math.round(c.durationRatio() * 100) / 100.0);
    d.put("load_ratio", c.loadRatio() == null ? null : Math.round(c.loadRatio() * 100) / 100.0);
    return d;
  }
}
