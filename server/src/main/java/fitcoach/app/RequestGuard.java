package fitcoach.app;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Cross-cutting request checks: a request id, security headers, and refusal of state-changing
 * requests sent by a foreign origin (the cookie is SameSite=Lax, which still lets same-site pages POST).
 */
public final class RequestGuard {
  private static final String REQUEST_ID = "requestId";
  private final Optional<String> frontendOrigin;

  public RequestGuard(AppConfig config) {
    this.frontendOrigin = config.frontendUrl().map(RequestGuard::origin);
  }

  public static String requestId(RoutingContext ctx) {
    String id = ctx.get(REQUEST_ID);
    return id == null ? "-" : id;
  }

  public void headers(RoutingContext ctx) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ctx.put(REQUEST_ID, id);
    ctx.response()
        .putHeader("X-Request-Id", id)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    ctx.next();
  }

  public void sameOrigin(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    String originHeader = ctx.request().getHeader("Origin");
    if (safe || originHeader == null) {
      // Browsers always send Origin on cross-origin writes; its absence means a non-browser client.
      ctx.next();
      return;
    }
    String origin = originHeader.toLowerCase(Locale.ROOT);
    if (frontendOrigin.map(origin::equals).orElse(false) || sameHost(origin, ctx.request().authority() == null
        ? ctx.request().getHeader("Host") : ctx.request().authority().toString())) {
      ctx.next();
      return;
    }
    ctx.fail(ApiException.forbidden("foreign_origin", "Requests from " + originHeader + " are not allowed to change data"));
  }

  private static boolean sameHost(String origin, String host) {
    if (host == null || "null".equals(origin)) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      return authority(uri).equals(stripDefaultPort(host.toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String origin(URI uri) {
    return (uri.getScheme() + "://" + authority(uri)).toLowerCase(Locale.ROOT);
  }

  private static String authority(URI uri) {
    int port = uri.getPort();
    boolean defaultPort = port == -1 || ("http".equals(uri.getScheme()) && port == 80) || ("https".equals(uri.getScheme()) && port == 443);
    return (uri.getHost() + (defaultPort ? "" : ":" + port)).toLowerCase(Locale.ROOT);
  }

  private static String stripDefaultPort(String host) {
    if (host.endsWith(":80") || host.endsWith(":443")) {
      return host.substring(0, host.lastIndexOf(':'));
    }
    return host;
  }
}
