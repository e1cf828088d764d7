package fitcoach.analytics;

import fitcoach.app.Json;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcSeries;
import fitcoach.load.PmcWeek;
import io.vertx.core.buffer.Buffer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/load/pmc}: the days of the range (projected past today with the plan or as rest), the
 * weeks with {@code by=week}, and the plan's events with the form on their day.
 */
final class PmcResponse {
  private PmcResponse() {
  }

  static Buffer encode(PmcSeries series, PmcRequest asked, PmcRequest.Range range, PlanDays plan) {
    List<FormProjection.ProjectedDay> inRange = FormProjection.expected(series, plan.plannedLoads(), range.to(),
            asked.asPlanned()).stream()
        .filter(p -> !p.day().date().isBefore(range.from()))
        .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", range.from());
    body.put("to", range.to());
    body.put("today", series.today());
    body.put("warmingUp", series.warmingUp());
    body.put("projection", asked.asPlanned() ? "plan" : "rest");
    body.put("days", inRange.stream().map(PmcDayView::of).toList());
    if (asked.byWeek()) {
      body.put("weeks", weeks(inRange));
    }
    body.put("events", events(inRange, plan, range));
    return Json.encode(body);
  }

  /** The engine's weeks of the same projected days, so a projected week sums the same loads its days show. */
  private static List<PmcWeekView> weeks(List<FormProjection.ProjectedDay> days) {
    List<PmcWeek> weeks = PmcWeek.of(days.stream().map(FormProjection.ProjectedDay::day).toList());
    List<PmcWeekView> views = new ArrayList<>(weeks.size());
    int i = 0;
    for (PmcWeek w : weeks) {
      boolean projected = false;
      Double planned = null;
      for (; i < days.size() && monday(days.get(i).day().date()).equals(w.weekStart()); i++) {
        FormProjection.ProjectedDay d = days.get(i);
        projected |= d.projected();
        if (d.plannedLoad() != null) {
          planned = (planned == null ? 0 : planned) + d.plannedLoad();
        }
      }
      views.add(PmcWeekView.of(w, projected, planned));
    }
    return views;
  }

  /** Events in the range; a day the chart does not reach (before its first load) has zero form, as it has no load. */
  private static List<PmcEventView> events(List<FormProjection.ProjectedDay> days, PlanDays plan, PmcRequest.Range range) {
    Map<LocalDate, PmcDay> byDate = new HashMap<>();
    days.forEach(p -> byDate.put(p.day().date(), p.day()));
    return plan.events().stream()
        .filter(e -> !e.date().isBefore(range.from()) && !e.date().isAfter(range.to()))
        .map(e -> {
          PmcDay day = byDate.get(e.date());
          return new PmcEventView(e.date(), e.name(), e.priority(), e.sport(), day == null ? 0 : PmcDayView.round(day.form()));
        })
        .toList();
  }

  private static LocalDate monday(LocalDate d) {
    return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
