package fitcoach.plan;

import fitcoach.analytics.FormProjection;
import fitcoach.analytics.PmcDayView;
import fitcoach.app.ApiException;
import fitcoach.load.PmcSeries;
import fitcoach.plan.PlanValidation.WorkoutInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The coach's draft plan read as workout bodies and checked as the calendar checks them, then summed and projected.
 * The arguments are the propose_plan tool's: {@code {start, days: [{date, sport, duration_min, intensity, title,
 * description?, steps?}]}}, intensity an RPE 1–10 or {@code {type: rpe|hr_zone, value}}.
 */
final class PlanProposals {
  static final int MAX_DAYS = 60;
  static final int MAX_AHEAD_DAYS = 120;
  private static final Set<String> DAY_FIELDS = Set.of("date", "sport", "duration_min", "intensity", "title",
      "description", "steps");

  private PlanProposals() {
  }

  /** A proposed day read and validated, with the exact body the batch route will receive. */
  record Draft(WorkoutInput input, Map<String, Object> body) {
  }

  static List<Draft> drafts(JsonObject args, LocalDate today) {
    if (args == null) {
      throw ApiException.invalid("start", "required", "Send {start, days: [...]}");
    }
    for (String name : args.fieldNames()) {
      if (!"start".equals(name) && !"days".equals(name)) {
        throw ApiException.invalid(name, "unknown_field", "'" + name + "' is not a proposal field");
      }
    }
    LocalDate start = date(args.getValue("start"), "start");
    if (start.isBefore(today)) {
      throw ApiException.invalid("start", "out_of_range", "'start' " + start + " is in the past (today is " + today + ")");
    }
    LocalDate latest = today.plusDays(MAX_AHEAD_DAYS);
    if (start.isAfter(latest)) {
      throw ApiException.invalid("start", "out_of_range", "'start' must be within " + MAX_AHEAD_DAYS + " days (by " + latest + ")");
    }
    Object value = args.getValue("days");
    if (!(value instanceof JsonArray days) || days.isEmpty()) {
      throw ApiException.invalid("days", "required", "'days' must list at least one session");
    }
    if (days.size() > MAX_DAYS) {
      throw ApiException.invalid("days", "too_many", "At most " + MAX_DAYS + " sessions in one proposal");
    }
    List<Draft> out = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      String at = "days[" + i + "]";
      if (!(days.getValue(i) instanceof JsonObject day)) {
        throw ApiException.invalid(at, "invalid_value", "'" + at + "' must be a session object");
      }
      Map<String, Object> body = body(day, at);
      WorkoutInput input = PlanValidation.workout(new JsonObject(body), at + ".");
      if (input.date().isBefore(start) || input.date().isAfter(latest)) {
        throw ApiException.invalid(at + ".date", "out_of_range", "'" + at + ".date' must be from " + start + " to " + latest);
      }
      // The body sent back is the validated workout (canonical sport, trimmed text), so the batch stores what was shown.
      Map<String, Object> exact = new LinkedHashMap<>();
      exact.put("date", input.date().toString());
      exact.put("sport", input.sport());
      exact.put("title", input.title());
      if (input.description() != null) {
        exact.put("description", input.description());
      }
      exact.put("durationS", input.durationS());
      Map<String, Object> intensity = new LinkedHashMap<>();
      intensity.put("type", input.intensity().type());
      intensity.put("value", input.intensity().value());
      exact.put("intensity", intensity);
      if (!input.steps().isEmpty()) {
        exact.put("steps", input.steps());
      }
      out.add(new Draft(input, exact));
    }
    return out;
  }

  /** A proposed day as a workout body: minutes to seconds, an RPE number to {type: rpe, value}. */
  private static Map<String, Object> body(JsonObject day, String at) {
    for (String name : day.fieldNames()) {
      if (!DAY_FIELDS.contains(name)) {
        throw ApiException.invalid(at + "." + name, "unknown_field", "'" + at + "." + name + "' is not a session field");
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", day.getValue("date"));
    body.put("sport", day.getValue("sport"));
    body.put("title", day.getValue("title"));
    body.put("description", day.getValue("description"));
    Object minutes = day.getValue("duration_min");
    if (!(minutes instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw ApiException.invalid(at + ".duration_min", minutes == null ? "required" : "invalid_value",
          "'" + at + ".duration_min' must be a number of minutes");
    }
    double seconds = Math.rint(n.doubleValue() * 60);
    if (seconds < 1 || seconds > PlanValidation.MAX_DURATION_S) {
      throw ApiException.invalid(at + ".duration_min", "out_of_range", "'" + at + ".duration_min' must be from 1 to "
          + PlanValidation.MAX_DURATION_S / 60);
    }
    body.put("durationS", (int) seconds);
    Object intensity = day.getValue("intensity");
    if (intensity == null) {
      throw ApiException.invalid(at + ".intensity", "required", "'" + at + ".intensity' is required (RPE 1-10 or {type, value})");
    }
    if (intensity instanceof Number rpe) {
      if (rpe.doubleValue() != Math.rint(rpe.doubleValue()) || rpe.doubleValue() < 1 || rpe.doubleValue() > 10) {
        throw ApiException.invalid(at + ".intensity", "out_of_range", "'" + at + ".intensity' must be an RPE from 1 to 10");
      }
      body.put("intensity", new JsonObject().put("type", Intensity.RPE).put("value", rpe.intValue()));
    } else {
      body.put("intensity", intensity);
    }
    body.put("steps", day.getValue("steps"));
    return body;
  }

  private static LocalDate date(Object v, String field) {
    if (!(v instanceof String s)) {
      throw ApiException.invalid(field, "required", "'" + field + "' must be a date like 2026-12-07");
    }
    try {
      return fitcoach.app.DateWindow.require(field, LocalDate.parse(s));
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiException.invalid(field, "invalid_value", "'" + field + "' must be a date like 2026-12-07");
    }
  }

  /** The sessions with their loads, summed by week and projected over the chart with the existing plan. */
  static PlanProposal proposal(LocalDate start, List<Draft> drafts, List<PlannedWorkout> loaded, List<String> bases,
                               PmcSeries series, SortedMap<LocalDate, Double> existing) {
    LocalDate today = series.today();
    List<PlanProposal.Session> sessions = new ArrayList<>();
    Map<LocalDate, long[]> weekCounts = new TreeMap<>();
    Map<LocalDate, Double> weekLoads = new TreeMap<>();
    SortedMap<LocalDate, Double> planned = new TreeMap<>(existing.tailMap(today));
    LocalDate lastDay = start;
    for (int i = 0; i < loaded.size(); i++) {
      PlannedWorkout w = loaded.get(i);
      sessions.add(new PlanProposal.Session(w.date(), w.sport(), w.title(), w.description(), w.durationS(), w.intensity(),
          w.targetLoad(), w.targetLoadEstimated(), bases.get(i), w.steps()));
      LocalDate week = w.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      long[] c = weekCounts.computeIfAbsent(week, k -> new long[2]);
      c[0]++;
      c[1] += w.durationS() == null ? 0 : w.durationS();
      double load = w.targetLoad() == null ? 0 : w.targetLoad();
      weekLoads.merge(week, load, Double::sum);
      planned.merge(w.date(), load, Double::sum);
      if (w.date().isAfter(lastDay)) {
        lastDay = w.date();
      }
    }
    List<PlanProposal.Week> weeks = new ArrayList<>();
    weekCounts.forEach((week, c) -> weeks.add(new PlanProposal.Week(week, (int) c[0], c[1], round(weekLoads.get(week)))));
    List<PlanProposal.Day> days = new ArrayList<>();
    for (FormProjection.ProjectedDay p : FormProjection.expected(series, planned, lastDay, true)) {
      if (p.day().date().isBefore(today)) {
        continue;
      }
      // Rounded as the chart rounds its days, so the card and the chart show the same figures.
      days.add(new PlanProposal.Day(p.day().date(), round(p.plannedLoad() == null ? 0 : p.plannedLoad()),
          PmcDayView.round(p.day().ctl()), PmcDayView.round(p.day().atl()), PmcDayView.round(p.day().form()),
          PmcDayView.round(p.day().formAfter())));
    }
    PlanProposal.Day last = days.isEmpty() ? null : days.get(days.size() - 1);
    String note = "Projected with the chart's engine from " + today + " (the athlete's today) through " + lastDay
        + ", with these sessions added to the plan already on the calendar (workouts not yet done). form is fitness - "
        + "fatigue at the start of the day (the chart's form), formAfter after the day's training.";
    return new PlanProposal(start, lastDay, today, sessions, weeks, days, last, true, note,
        drafts.stream().map(Draft::body).toList());
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }
}
