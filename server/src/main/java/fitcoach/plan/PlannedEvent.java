package fitcoach.plan;

import java.time.LocalDate;
import java.util.UUID;

/** A race or goal day: {@code priority} A (the season's goal), B or C; {@code distanceM} may be null. */
public record PlannedEvent(UUID id, LocalDate date, String name, String sport, Double distanceM, String priority) {
}
