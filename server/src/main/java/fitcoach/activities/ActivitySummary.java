package fitcoach.activities;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** A row of the activity list: what a table shows, without the long text fields (description, notes, route). */
public record ActivitySummary(
    UUID id, String source, String sportType, String sportFamily, String name, Instant startDate,
    LocalDateTime startDateLocal, String timeZone, Integer movingTimeS, Integer elapsedTimeS, Double distanceM,
    Double elevationGainM, Double avgHr, Double maxHr, Double avgPowerW, Double weightedPowerW, Integer rpe,
    boolean trainer, boolean commute, boolean manual, Double load, String loadMethod, boolean loadEstimated) {
}
