package fitcoach.imports;

import io.vertx.core.Future;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Where an import hands a FIT file that holds wellness (a watch's monitoring, HRV-status or sleep file, a scale's
 * weight file) rather than an activity: the wellness store, plugged in by the wiring.
 */
@FunctionalInterface
public interface WellnessFiles {
  /** Nothing stores wellness: such files fail as "not a recorded activity", as before. */
  WellnessFiles NONE = (userId, bytes, zone) -> Future.succeededFuture(-1);

  /**
   * Stores the file's wellness days (merged into what is there) and returns how many days it held; -1 when the file is
   * not a wellness file. Called on the event loop; the decoding happens on a worker.
   */
  Future<Integer> store(UUID userId, byte[] fitBytes, ZoneId athleteZone);
}
