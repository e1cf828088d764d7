package fitcoach.progress;

import fitcoach.load.Thresholds;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * The thresholds an athlete had on each local date: the one input of weekly zone times. Dated thresholds plug in here;
 * until they exist, today's thresholds are wrapped as the same on every date ({@link #today}).
 */
@FunctionalInterface
public interface ThresholdsInForce {
  Future<Function<LocalDate, Thresholds>> of(UUID userId);

  /** Today's thresholds (LoadService#thresholds) for every date. */
  static ThresholdsInForce today(java.util.function.Function<UUID, Future<Thresholds>> current) {
    return userId -> current.apply(userId).map(t -> date -> t);
  }
}
