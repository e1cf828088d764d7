package fitcoach.testing;

import fitcoach.testing.strava.Activities;
import fitcoach.testing.strava.ActivityFactory;
import fitcoach.testing.strava.ApiRoutes;
import fitcoach.testing.strava.OAuthRoutes;
import fitcoach.testing.strava.RateLimits;
import fitcoach.testing.strava.Tokens;
import fitcoach.testing.strava.Webhooks;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A scriptable Strava (OAuth + API v3 + webhooks) on 127.0.0.1 speaking the wire protocol of protocols.md part B, for
 * the Strava client's tests and the e2e suite. One application, one athlete; everything it receives is recorded.
 */
public final class FakeStrava implements AutoCloseable {
  public static final String CLIENT_ID = "12345";
  public static final String CLIENT_SECRET = "fake-client-secret";
  public static final long ATHLETE_ID = 134815L;
  /** Where the fake also serves its API: {@code baseUrl() + MOVED_PREFIX + "/api/v3"}. */
  public static final String MOVED_PREFIX = "/moved";

  /** One request as the fake received it. */
  public record Request(String method, String path, MultiMap query, MultiMap headers, String body) {
  }

  private final SwitchableClock clock = new SwitchableClock();
  private final Tokens tokens = new Tokens(clock);
  private final RateLimits limits = new RateLimits(clock);
  private final Activities activities = new Activities();
  private final ActivityFactory factory = new ActivityFactory(ATHLETE_ID);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Webhooks webhooks;
  private final OAuthRoutes oauth;
  private final ApiRoutes api;
  private HttpServer server;

  private FakeStrava(Vertx vertx) {
    webhooks = new Webhooks(vertx, clock);
    oauth = new OAuthRoutes(CLIENT_ID, CLIENT_SECRET, ATHLETE_ID, tokens, clock, this::pushDeauthorization);
    api = new ApiRoutes(CLIENT_ID, CLIENT_SECRET, ATHLETE_ID, vertx, clock, tokens, limits, activities, webhooks);
  }

  /** Starts listening on a free loopback port; blocks, so call it from a test thread. */
  public static FakeStrava start(Vertx vertx) {
    return start(vertx, router -> { });
  }

  /** Like {@link #start(Vertx)}, with extra routes (e.g. FakeStravaMain's control endpoint) on the same port. */
  public static FakeStrava start(Vertx vertx, Consumer<Router> extraRoutes) {
    FakeStrava fake = new FakeStrava(vertx);
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false)).handler(fake::record);
    fake.oauth.mount(router);
    fake.api.mount(router);
    // The same API under another base, standing in for the host Strava moves its API to (STRAVA_NEXT_API_URL).
    Router moved = Router.router(vertx);
    fake.api.mount(moved);
    router.route(MOVED_PREFIX + "/*").subRouter(moved);
    extraRoutes.accept(router);
    fake.server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    return fake;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  @Override
  public void close() {
    if (server != null) {
      await(server.close());
      server = null;
      webhooks.close();
    }
  }

  /** Makes time-dependent behaviour (token expiry, rate windows, history dates) follow {@code clock}. */
  public FakeStrava clock(Clock clock) {
    this.clock.delegate = clock;
    return this;
  }

  // ---- Data

  /** Replaces the history with {@code count} realistic activities over the last ~count/1.2 days. */
  public FakeStrava history(int count, long seed) {
    activities.replace(factory.history(count, seed, clock.instant()));
    return this;
  }

  /** The stored activities, newest first: summary fields plus the detail-only ones (description, calories, ...). */
  public List<JsonObject> activities() {
    return activities.all();
  }

  public JsonObject addActivity(Instant start, String sportType) {
    JsonObject activity = factory.create(start, sportType);
    activities.put(activity);
    return activity.copy();
  }

  /** Merges {@code changes} into the stored activity; throws if there is none with that id. */
  public void updateActivity(long id, JsonObject changes) {
    activities.update(id, changes);
  }

  public void deleteActivity(long id) {
    activities.delete(id);
  }

  /**
   * The athlete's Strava bulk export of this history, as Strava packs it: {@code activities.csv} with a row per
   * activity (id, date in UTC, name, type, elapsed time, distance) and no files, enough for FitCoach to know the
   * workouts as the athlete's own data and merge them with the API's copies.
   */
  public byte[] exportZip() {
    java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a",
        java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);
    StringBuilder csv = new StringBuilder("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
        + "Elapsed Time,Distance,Filename\n");
    for (JsonObject a : activities()) {
      csv.append(a.getLong("id")).append(",\"").append(date.format(Instant.parse(a.getString("start_date")))).append("\",\"")
          .append(a.getString("name", "").replace("\"", "\"\"")).append("\",").append(a.getString("sport_type")).append(",,")
          .append(a.getInteger("elapsed_time")).append(',').append(a.getDouble("distance", 0.0)).append(",\n");
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("activities.csv"));
      zip.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /** Answers with the legacy oldest-first order when a list request has {@code after} but no {@code before}. */
  public FakeStrava oldestFirstWhenOnlyAfter(boolean oldestFirst) {
    api.oldestFirstWhenOnlyAfter(oldestFirst);
    return this;
  }

  // ---- OAuth

  public FakeStrava grantedScope(String scopeCsv) {
    oauth.grantedScope(scopeCsv);
    return this;
  }

  public FakeStrava denyAuthorization(boolean deny) {
    oauth.deny(deny);
    return this;
  }

  public FakeStrava accessTokenLifetime(Duration lifetime) {
    tokens.lifetime(lifetime);
    return this;
  }

  public FakeStrava rotateRefreshTokens(boolean rotate) {
    tokens.rotate(rotate);
    return this;
  }

  /** Invalidates every code and token, as a deauthorisation does, without telling anyone (no webhook event). */
  public void revokeAllTokens() {
    tokens.revokeAll();
  }

  /**
   * The athlete revokes FitCoach on strava.com: every token dies (then 401 on resources, 400 on refresh) and the
   * subscriber hears an athlete event with {@code authorized: "false"} (B.5, B.12). Blocks; the delivery status, or 0
   * when nobody has subscribed.
   */
  public int deauthorizeOnStrava() {
    tokens.revokeAll();
    return webhooks.current().map(sub -> await(webhooks.deliver(sub.callbackUrl(), deauthorizationEvent()))).orElse(0);
  }

  public int tokenRequests(String grantType) {
    return tokens.requests(grantType);
  }

  /** GETs an /oauth/authorize URL like a browser and returns where it redirects. */
  public String authorizeAsBrowser(String authorizeUrl) {
    try {
      HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
          .send(HttpRequest.newBuilder(URI.create(authorizeUrl)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
          "authorize answered " + response.statusCode() + " without a redirect: " + response.body()));
    } catch (IOException e) {
      throw new IllegalStateException("authorize request failed: " + authorizeUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  // ---- Rate limits

  public FakeStrava rateLimits(int shortLimit, int dailyLimit) {
    limits.limits(shortLimit, dailyLimit);
    return this;
  }

  public FakeStrava rateWindow(Duration shortWindow) {
    limits.window(shortWindow);
    return this;
  }

  public int usage15() {
    return limits.readShortUsage();
  }

  // ---- Fault injection (all /api/v3 calls, still counted against the rate limits)

  /** The next {@code count} API requests answer {@code status} (5xx as HTML); replaces earlier scripting, 0 clears. */
  public FakeStrava failNext(int count, int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    api.failNext(count, status);
    return this;
  }

  /** The next {@code count} API requests (after any failNext ones) get a 200 with truncated JSON; 0 clears. */
  public FakeStrava malformedNext(int count) {
    api.malformedNext(count);
    return this;
  }

  /** Holds every API response back by {@code delay} (a Vert.x timer); {@link Duration#ZERO} turns it off. */
  public FakeStrava delay(Duration delay) {
    api.delay(delay);
    return this;
  }

  // ---- Recording

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  private void record(RoutingContext ctx) {
    requests.add(new Request(ctx.request().method().name(), ctx.request().path(),
        MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams()),
        MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers()),
        ctx.body().length() > 0 ? ctx.body().asString() : null));
    ctx.next();
  }

  // ---- Webhooks

  public long subscriptionId() {
    return webhooks.current().map(Webhooks.Subscription::id).orElse(0L);
  }

  /** An activity event as Strava posts it; updates carry the current title for "update", else {}. */
  public JsonObject activityEvent(String aspectType, long activityId) {
    JsonObject updates = new JsonObject();
    if ("update".equals(aspectType)) {
      updates.put("title", activities.find(activityId).map(a -> a.getString("name")).orElse("Messy"));
    }
    return event(aspectType, activityId, "activity", updates);
  }

  public JsonObject deauthorizationEvent() {
    return event("update", ATHLETE_ID, "athlete", new JsonObject().put("authorized", "false"));
  }

  /** POSTs an event like Strava: JSON, 2 s per attempt, up to 3 attempts until a 200. Blocks; -1 when unanswered. */
  public int deliver(String callbackUrl, JsonObject event) {
    return await(webhooks.deliver(callbackUrl, event));
  }

  /**
   * POSTs the event to the current subscription's callback like {@link #deliver}, without blocking: the status of the
   * last attempt (-1 when unanswered); fails when nobody has subscribed.
   */
  public Future<Integer> pushToSubscriber(JsonObject event) {
    return webhooks.current()
        .map(sub -> webhooks.deliver(sub.callbackUrl(), event))
        .orElseGet(() -> Future.failedFuture(new IllegalStateException("no webhook subscription")));
  }

  private JsonObject event(String aspectType, long objectId, String objectType, JsonObject updates) {
    long subscription = webhooks.current().map(Webhooks.Subscription::id).orElse(Webhooks.FIRST_SUBSCRIPTION_ID);
    return new JsonObject().put("aspect_type", aspectType).put("event_time", clock.instant().getEpochSecond())
        .put("object_id", objectId).put("object_type", objectType).put("owner_id", ATHLETE_ID)
        .put("subscription_id", subscription).put("updates", updates);
  }

  /** Strava tells the subscribed app when an athlete deauthorizes (B.5); fire and forget. */
  private void pushDeauthorization() {
    webhooks.current().ifPresent(sub -> webhooks.deliver(sub.callbackUrl(), deauthorizationEvent()));
  }

  private static <T> T await(Future<T> future) {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("FakeStrava blocks; call it from a test thread, not an event loop");
    }
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("FakeStrava: no answer within 30 s", e);
    }
  }

  /** A clock tests can swap after start. */
  private static final class SwitchableClock extends Clock {
    private volatile Clock delegate = Clock.systemUTC();

    @Override
    public ZoneId getZone() {
      return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return delegate.withZone(zone);
    }

    @Override
    public Instant instant() {
      return delegate.instant();
    }
  }
}
