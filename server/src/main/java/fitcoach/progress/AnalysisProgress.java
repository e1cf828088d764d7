package fitcoach.progress;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the stored analysis stands for each athlete while the worker runs (read by the status route in any HTTP
 * verticle). Nothing here survives a restart, and nothing needs to: what is left to do is read from the database.
 */
final class AnalysisProgress {
  /** Local address that tells the worker an athlete's streams changed (body: the user id). */
  static final String POKE = "fitcoach.progress.poke";

  /** Where progress is published for the athlete's browser: SSE relays it, and the event-bus bridge allows it. */
  static String address(UUID userId) {
    return "fitcoach.user." + userId + ".analysis";
  }

  /** A running athlete's counts: activities with streams, and how many of them have a current row. */
  record Running(long done, long total) {
  }

  private final Map<UUID, Running> running = new ConcurrentHashMap<>();

  void set(UUID userId, long done, long total) {
    running.put(userId, new Running(done, total));
  }

  void finished(UUID userId) {
    running.remove(userId);
  }

  /** The running state, when the worker runs for this athlete. */
  Running running(UUID userId) {
    return running.get(userId);
  }

  static JsonObject body(String state, long done, long total) {
    return new JsonObject().put("state", state).put("done", done).put("total", total)
        .put("version", CurveRow.ENGINE_VERSION);
  }
}
