package fitcoach.auth;

import fitcoach.app.Json;
import fitcoach.app.JsonFields;
import fitcoach.app.TimeZones;
import fitcoach.app.TrustedProxies;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Account routes under /api/auth. */
public final class AuthRoutes {
  private final AuthService auth;
  private final SessionTokens tokens;
  private final AuthHandler requireUser;
  private final TrustedProxies proxies;

  public AuthRoutes(AuthService auth, SessionTokens tokens, AuthHandler requireUser, TrustedProxies proxies) {
    this.auth = auth;
    this.tokens = tokens;
    this.requireUser = requireUser;
    this.proxies = proxies;
    TimeZones.preload(); // at wiring, off the event loop
  }

  public void mount(Router router) {
    router.get("/api/auth/status").handler(this::status);
    router.post("/api/auth/setup").handler(this::setup);
    router.post("/api/auth/login").handler(this::login);
    router.post("/api/auth/logout").handler(this::logout);
    router.get("/api/auth/me").handler(requireUser).handler(this::me);
    router.get("/api/auth/session").handler(this::session);
  }

  /**
   * Who is signed in, for the app's start: not being signed in is an expected answer here (200 {@code {user: null}}),
   * where {@code /api/auth/me} answers 401 as every guarded route does.
   */
  private void session(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(SessionTokens.COOKIE);
    if (cookie == null) {
      Json.ok(ctx, java.util.Collections.singletonMap("user", null));
      return;
    }
    auth.authenticate(cookie.getValue())
        .onSuccess(signedIn -> Json.ok(ctx, Map.of("user", signedIn.user().view())))
        .onFailure(err -> {
          if (err instanceof fitcoach.app.ApiException api && api.status() == 401) {
            Json.ok(ctx, java.util.Collections.singletonMap("user", null));
          } else {
            ctx.fail(err);
          }
        });
  }

  private void status(RoutingContext ctx) {
    auth.status()
        .onSuccess(s -> Json.ok(ctx, Map.of("setup", s.accountExists(), "setupCodeRequired", s.setupCodeRequired())))
        .onFailure(ctx::fail);
  }

  private void setup(RoutingContext ctx) {
    JsonFields fields = new JsonFields(Json.body(ctx), "email", "password", "setupCode", "timeZone");
    Credentials credentials = Credentials.from(fields, true);
    String setupCode = fields.optionalString("setupCode", 64);
    // The browser's zone, so the athlete's days start at their midnight from the first activity on.
    String timeZone = TimeZones.parse("timeZone", fields.optionalString("timeZone", 64));
    auth.setup(credentials, setupCode, timeZone, ctx.request().getHeader("User-Agent"))
        .onSuccess(signIn -> signedIn(ctx, 201, signIn))
        .onFailure(ctx::fail);
  }

  private void login(RoutingContext ctx) {
    Credentials credentials = Credentials.from(Json.body(ctx), false);
    String peer = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    var forwarded = ctx.request().headers().getAll("X-Forwarded-For");
    String client = proxies.clientAddress(peer, forwarded.isEmpty() ? null : String.join(",", forwarded));
    auth.login(credentials, client, ctx.request().getHeader("User-Agent"))
        .onSuccess(signIn -> signedIn(ctx, 200, signIn))
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(SessionTokens.COOKIE);
    ctx.response().addCookie(tokens.expiredCookie());
    if (cookie == null) {
      Json.ok(ctx, Map.of("ok", true));
      return;
    }
    auth.authenticate(cookie.getValue())
        .compose(signedIn -> auth.logout(signedIn.sessionId()))
        .onComplete(done -> Json.ok(ctx, Map.of("ok", true)));
  }

  private void me(RoutingContext ctx) {
    Json.ok(ctx, AuthHandler.signedIn(ctx).user().view());
  }

  private void signedIn(RoutingContext ctx, int status, AuthService.SignIn signIn) {
    ctx.response().addCookie(tokens.cookie(signIn.token()));
    Json.send(ctx, status, signIn.user().view());
  }
}
