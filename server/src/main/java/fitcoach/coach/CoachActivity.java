package fitcoach.coach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * An activity as the coach may read it: only ever built from rows the athlete's data policy lets through.
 *
 * @param notes the athlete's private notes on it (an injury, how it felt): data for the coach, like the description
 */
public record CoachActivity(
    UUID id,
    String source,
    String sportType,
    String sportFamily,
    String name,
    String description,
    String notes,
    LocalDateTime startLocal,
    LocalDate localDate,
    Integer movingTimeS,
    Integer elapsedTimeS,
    Double distanceM,
    Double elevationGainM,
    Double avgHr,
    Double maxHr,
    Double avgPowerW,
    Double weightedPowerW,
    Boolean deviceWatts,
    Integer rpe,
    Double calories,
    boolean trainer) {

  /** Moving time when known, else elapsed time, else 0. */
  public int durationS() {
    return movingTimeS != null ? movingTimeS : elapsedTimeS != null ? elapsedTimeS : 0;
  }
}
