package fitcoach.wellness;

import java.time.LocalDate;
import java.util.List;

/** GET /api/wellness: the range asked for and the entries in it (only days that have one), by date. */
public record WellnessDays(LocalDate from, LocalDate to, List<WellnessEntry> days) {
}
