package fitcoach.progress;

import fitcoach.load.Thresholds;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * The thresholds an athlete had on each local date (LoadService#dated): the one input of weekly zone times.
 */
@FunctionalInterface
public interface ThresholdsInForce {
  Future<Function<LocalDate, Thresholds>> of(UUID userId);
}
