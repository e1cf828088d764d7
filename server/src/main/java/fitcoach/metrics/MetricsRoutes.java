package fitcoach.metrics;

import fitcoach.app.ApiException;
import fitcoach.app.AppConfig;
import fitcoach.app.IpLiteral;
import fitcoach.app.TrustedProxies;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics} in Prometheus' text format, for loopback clients and for anyone with FITCOACH_METRICS_TOKEN as a
 * bearer token. Behind TRUSTED_PROXIES the client named by X-Forwarded-For counts; a request forwarded by a proxy that
 * is not trusted is never taken for a loopback one (a proxy on this machine would otherwise open /metrics to everyone).
 */
final class MetricsRoutes {
  static final String PATH = "/metrics";
  private final Handler<RoutingContext> scrape;
  private final Optional<byte[]> token;
  private final TrustedProxies proxies;

  /** {@code scrape} null: metrics are off and the path answers 404. */
  MetricsRoutes(AppConfig config, Handler<RoutingContext> scrape) {
    this.scrape = scrape;
    this.token = config.metrics().token().map(t -> t.getBytes(StandardCharsets.UTF_8));
    this.proxies = config.access().trustedProxies();
  }

  void mount(Router router) {
    router.route(PATH).handler(this::metrics);
  }

  private void metrics(RoutingContext ctx) {
    if (scrape == null) {
      ctx.fail(404);
    } else if (ctx.request().method() != HttpMethod.GET) {
      ctx.fail(405);
    } else if (fromLoopback(ctx.request()) || bearerMatches(ctx.request())) {
      scrape.handle(ctx);
    } else if (token.isEmpty()) {
      ctx.fail(ApiException.forbidden("metrics_loopback_only", "Metrics are served to this computer only; set "
          + "FITCOACH_METRICS_TOKEN to scrape them from elsewhere"));
    } else {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      ctx.fail(ApiException.unauthorized("Send FITCOACH_METRICS_TOKEN as a bearer token to read metrics"));
    }
  }

  private boolean fromLoopback(HttpServerRequest request) {
    if (request.remoteAddress() == null || request.remoteAddress().hostAddress() == null) {
      return false;
    }
    String peer = request.remoteAddress().hostAddress();
    var forwarded = request.headers().getAll("X-Forwarded-For");
    boolean proxied = !forwarded.isEmpty() || request.headers().contains("Forwarded") || request.headers().contains("X-Real-IP");
    // Only X-Forwarded-For from a trusted proxy names the client; any other proxy's request is not a local one.
    if (proxied && (forwarded.isEmpty() || !proxies.trusts(peer))) {
      return false;
    }
    String client = proxies.clientAddress(peer, forwarded.isEmpty() ? null : String.join(",", forwarded));
    return IpLiteral.parse(client).map(java.net.InetAddress::isLoopbackAddress).orElse(false);
  }

  private boolean bearerMatches(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    if (token.isEmpty() || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    // Constant time: how much of a guess matched must not show in how long the answer takes.
    return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), token.get());
  }
}
