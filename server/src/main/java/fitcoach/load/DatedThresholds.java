package fitcoach.load;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The thresholds in force on any day: a {@link ThresholdHistory} with what the engine estimates from (sex, age, observed
 * maxima, as of today). Kinds without entries are estimated as today. The estimator runs once per period of unchanged
 * values, not once per activity. Safe to share between threads.
 */
public final class DatedThresholds {
  /** The values in force on one day, for display: null where nothing was entered. */
  public record InForce(LocalDate date, Thresholds thresholds, Double ftpW, Double lthrBpm, Double maxHrBpm,
                        Double restingHrBpm, Double thresholdPaceSPerKm, Double weightKg) {
  }

  private final ThresholdHistory history;
  private final ProfileFacts base;
  private final Map<LocalDate, Thresholds> byPeriod = new ConcurrentHashMap<>();

  public DatedThresholds(ThresholdHistory history, ProfileFacts base) {
    this.history = history;
    this.base = base;
  }

  public ThresholdHistory history() {
    return history;
  }

  /** The engine's thresholds on {@code date}: entered values in force then, the rest estimated. */
  public Thresholds on(LocalDate date) {
    LocalDate period = history.periodStart(date);
    return byPeriod.computeIfAbsent(period, p -> ProfileEstimator.estimate(history.factsOn(date, base)));
  }

  public InForce inForce(LocalDate date) {
    return new InForce(date, on(date), value(ThresholdKind.FTP, date), value(ThresholdKind.LTHR, date),
        value(ThresholdKind.MAX_HR, date), value(ThresholdKind.RESTING_HR, date), value(ThresholdKind.THRESHOLD_PACE, date),
        value(ThresholdKind.WEIGHT, date));
  }

  /** How many times the estimator ran (one per distinct period asked for). */
  public int periodsComputed() {
    return byPeriod.size();
  }

  private Double value(ThresholdKind kind, LocalDate date) {
    var v = history.valueOn(kind, date);
    return v.isPresent() ? v.getAsDouble() : null;
  }
}
