package fitcoach.coach;

import fitcoach.readiness.WellnessDay;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where the readiness card reads an athlete's wellness days. The wellness store plugs in here ({@code CoachModule});
 * until it does, {@link #NONE} reads none and the card is the load rules' verdict with its signals.
 */
@FunctionalInterface
public interface WellnessSource {
  /** No wellness store connected yet: every athlete has no wellness days. */
  WellnessSource NONE = (userId, from, to) -> Future.succeededFuture(List.of());

  /** The athlete's wellness days from {@code from} to {@code to}, both included, in any order. */
  Future<List<WellnessDay>> days(UUID userId, LocalDate from, LocalDate to);
}
