package fitcoach.metrics;

import fitcoach.app.AppConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The one call start-up makes: Vert.x itself, with Micrometer and a Prometheus registry when {@code FITCOACH_METRICS=true}
 * (see {@link Prometheus}). Otherwise plain Vert.x: no registry, and no Micrometer class is loaded (this class names
 * none, {@link Prometheus} is only touched when enabled, and the fat jar leaves out the library's service entry that
 * would have Vert.x load its factory at every start).
 */
public final class Metrics {
  private Metrics() {
  }

  public static Vertx vertx(AppConfig config, VertxOptions options) {
    return config.metrics().enabled() ? Prometheus.vertx(options) : Vertx.vertx(options);
  }
}
