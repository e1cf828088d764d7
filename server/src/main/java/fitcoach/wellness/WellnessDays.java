package fitcoach.wellness;

import fitcoach.readiness.Trend;
import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/wellness: the range asked for, the entries in it (only days that have one), by date, and the baselines on
 * every day of it ({@code trend}: the decision card's HRV range, resting-HR baseline and usual sleep).
 */
public record WellnessDays(LocalDate from, LocalDate to, List<WellnessEntry> days, List<Trend.Day> trend) {
}
