package fitcoach.app;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A feature as the composition root ({@code fitcoach.boot}) sees it. Each feature package has one {@code XModule}
 * implementing this, built from its dependencies in one line of {@code boot.Wiring}; the HTTP server mounts the modules
 * in that order. It lives here, not in {@code boot}, so features never import the package that wires them.
 */
public interface Feature {
  /** Adds the feature's routes, in the order they are matched. Called once per HTTP verticle: keep no state per call. */
  void mount(Router router);

  /** Work that must be done before the server accepts requests (recovering what a stopped server left behind). */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** Verticles with a lifecycle of their own, deployed once each after the HTTP server listens. */
  default List<Deployable> workers() {
    return List.of();
  }

  /** POST paths whose multipart bodies stream to disk through {@link UploadHandler} instead of being read as JSON. */
  default Set<String> uploadPaths() {
    return Set.of();
  }

  /** POST paths whose bodies are refused beyond a limit smaller than the 1 MiB of a JSON body, in bytes. */
  default Map<String, Integer> bodyLimits() {
    return Map.of();
  }

  /** Told when a browser subscribes to an address over the event-bus bridge, for a feature that publishes there. */
  default Optional<BridgeSubscriptions> bridgeSubscriptions() {
    return Optional.empty();
  }
}
