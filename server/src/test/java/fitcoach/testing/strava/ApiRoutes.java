package fitcoach.testing.strava;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strava's /api/v3 resources (B.6–B.12). Every request first passes the gate: it is counted against the rate limits
 * (headers on every answer), may be delayed, may get a scripted fault, and gets a 429 when over a limit.
 */
public final class ApiRoutes {
  private static final String SCOPE = "fakestrava.scope";
  private final String clientId;
  private final String clientSecret;
  private final long athleteId;
  private final Vertx vertx;
  private final Clock clock;
  private final Tokens tokens;
  private final RateLimits limits;
  private final Activities activities;
  private final Webhooks webhooks;
  private int failCount;
  private int failStatus;
  private int malformedCount;
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean oldestFirstWhenOnlyAfter;

  public ApiRoutes(String clientId, String clientSecret, long athleteId, Vertx vertx, Clock clock, Tokens tokens,
      RateLimits limits, Activities activities, Webhooks webhooks) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.athleteId = athleteId;
    this.vertx = vertx;
    this.clock = clock;
    this.tokens = tokens;
    this.limits = limits;
    this.activities = activities;
    this.webhooks = webhooks;
  }

  public void mount(Router router) {
    router.route("/api/v3/*").handler(this::gate);
    router.get("/api/v3/athlete").handler(this::authorized).handler(this::athlete);
    router.get("/api/v3/athlete/zones").handler(this::authorized).handler(this::zones);
    router.get("/api/v3/athlete/activities").handler(this::authorized).handler(this::list);
    router.get("/api/v3/activities/:id").handler(this::authorized).handler(this::activity);
    router.get("/api/v3/activities/:id/streams").handler(this::authorized).handler(this::streams);
    router.get("/api/v3/activities/:id/laps").handler(this::authorized).handler(this::laps);
    router.post("/api/v3/push_subscriptions").handler(this::createSubscription);
    router.get("/api/v3/push_subscriptions").handler(this::listSubscriptions);
    router.delete("/api/v3/push_subscriptions/:id").handler(this::deleteSubscription);
    router.route("/api/v3/*").handler(ctx -> Wire.json(ctx, 404, StravaErrors.fault("Record Not Found", "resource", "path", "invalid")));
  }

  /** The next {@code count} requests answer {@code status}; replaces what was scripted before (0 clears it). */
  public synchronized void failNext(int count, int status) {
    failCount = count;
    failStatus = status;
  }

  /** The next {@code count} requests (after any failNext ones) get a 200 with truncated JSON; 0 clears it. */
  public synchronized void malformedNext(int count) {
    malformedCount = count;
  }

  public void delay(Duration delay) {
    this.delay = delay;
  }

  public void oldestFirstWhenOnlyAfter(boolean oldestFirst) {
    this.oldestFirstWhenOnlyAfter = oldestFirst;
  }

  /** The status scripted for this request, {@link Wire#MALFORMED_STATUS} for a truncated 200, or null. */
  private synchronized Integer nextFault() {
    if (failCount > 0) {
      failCount--;
      return failStatus;
    }
    if (malformedCount > 0) {
      malformedCount--;
      return Wire.MALFORMED_STATUS;
    }
    return null;
  }

  private void gate(RoutingContext ctx) {
    boolean limited = limits.count(ctx.request().method() == HttpMethod.GET, ctx.response().headers());
    Integer fault = nextFault();
    long delayMs = delay.toMillis();
    if (delayMs > 0) {
      vertx.setTimer(delayMs, id -> pass(ctx, limited, fault));
    } else {
      pass(ctx, limited, fault);
    }
  }

  private void pass(RoutingContext ctx, boolean limited, Integer fault) {
    if (fault != null && fault == Wire.MALFORMED_STATUS) {
      ctx.put(Wire.MALFORMED, true);
    } else if (fault != null) {
      injected(ctx, fault);
      return;
    }
    if (limited) {
      Wire.json(ctx, 429, StravaErrors.rateLimited());
    } else {
      ctx.next();
    }
  }

  private void injected(RoutingContext ctx, int status) {
    String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
    switch (status) {
      case 401 -> Wire.json(ctx, 401, StravaErrors.invalidToken());
      case 404 -> Wire.json(ctx, 404, StravaErrors.notFound("Activity"));
      case 429 -> Wire.json(ctx, 429, StravaErrors.rateLimited());
      default -> {
        if (status >= 500) {
          Wire.html(ctx, status, reason);
        } else {
          Wire.json(ctx, status, new JsonObject().put("message", reason).put("errors", new JsonArray()));
        }
      }
    }
  }

  private void authorized(RoutingContext ctx) {
    Optional<String> scope = tokens.scopeOf(Wire.accessToken(ctx));
    if (scope.isEmpty()) {
      Wire.json(ctx, 401, StravaErrors.invalidToken());
      return;
    }
    ctx.put(SCOPE, Set.copyOf(Arrays.asList(scope.get().split(","))));
    ctx.next();
  }

  private void athlete(RoutingContext ctx) {
    Wire.json(ctx, 200, has(ctx, "profile:read_all") ? Athlete.detailed(athleteId) : Athlete.summary(athleteId));
  }

  private void zones(RoutingContext ctx) {
    if (!has(ctx, "profile:read_all")) {
      Wire.json(ctx, 401, StravaErrors.missingPermission("profile:read_all_permission"));
      return;
    }
    Wire.json(ctx, 200, Athlete.zones());
  }

  private void list(RoutingContext ctx) {
    if (!canReadActivities(ctx)) {
      return;
    }
    MultiMap q = ctx.queryParams();
    Long before;
    Long after;
    long page;
    long perPage;
    try {
      before = number(q, "before");
      after = number(q, "after");
      page = Optional.ofNullable(number(q, "page")).orElse(1L);
      perPage = Optional.ofNullable(number(q, "per_page")).orElse(30L);
    } catch (IllegalArgumentException e) {
      Wire.json(ctx, 400, StravaErrors.badRequest("Application", e.getMessage(), "invalid"));
      return;
    }
    if (after != null && after > clock.instant().getEpochSecond()) {
      // What a client sending milliseconds gets.
      Wire.json(ctx, 400, StravaErrors.badRequest("Application", "after", "future"));
      return;
    }
    page = Math.max(1, page);
    perPage = Math.max(1, Math.min(200, perPage));
    JsonArray body = new JsonArray(new java.util.ArrayList<>(activities.page(after, before, has(ctx, "activity:read_all"),
        oldestFirstWhenOnlyAfter && after != null && before == null, (page - 1) * perPage, perPage)));
    Wire.json(ctx, 200, body);
  }

  private void activity(RoutingContext ctx) {
    visibleActivity(ctx).ifPresent(a -> Wire.json(ctx, 200, Activities.detail(a)));
  }

  private void streams(RoutingContext ctx) {
    visibleActivity(ctx).ifPresent(a -> {
      String keys = ctx.queryParams().get("keys");
      Set<String> wanted = keys == null ? Set.of() : Arrays.stream(keys.split(",")).map(String::trim).collect(Collectors.toSet());
      Streams streams = Streams.of(a);
      boolean byType = "true".equalsIgnoreCase(ctx.queryParams().get("key_by_type"));
      Wire.json(ctx, 200, byType ? streams.streamSet(wanted) : streams.legacy(wanted));
    });
  }

  private void laps(RoutingContext ctx) {
    visibleActivity(ctx).ifPresent(a -> Wire.json(ctx, 200, Laps.of(a, Streams.of(a))));
  }

  private void createSubscription(RoutingContext ctx) {
    MultiMap p = Wire.params(ctx);
    if (!clientCredentials(ctx, p)) {
      return;
    }
    for (String field : List.of("callback_url", "verify_token")) {
      if (p.get(field) == null || p.get(field).isBlank()) {
        Wire.json(ctx, 400, StravaErrors.badRequest("PushSubscription", field, "missing"));
        return;
      }
    }
    webhooks.create(p.get("callback_url"), p.get("verify_token"))
        .onSuccess(sub -> Wire.json(ctx, 201, new JsonObject().put("id", sub.id())))
        .onFailure(err -> {
          String code = err.getMessage();
          Wire.json(ctx, 400, StravaErrors.badRequest("PushSubscription", "already exists".equals(code) ? "" : "callback url", code));
        });
  }

  private void listSubscriptions(RoutingContext ctx) {
    if (clientCredentials(ctx, Wire.params(ctx))) {
      JsonArray list = new JsonArray();
      webhooks.current().ifPresent(sub -> list.add(sub.toJson(clientId)));
      Wire.json(ctx, 200, list);
    }
  }

  private void deleteSubscription(RoutingContext ctx) {
    if (!clientCredentials(ctx, Wire.params(ctx))) {
      return;
    }
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (webhooks.delete(id)) {
      Wire.noContent(ctx);
    } else {
      Wire.json(ctx, 404, StravaErrors.notFound("PushSubscription"));
    }
  }

  private boolean clientCredentials(RoutingContext ctx, MultiMap p) {
    if (!clientId.equals(p.get("client_id"))) {
      Wire.json(ctx, 400, StravaErrors.badRequest("Application", "client_id", "invalid"));
      return false;
    }
    if (!clientSecret.equals(p.get("client_secret"))) {
      Wire.json(ctx, 400, StravaErrors.badRequest("Application", "client_secret", "invalid"));
      return false;
    }
    return true;
  }

  private boolean canReadActivities(RoutingContext ctx) {
    if (has(ctx, "activity:read") || has(ctx, "activity:read_all")) {
      return true;
    }
    Wire.json(ctx, 401, StravaErrors.missingPermission("activity:read_permission"));
    return false;
  }

  /** The activity named in the path, or a 404/401 already sent. Only-me activities need activity:read_all. */
  private Optional<JsonObject> visibleActivity(RoutingContext ctx) {
    if (!canReadActivities(ctx)) {
      return Optional.empty();
    }
    Optional<JsonObject> found;
    try {
      found = activities.find(Long.parseLong(ctx.pathParam("id")));
    } catch (NumberFormatException e) {
      found = Optional.empty();
    }
    found = found.filter(a -> has(ctx, "activity:read_all") || !"only_me".equals(a.getString("visibility")));
    if (found.isEmpty()) {
      Wire.json(ctx, 404, StravaErrors.notFound("Activity"));
    }
    return found;
  }

  private static boolean has(RoutingContext ctx, String scope) {
    Set<String> scopes = ctx.get(SCOPE);
    return scopes != null && scopes.contains(scope);
  }

  private static Long number(MultiMap q, String name) {
    String value = q.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name);
    }
  }
}
