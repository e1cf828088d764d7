package fitcoach.metrics;

import fitcoach.app.AppConfig;
import fitcoach.app.Feature;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Wires metrics: {@code /metrics} (404 when off) and the {@link Meters} the features record into, a no-op when off.
 * Metrics are on when Vert.x was started with {@link Metrics#options} of a config that enables them.
 */
public final class MetricsModule implements Feature {
  private final Meters meters;
  private final MetricsRoutes routes;

  public MetricsModule(Vertx vertx, AppConfig config) {
    boolean on = config.metrics().enabled() && vertx.isMetricsEnabled();
    this.meters = on ? new PrometheusMeters(Prometheus.registry()) : Meters.NONE;
    this.routes = on ? new MetricsRoutes(config, Prometheus.scrape()) : new MetricsRoutes(config, null);
  }

  /** What the features record into. */
  public Meters meters() {
    return meters;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
