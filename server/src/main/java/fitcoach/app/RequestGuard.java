package fitcoach.app;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Cross-cutting request checks: a request id, security headers, and which browsers may talk to FitCoach.
 *
 * <p>An {@code Origin} is judged against the origins FitCoach is served at, never against the request's own
 * {@code Host} header: a page on {@code evil.example} whose name an attacker re-points at this server (DNS rebinding)
 * sends {@code Host: evil.example} and {@code Origin: http://evil.example}, which agree. The origins are
 * FRONTEND_URL, FITCOACH_ALLOWED_ORIGINS, and plain http on the port the connection reached at localhost, 127.0.0.1,
 * [::1], a specific HOST, or the IP address the connection came in on (a page there can only be FitCoach itself).
 */
public final class RequestGuard {
  private static final String REQUEST_ID = "requestId";
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
  /** Full origins with an explicit port, e.g. {@code https://coach.example.com:443}. */
  private final Set<String> configuredOrigins = new LinkedHashSet<>();
  /** Host names (not IP literals) a browser may use in Host; checked only when {@link #checkHost} is on. */
  private final Set<String> knownNames = new LinkedHashSet<>(Set.of("localhost"));
  /** HOST when it names one address or name (not a wildcard, not loopback, which is covered anyway). */
  private final Optional<String> specificHost;
  /**
   * Refuse unknown Host names when FitCoach listens on loopback only (nobody else can reach it by a name we do not
   * know, so such a request is DNS rebinding) or when its public origins are configured.
   */
  private final boolean checkHost;
  /** The Content-Security-Policy: images from FitCoach itself, plus the map tiles' origin when tiles are on. */
  private final String contentSecurityPolicy;

  public RequestGuard(AppConfig config) {
    this.contentSecurityPolicy = "default-src 'self'; img-src 'self' data:"
        + config.map().tiles().flatMap(RequestGuard::tileSource).map(src -> " " + src).orElse("")
        + "; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
        + "form-action 'self'";
    config.frontendUrl().ifPresent(this::addConfigured);
    config.access().allowedOrigins().forEach(this::addConfigured);
    String host = hostName(config.host());
    this.specificHost = IpLiteral.isWildcard(config.host()) || IpLiteral.isLoopback(config.host())
        ? Optional.empty() : Optional.of(host);
    specificHost.filter(h -> IpLiteral.parse(h).isEmpty()).ifPresent(knownNames::add);
    this.checkHost = !config.listensBeyondLoopback() || !configuredOrigins.isEmpty();
  }

  private void addConfigured(URI uri) {
    configuredOrigins.add(canonical(uri));
    knownNames.add(hostName(uri.getHost()));
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
        .putHeader("Content-Security-Policy", contentSecurityPolicy);
    ctx.next();
  }

  /**
   * The CSP source of a tile URL template: its scheme, host and port, with a placeholder label such as {@code {s}} (a
   * subdomain Leaflet picks) as the wildcard {@code *.}. Empty when the template has no host we can name safely.
   */
  static Optional<String> tileSource(String template) {
    int schemeEnd = template.indexOf("://");
    if (schemeEnd <= 0) {
      return Optional.empty();
    }
    int hostEnd = template.indexOf('/', schemeEnd + 3);
    String authority = template.substring(schemeEnd + 3, hostEnd < 0 ? template.length() : hostEnd);
    String host = authority.replaceFirst("^\\{[a-z]+\\}\\.", "*.");
    // A CSP source may not hold quotes, spaces, semicolons or commas; anything odd is refused rather than written.
    if (!host.matches("(\\*\\.)?[A-Za-z0-9.\\-\\[\\]:]+")) {
      return Optional.empty();
    }
    return Optional.of(template.substring(0, schemeEnd).toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT));
  }

  /**
   * Refuses a request whose Host names FitCoach by a name it is not served at (DNS rebinding also reads, not only
   * writes). IP literals always pass: rebinding needs a name. Only the name counts, not the port, so a proxy or a
   * container port mapping that changes the port does not lock anyone out.
   */
  public void knownHost(RoutingContext ctx) {
    String host = ctx.request().authority() == null ? null : ctx.request().authority().host();
    if (!checkHost || host == null || host.isEmpty() || IpLiteral.parse(host).isPresent()
        || knownNames.contains(hostName(host))) {
      ctx.next();
      return;
    }
    ctx.fail(ApiException.forbidden("unknown_host", "FitCoach is not served at '" + host + "'. If it should be, add "
        + "that address to FRONTEND_URL or FITCOACH_ALLOWED_ORIGINS."));
  }

  /** Refuses state-changing requests a browser sent from a foreign origin (the cookie is SameSite=Lax, which still lets same-site pages POST). */
  public void sameOrigin(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    if (safe) {
      ctx.next();
      return;
    }
    anyMethodSameOrigin(ctx);
  }

  /**
   * The event-bus bridge: every request with a foreign Origin is refused, GETs too, since a WebSocket handshake is a
   * GET that browsers let any page send (with its Origin) and the SockJS transports answer cross-origin XHR.
   */
  public void bridgeOrigin(RoutingContext ctx) {
    anyMethodSameOrigin(ctx);
  }

  private void anyMethodSameOrigin(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    // Browsers always send Origin on cross-origin writes and WebSocket handshakes; its absence means a non-browser client.
    if (origin == null || allowed(origin, ctx.request().localAddress())) {
      ctx.next();
      return;
    }
    ctx.fail(ApiException.forbidden("foreign_origin", "Requests from " + origin + " are not allowed. If you open "
        + "FitCoach at that address, set FRONTEND_URL (or FITCOACH_ALLOWED_ORIGINS) to it."));
  }

  boolean allowed(String originHeader, SocketAddress local) {
    URI uri;
    try {
      uri = new URI(originHeader.trim());
    } catch (java.net.URISyntaxException e) {
      return false;
    }
    if (uri.getScheme() == null || uri.getHost() == null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
      return false;
    }
    if (configuredOrigins.contains(canonical(uri))) {
      return true;
    }
    if (local == null || !"http".equalsIgnoreCase(uri.getScheme()) || port(uri) != local.port()) {
      return false;
    }
    String host = hostName(uri.getHost());
    return LOOPBACK_NAMES.contains(host) || specificHost.map(host::equals).orElse(false)
        || (local.hostAddress() != null && IpLiteral.parse(host).isPresent()
            && IpLiteral.parse(host).equals(IpLiteral.parse(local.hostAddress())));
  }

  private static String canonical(URI uri) {
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostName(uri.getHost()) + ":" + port(uri);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Lower case, IPv6 literals in brackets (as URIs and Host headers write them). */
  private static String hostName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
  }
}
