package fitcoach.analytics;

import fitcoach.load.Pmc;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The chart carried past today: the one place the coach's project_form and {@code GET /api/load/pmc} compute it, so
 * both give the same numbers for the same plan. It runs the chart's engine over the loads the chart counted plus the
 * planned ones, with the chart's options, so every day before the first planned load is the chart's own day.
 */
public final class FormProjection {
  private FormProjection() {
  }

  /** One day of a projected chart: {@code plannedLoad} is null before today, the plan's load (0: rest) from today on. */
  public record ProjectedDay(PmcDay day, boolean projected, Double plannedLoad) {
  }

  /**
   * The engine over the days {@code series} counted plus {@code added} (summed into each day's recorded load), through
   * {@code end}: the coach's what-if, where a load given for today comes on top of what is recorded.
   */
  public static List<PmcDay> withAdded(PmcSeries series, SortedMap<LocalDate, Double> added, LocalDate end) {
    SortedMap<LocalDate, Double> daily = new TreeMap<>();
    for (PmcDay d : series.days()) {
      if (d.load() != 0) {
        daily.put(d.date(), d.load());
      }
    }
    added.forEach((date, value) -> daily.merge(date, value, Double::sum));
    return Pmc.compute(daily, end, LoadService.inWindow(series.options()));
  }

  /**
   * GoldenCheetah's "expected" series (training-science §3.2 item 8) through {@code end}: past days use the recorded
   * load; today the recorded load when above 0, otherwise the planned one; days after today the planned load, or none
   * when {@code asPlanned} is false (the future as rest). {@code planned} holds the loads of workouts not yet done;
   * dates before today in it are ignored. A day is {@code projected} when its numbers rest on the plan or on days to come.
   */
  public static List<ProjectedDay> expected(PmcSeries series, SortedMap<LocalDate, Double> planned, LocalDate end,
                                            boolean asPlanned) {
    LocalDate today = series.today();
    boolean todayFromPlan = asPlanned && series.onToday().load() <= 0 && planned.getOrDefault(today, 0.0) > 0;
    SortedMap<LocalDate, Double> added = new TreeMap<>();
    if (asPlanned) {
      added.putAll(planned.tailMap(todayFromPlan ? today : today.plusDays(1)));
    }
    // Up to today with nothing added, the stored chart is already the answer.
    List<PmcDay> days = added.isEmpty() && !end.isAfter(today)
        ? series.days().stream().filter(d -> !d.date().isAfter(end)).toList()
        : withAdded(series, added, end);
    List<ProjectedDay> out = new ArrayList<>(days.size());
    for (PmcDay d : days) {
      boolean future = d.date().isAfter(today);
      Double plan = d.date().isBefore(today) ? null : planned.getOrDefault(d.date(), 0.0);
      out.add(new ProjectedDay(d, future || (todayFromPlan && d.date().equals(today)), plan));
    }
    return out;
  }
}
