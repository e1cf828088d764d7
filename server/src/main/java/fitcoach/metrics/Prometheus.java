package fitcoach.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * vertx-micrometer-metrics with a Prometheus registry: HTTP server and client, the database pool, event loops (Netty's
 * pending tasks), the JVM, and FitCoach's own {@link Meters}. The only place, with {@link PrometheusMeters} and
 * {@link MeteredLlmClient}, that names Micrometer: loaded only when metrics are on.
 */
final class Prometheus {
  /** One FitCoach per process, so one registry name; Vert.x drops the registry when its Vert.x closes. */
  static final String REGISTRY = "fitcoach";

  private Prometheus() {
  }

  /** Vert.x measured into the registry; the factory is given here because the fat jar has no service entry for it. */
  static Vertx vertx(VertxOptions options) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Vert.x names every route a request matched, joined by '>' ("/api/>/api/>/api/activities/:id" for the shared
    // /api/* handlers): the last one is the endpoint. Set before any meter exists, so every one has it.
    registry.config().meterFilter(MeterFilter.replaceTagValues(Label.HTTP_ROUTE.toString(),
        route -> route.substring(route.lastIndexOf('>') + 1)));
    return Vertx.builder().with(options.setMetricsOptions(options())).withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  private static MetricsOptions options() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName(REGISTRY)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        // The route template (/api/activities/:id), never the path: one series per route, not per activity.
        .addLabels(Label.HTTP_ROUTE)
        .setJvmMetricsEnabled(true)
        .setNettyMetricsEnabled(true);
  }

  /** The registry Vert.x made for this process (see {@link #vertx}). */
  static MeterRegistry registry() {
    MeterRegistry registry = BackendRegistries.getNow(REGISTRY);
    if (registry == null) {
      throw new IllegalStateException("Metrics are enabled but Vert.x has no '" + REGISTRY + "' registry");
    }
    return registry;
  }

  /** Answers with the registry in Prometheus' text format. */
  static Handler<RoutingContext> scrape() {
    return PrometheusScrapingHandler.create(REGISTRY);
  }
}
