package fitcoach.coach.tools;

import fitcoach.analytics.LoadService;
import fitcoach.app.ApiException;
import fitcoach.plan.PlanProposal;
import fitcoach.plan.PlanService;
import fitcoach.plan.PlannedEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * propose_plan {start, days: [...]}: the coach drafts sessions; the engine checks them as the calendar would, computes
 * each one's load, the weekly totals and the projected form ({@link PlanService#propose}). The model reads a compact
 * summary; the athlete sees the proposal as a card with the engine's numbers and adds it to the calendar themself.
 */
final class ProposePlanTool implements CoachTool {
  static final String NOTE = "The athlete sees this proposal as a card with these numbers (the engine's) and adds it to "
      + "the calendar themself with 'Add to calendar'; you cannot write the calendar. Quote these numbers, not your own.";

  private final PlanService plan;
  private final LoadService load;

  ProposePlanTool(PlanService plan, LoadService load) {
    this.plan = plan;
    this.load = load;
  }

  @Override
  public String name() {
    return "propose_plan";
  }

  @Override
  public String description() {
    return "Propose planned sessions (at most 60, from 'start' on, within 120 days of today). The app checks them, "
        + "computes each session's load, weekly totals and the projected fitness/fatigue/form with the chart's engine "
        + "(including the plan already on the calendar), and shows the athlete a card to add to their calendar";
  }

  @Override
  public JsonObject inputSchema() {
    JsonObject intensity = new JsonObject().put("description",
        "RPE 1-10 as a number, or {type: 'rpe' (1-10) | 'hr_zone' (1-5), value}")
        .put("anyOf", new JsonArray()
            .add(new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", 10))
            .add(new JsonObject().put("type", "object")
                .put("properties", new JsonObject()
                    .put("type", new JsonObject().put("enum", new JsonArray().add("rpe").add("hr_zone")))
                    .put("value", new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", 10)))
                .put("required", new JsonArray().add("type").add("value"))
                .put("additionalProperties", false)));
    JsonObject day = new JsonObject().put("type", "object")
        .put("properties", new JsonObject()
            .put("date", RangeArgs.dateProperty(null))
            .put("sport", new JsonObject().put("type", "string").put("description", "a sport type")
                .put("examples", new JsonArray().add("Run").add("Ride").add("Swim").add("WeightTraining")))
            .put("duration_min", new JsonObject().put("type", "number").put("minimum", 1).put("maximum", 1440))
            .put("intensity", intensity)
            .put("title", new JsonObject().put("type", "string").put("maxLength", 200))
            .put("description", new JsonObject().put("type", "string"))
            .put("steps", new JsonObject().put("type", "array").put("description",
                "optional structured steps: {type: warmup|work|recovery|cooldown, durationS | distanceM, target?: "
                    + "{type: ftp_percent|lthr_percent|hr_zone|pace, low, high}} or {type: repeat, count, steps: [...]}")))
        .put("required", new JsonArray().add("date").add("sport").add("duration_min").add("intensity").add("title"))
        .put("additionalProperties", false);
    return new JsonObject().put("type", "object")
        .put("properties", new JsonObject()
            .put("start", RangeArgs.dateProperty("first day of the proposal, today or later"))
            .put("days", new JsonObject().put("type", "array").put("items", day).put("minItems", 1).put("maxItems", 60)))
        .put("required", new JsonArray().add("start").add("days"))
        .put("additionalProperties", false);
  }

  @Override
  public String summary(JsonObject arguments) {
    int n = arguments.getJsonArray("days", new JsonArray()).size();
    return "a plan of " + n + (n == 1 ? " session" : " sessions") + " from " + arguments.getString("start");
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    return load.forCoach(scope.userId(), scope.includeStravaApi()).compose(coach -> {
      Future<PlanProposal> proposal;
      try {
        proposal = plan.propose(scope.userId(), arguments, coach.series());
      } catch (ApiException e) {
        throw new ToolArgumentException(e.getMessage() + ".");
      }
      return proposal.compose(p -> plan.events(scope.userId(), p.today(), p.lastDay()).map(events -> output(p, events)));
    }).recover(e -> Future.failedFuture(e instanceof ApiException a ? new ToolArgumentException(a.getMessage() + ".") : e));
  }

  static ToolOutput output(PlanProposal p, List<PlannedEvent> events) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("columns", List.of("date", "sport", "title", "duration_min", "load"));
    List<List<Object>> rows = new ArrayList<>();
    for (PlanProposal.Session s : p.sessions()) {
      List<Object> row = new ArrayList<>();
      row.add(s.date());
      row.add(s.sport());
      row.add(PlannedWorkoutsTool.cut(s.title(), 40));
      row.add(s.durationS() == null ? null : Math.round(s.durationS() / 6.0) / 10.0);
      row.add(s.targetLoad());
      rows.add(row);
    }
    out.put("sessions", rows);
    List<Map<String, Object>> weeks = new ArrayList<>();
    for (PlanProposal.Week w : p.weeks()) {
      weeks.add(fitcoach.app.Figures.ordered("week_start", w.weekStart(), "sessions", w.sessions(),
          "hours", Math.round(w.durationS() / 360.0) / 10.0, "load", w.load()));
    }
    out.put("weeks", weeks);
    out.put("last_day", form(p.last()));
    List<Map<String, Object>> eventDays = new ArrayList<>();
    for (PlannedEvent e : events) {
      p.projection().stream().filter(d -> d.date().equals(e.date())).findFirst().ifPresent(d -> {
        Map<String, Object> row = form(d);
        row.put("event", e.name());
        eventDays.add(row);
      });
    }
    if (!eventDays.isEmpty()) {
      out.put("event_days", eventDays);
    }
    out.put("projection", "fitness, fatigue, form with the chart's engine from today, existing plan included; form = "
        + "fitness - fatigue at the start of the day (the chart's form), form_after after that day's training");
    out.put("note", NOTE);
    String summary = p.sessions().size() + " sessions proposed"
        + (p.last() == null ? "" : "; form on " + p.last().date() + ": " + RangeFigures.signed(p.last().form()));
    return new ToolOutput(out, summary, List.of());
  }

  private static Map<String, Object> form(PlanProposal.Day d) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (d == null) {
      return m;
    }
    m.put("date", d.date());
    m.put("fitness", d.fitness());
    m.put("fatigue", d.fatigue());
    m.put("form", d.form());
    m.put("form_after", d.formAfter());
    return m;
  }
}
