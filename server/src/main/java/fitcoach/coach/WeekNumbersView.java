package fitcoach.coach;

import java.time.LocalDate;
import java.util.Map;

/**
 * GET /api/reports/week: one week's numbers ({@code metrics}, as a weekly report stores them) with no AI involved, and
 * the bounds of the Reports screen's week picker: the Monday of the first week with history (null: none yet) and of
 * this week.
 */
public record WeekNumbersView(LocalDate weekStart, Map<String, Object> metrics, LocalDate firstWeek, LocalDate thisWeek) {
}
