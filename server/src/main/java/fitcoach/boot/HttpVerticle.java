package fitcoach.boot;

import fitcoach.app.BridgeSubscriptions;
import fitcoach.app.ConnectionLimits;
import fitcoach.app.ErrorHandler;
import fitcoach.app.Feature;
import fitcoach.app.QueryParams;
import fitcoach.app.RequestGuard;
import fitcoach.app.UploadHandler;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP server, deployed once per core; every instance serves the same routes on the same shared port. It mounts the
 * shared guards, then each feature of {@link Wiring} in order, then the event-bus bridge and the single-page UI.
 */
public final class HttpVerticle extends VerticleBase {
  public static final long MAX_BODY_BYTES = 1024 * 1024;
  private final Api api;
  private final String host;
  private final int port;
  private final java.util.function.IntConsumer listening;

  /**
   * What every instance serves: the shared infrastructure around the routes, and the features in the order their routes
   * are matched (they hold no per-verticle state, so all instances share them).
   */
  public record Api(RequestGuard guard, ErrorHandler errors, ConnectionLimits connections, AuthHandler requireUser,
                    List<Feature> features) {
    public Api {
      features = List.copyOf(features);
    }
  }

  /** index.html is revalidated on every load so a new release is picked up at once. */
  private static void index(io.vertx.ext.web.RoutingContext ctx) {
    ctx.response()
        .putHeader("Cache-Control", "no-cache")
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .sendFile("webroot/index.html")
        .onFailure(err -> {
          if (!ctx.response().headWritten()) {
            ctx.fail(404);
          }
        });
  }

  private static boolean formBody(io.vertx.core.http.HttpServerRequest request) {
    String type = request.getHeader("Content-Type");
    String t = type == null ? "" : type.trim().toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("multipart/") || t.startsWith("application/x-www-form-urlencoded");
  }

  /** {@code port} -1 asks Vert.x for one free port shared by all instances; {@code listening} hears the actual one. */
  public HttpVerticle(Api api, String host, int port, java.util.function.IntConsumer listening) {
    this.api = api;
    this.host = host;
    this.port = port;
    this.listening = listening;
  }

  @Override
  public Future<?> start() {
    // Browsers never speak HTTP/2 in clear text. Without h2c a connection is HTTP/1.1 from its first byte, so the
    // connection limits see it open (with h2c on, Vert.x waits for bytes before it reports the connection).
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true).setIdleTimeout(120)
        .setHttp2ClearTextEnabled(false));
    api.connections().watch(vertx, server);
    return server
        .requestHandler(router(vertx, api))
        .listen(port, host)
        .onSuccess(listened -> listening.accept(listened.actualPort()));
  }

  /** Every route of the app, in order; also how tests enumerate the routes (a new one cannot be left out of the fuzzing). */
  public static Router router(io.vertx.core.Vertx vertx, Api api) {
    Router router = Router.router(vertx);
    router.route().handler(api.connections()::requestStarted);
    router.route().handler(api.guard()::headers);
    router.route().handler(api.guard()::knownHost);
    router.route().handler(QueryParams::wellFormed);
    BodyHandler smallBodies = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    Set<String> uploads = new HashSet<>();
    Map<String, BodyHandler> smallerBodies = new HashMap<>();
    for (Feature feature : api.features()) {
      uploads.addAll(feature.uploadPaths());
      // A body past its limit is refused from its Content-Length, or once it passes the limit, instead of being
      // buffered up to 1 MiB from anyone who can reach the URL (Strava's webhook events are under 1 KB).
      feature.bodyLimits().forEach((path, limit) -> smallerBodies.put(path, BodyHandler.create(false).setBodyLimit(limit)));
    }
    router.route("/api/*").handler(ctx -> {
      // Uploads stream to disk through their own handler, held unread until they are known to be wanted; every other
      // body is JSON of at most 1 MiB.
      boolean post = ctx.request().method() == HttpMethod.POST;
      if (post && uploads.contains(ctx.request().path())) {
        UploadHandler.hold(ctx);
      } else if (formBody(ctx.request())) {
        // Only JSON is read here; Vert.x would try to decode a form (and fails outright on a GET), so refuse it first.
        ctx.fail(415);
      } else if (post && smallerBodies.containsKey(ctx.request().path())) {
        smallerBodies.get(ctx.request().path()).handle(ctx);
      } else {
        smallBodies.handle(ctx);
      }
    });
    router.route("/api/*").handler(api.guard()::sameOrigin);

    for (Feature feature : api.features()) {
      feature.mount(router);
    }
    router.route("/api/*").handler(ctx -> ctx.fail(404));

    List<BridgeSubscriptions> subscriptions = api.features().stream().map(Feature::bridgeSubscriptions)
        .flatMap(Optional::stream).toList();
    EventBusBridge.mount(vertx, router, api.guard(), api.requireUser(), subscriptions);
    router.get("/").handler(HttpVerticle::index);
    router.get("/index.html").handler(HttpVerticle::index);
    router.get("/assets/*").handler(ctx -> {
      // Vite fingerprints asset names, so a cached copy never goes stale.
      ctx.response().putHeader("Cache-Control", "public, max-age=31536000, immutable");
      ctx.next();
    });
    router.route().handler(StaticHandler.create("webroot").setCachingEnabled(false));
    // Client-side routes (/settings, /activities/42, ...) all load the single page.
    router.get().handler(HttpVerticle::index);
    router.route().failureHandler(api.errors());

    return router;
  }
}
