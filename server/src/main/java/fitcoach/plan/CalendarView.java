package fitcoach.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The calendar screen's range in one answer: every day with its sessions, plan and events, and each week's totals. */
public record CalendarView(LocalDate from, LocalDate to, List<Day> days, List<Week> weeks) {

  public record Day(LocalDate date, List<Session> activities, List<PlannedWorkout> workouts, List<PlannedEvent> events) {
  }

  /** A done activity as the calendar shows it. */
  public record Session(UUID id, String name, String sportType, String sportFamily, Integer durationS, Double distanceM,
                        Double load) {
  }

  /** A week from Monday: what was planned against what was done (the days inside the range). */
  public record Week(LocalDate weekStart, Totals planned, Totals done) {
  }

  public record Totals(long durationS, double load) {
  }
}
