package fitcoach.coach;

import fitcoach.readiness.WellnessDay;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where the readiness card reads an athlete's wellness days: the wellness store, plugged in by the wiring (the coach
 * does not import it). {@link #NONE} reads none: the card is then the load rules' verdict with its signals.
 */
@FunctionalInterface
public interface WellnessSource {
  /** No wellness days for anyone (tests of the load rules alone). */
  WellnessSource NONE = (userId, from, to) -> Future.succeededFuture(List.of());

  /** The athlete's wellness days from {@code from} to {@code to}, both included, in any order. */
  Future<List<WellnessDay>> days(UUID userId, LocalDate from, LocalDate to);
}
