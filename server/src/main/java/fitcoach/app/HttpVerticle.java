package fitcoach.app;

import fitcoach.activities.ActivityRoutes;
import fitcoach.analytics.AnalyticsRoutes;
import fitcoach.analytics.LoadRoutes;
import fitcoach.auth.AuthHandler;
import fitcoach.auth.AuthRoutes;
import fitcoach.coach.CoachRoutes;
import fitcoach.export.ExportRoutes;
import fitcoach.imports.ImportRoutes;
import fitcoach.strava.StravaRoutes;
import fitcoach.demo.DemoRoutes;
import fitcoach.health.HealthRoutes;
import fitcoach.settings.SettingsRoutes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

/** The HTTP server, deployed once per core; every instance serves the same routes on the same shared port. */
public final class HttpVerticle extends VerticleBase {
  public static final long MAX_BODY_BYTES = 1024 * 1024;
  private final Api api;
  private final String host;
  private final int port;
  private final java.util.function.IntConsumer listening;

  /** The route tables of every feature, shared (they hold no per-verticle state). */
  public record Api(RequestGuard guard, ErrorHandler errors, HealthRoutes health, AuthRoutes auth, SettingsRoutes settings,
                    ActivityRoutes activities, LoadRoutes load, AnalyticsRoutes analytics, DemoRoutes demo,
                    StravaRoutes strava, ImportRoutes imports, ExportRoutes export, CoachRoutes coach,
                    AuthHandler requireUser, BridgeSubscriptions bridgeSubscriptions, ConnectionLimits connections) {
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
    // Strava's webhook events are under 1 KB: a larger body is refused from its Content-Length, or once it passes the
    // limit, instead of being buffered up to 1 MiB from anyone who can reach the URL.
    BodyHandler webhookBodies = BodyHandler.create(false).setBodyLimit(StravaRoutes.WEBHOOK_MAX_BYTES);
    router.route("/api/*").handler(ctx -> {
      // Uploads stream to disk through their own handler, held unread until they are known to be wanted; every other
      // body is JSON of at most 1 MiB.
      if (ctx.request().method() == io.vertx.core.http.HttpMethod.POST && (ImportRoutes.UPLOAD_PATH.equals(ctx.request().path())
          || ExportRoutes.RESTORE_PATH.equals(ctx.request().path()))) {
        UploadHandler.hold(ctx);
      } else if (formBody(ctx.request())) {
        // Only JSON is read here; Vert.x would try to decode a form (and fails outright on a GET), so refuse it first.
        ctx.fail(415);
      } else if (ctx.request().method() == io.vertx.core.http.HttpMethod.POST && StravaRoutes.WEBHOOK_PATH.equals(ctx.request().path())) {
        webhookBodies.handle(ctx);
      } else {
        smallBodies.handle(ctx);
      }
    });
    router.route("/api/*").handler(api.guard()::sameOrigin);

    api.health().mount(router);
    api.auth().mount(router);
    api.settings().mount(router);
    api.activities().mount(router);
    api.load().mount(router);
    api.analytics().mount(router);
    api.demo().mount(router);
    api.strava().mount(router);
    api.imports().mount(router);
    api.export().mount(router);
    api.coach().mount(router);
    router.route("/api/*").handler(ctx -> ctx.fail(404));

    EventBusBridge.mount(vertx, router, api.guard(), api.requireUser(), api.bridgeSubscriptions());
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
