package fitcoach.strava;

import fitcoach.app.ApiException;
import fitcoach.app.AppConfig;
import fitcoach.app.EventStream;
import fitcoach.app.Json;
import fitcoach.app.JsonFields;
import fitcoach.auth.AuthHandler;
import fitcoach.auth.AuthService;
import fitcoach.auth.SessionTokens;
import fitcoach.privacy.PrivacyService;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Strava routes under /api/strava: OAuth, status, sync with live progress, and the webhook. */
public final class StravaRoutes {
  /** Where Strava posts events; the HTTP verticle reads at most {@link #WEBHOOK_MAX_BYTES} of a body sent there. */
  public static final String WEBHOOK_PATH = "/api/strava/webhook";
  public static final int WEBHOOK_MAX_BYTES = WebhookEvent.MAX_BYTES;

  private final StravaService strava;
  private final AppConfig config;
  private final AuthService auth;
  private final AuthHandler requireUser;
  private final PrivacyService privacy;

  StravaRoutes(StravaService strava, AppConfig config, AuthService auth, AuthHandler requireUser, PrivacyService privacy) {
    this.strava = strava;
    this.privacy = privacy;
    this.config = config;
    this.auth = auth;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    router.get("/api/strava/connect").handler(requireUser).handler(this::connect);
    router.get("/api/strava/callback").handler(this::callback);
    router.get("/api/strava/status").handler(requireUser).handler(this::status);
    router.delete("/api/strava/disconnect").handler(requireUser).handler(this::disconnect);
    router.post("/api/strava/sync").handler(requireUser).handler(this::sync);
    router.get("/api/strava/sync/events").handler(requireUser).handler(this::events);
    router.get("/api/strava/webhook/subscription").handler(requireUser).handler(this::getSubscription);
    router.post("/api/strava/webhook/subscription").handler(requireUser).handler(this::createSubscription);
    router.delete("/api/strava/webhook/subscription").handler(requireUser).handler(this::deleteSubscription);
    router.get("/api/activities/:id/streams").handler(requireUser).handler(this::streams);
    router.get(WEBHOOK_PATH).handler(this::validateWebhook);
    router.post(WEBHOOK_PATH).handler(this::receiveWebhook);
  }

  private void connect(RoutingContext ctx) {
    strava.connectUrl(userId(ctx), redirectUri(ctx))
        .onSuccess(url -> ctx.response().setStatusCode(302).putHeader("Location", url).putHeader("Cache-Control", "no-store").end())
        .onFailure(ctx::fail);
  }

  private void callback(RoutingContext ctx) {
    var q = ctx.queryParams();
    Cookie cookie = ctx.request().getCookie(SessionTokens.COOKIE);
    Future<UUID> signedIn = cookie == null ? Future.succeededFuture(null)
        : auth.authenticate(cookie.getValue()).map(AuthService.SignedIn::userId).otherwise((UUID) null);
    signedIn.compose(user -> strava.completeConnection(q.get("state"), q.get("code"), q.get("scope"), q.get("error"), user))
        .onComplete(done -> {
          String outcome = done.succeeded() ? done.result() : "error";
          String query = "connected".equals(outcome) ? "strava=connected"
              : "strava=error&reason=" + URLEncoder.encode(outcome, StandardCharsets.UTF_8);
          ctx.response().setStatusCode(302).putHeader("Location", uiBase() + "/settings?" + query)
              .putHeader("Cache-Control", "no-store").end();
        });
  }

  private void status(RoutingContext ctx) {
    strava.status(userId(ctx)).onSuccess(s -> Json.ok(ctx, s)).onFailure(ctx::fail);
  }

  private void disconnect(RoutingContext ctx) {
    strava.disconnect(userId(ctx)).onSuccess(r -> Json.ok(ctx, r)).onFailure(ctx::fail);
  }

  private void sync(RoutingContext ctx) {
    strava.startSync(userId(ctx)).onSuccess(entry -> {
      JsonObject body = Json.toJsonObject(strava.progress(entry.getKey()));
      body.put("alreadyRunning", !entry.getValue());
      Json.sendEncoded(ctx, 202, body.toBuffer());
    }).onFailure(ctx::fail);
  }

  /** Server-sent events of the sync progress: the latest state first, then every change, with a heartbeat. */
  private void events(RoutingContext ctx) {
    UUID userId = userId(ctx);
    HttpServerResponse res = EventStream.relay(ctx, Addresses.sync(userId), "progress");
    strava.currentProgress(userId).onSuccess(p -> {
      if (p != null) {
        EventStream.frame(res, "progress", Json.toJsonObject(p));
      }
    });
  }

  private void streams(RoutingContext ctx) {
    UUID activityId = fitcoach.app.QueryParams.pathId(ctx, "id", "No such activity");
    // At most StreamSampler.MAX_POINTS points per channel (fewer on request), evenly spaced, channels aligned.
    int maxPoints = fitcoach.app.QueryParams.integer(ctx.queryParams(), "maxPoints", fitcoach.activities.StreamSampler.MAX_POINTS,
        fitcoach.activities.StreamSampler.MIN_POINTS, fitcoach.activities.StreamSampler.MAX_POINTS);
    // Positions inside the athlete's privacy zones are null unless ?privacy=off (the map offers to show them).
    boolean hide = PrivacyService.requested(ctx.queryParams(), true);
    UUID userId = userId(ctx);
    privacy.zonesFor(userId).compose(zones -> strava.streams(userId, activityId, maxPoints, zones, hide))
        .onSuccess(s -> Json.sendEncoded(ctx, 200, io.vertx.core.buffer.Buffer.buffer("{\"activityId\":\"" + activityId
            + "\",\"points\":" + s.points() + ",\"storedPoints\":" + s.storedPoints() + ",\"cadenceUnit\":\"" + s.cadenceUnit()
            + "\",\"privacy\":{\"hiddenPoints\":" + s.hiddenPoints() + ",\"applied\":" + hide + "}"
            + ",\"streams\":" + s.json() + "}")))
        .onFailure(ctx::fail);
  }

  private void validateWebhook(RoutingContext ctx) {
    var q = ctx.queryParams();
    if (!"subscribe".equals(q.get("hub.mode")) || q.get("hub.challenge") == null) {
      throw ApiException.badRequest("invalid_validation", "Expected hub.mode=subscribe with a hub.challenge");
    }
    if (!strava.verifyToken(q.get("hub.verify_token"))) {
      throw ApiException.forbidden("wrong_verify_token", "The verify token does not match STRAVA_WEBHOOK_VERIFY_TOKEN");
    }
    Json.ok(ctx, Map.of("hub.challenge", q.get("hub.challenge")));
  }

  private void receiveWebhook(RoutingContext ctx) {
    if (ctx.body().length() > WebhookEvent.MAX_BYTES) {
      // Strava's events are under 1 KB: a larger body is not one of them, and is refused before it is parsed.
      throw new ApiException(413, "payload_too_large",
          "A Strava webhook event is under 1 KB; this body is larger than " + WebhookEvent.MAX_BYTES + " bytes", null, null);
    }
    JsonObject event = Json.body(ctx);
    strava.receiveEvent(event).onSuccess(v -> Json.ok(ctx, Map.of("ok", true))).onFailure(ctx::fail);
  }

  private void getSubscription(RoutingContext ctx) {
    strava.subscription().onSuccess(s -> Json.ok(ctx, s)).onFailure(ctx::fail);
  }

  private void createSubscription(RoutingContext ctx) {
    JsonFields f = new JsonFields(Json.body(ctx), "callbackUrl");
    String url = f.requiredString("callbackUrl", 255);
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw ApiException.invalid("callbackUrl", "invalid_url", "The callback URL must be an http(s) URL Strava can reach");
    }
    strava.createSubscription(url).onSuccess(s -> Json.send(ctx, 201, s)).onFailure(ctx::fail);
  }

  private void deleteSubscription(RoutingContext ctx) {
    strava.deleteSubscription().onSuccess(v -> Json.ok(ctx, Map.of("ok", true))).onFailure(ctx::fail);
  }

  private String redirectUri(RoutingContext ctx) {
    return config.stravaRedirectUri().orElseGet(() -> config.frontendUrl().map(u -> u + "/api/strava/callback")
        .orElse(ctx.request().scheme() + "://" + ctx.request().authority() + "/api/strava/callback"));
  }

  private String uiBase() {
    return config.frontendUrl().map(Object::toString).orElse("");
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }
}
