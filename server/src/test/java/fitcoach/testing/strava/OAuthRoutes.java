package fitcoach.testing.strava;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Strava's OAuth endpoints (B.2–B.5): authorize redirects like the consent page would, token exchanges and refreshes
 * with rotation, deauthorize and revoke. Client credentials are checked on every token call.
 */
public final class OAuthRoutes {
  private final String clientId;
  private final String clientSecret;
  private final long athleteId;
  private final Tokens tokens;
  private final Clock clock;
  private final Runnable onDeauthorized;
  private volatile String grantedScope = "read,activity:read_all,profile:read_all";
  private volatile boolean deny;

  public OAuthRoutes(String clientId, String clientSecret, long athleteId, Tokens tokens, Clock clock, Runnable onDeauthorized) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.athleteId = athleteId;
    this.tokens = tokens;
    this.clock = clock;
    this.onDeauthorized = onDeauthorized;
  }

  public void grantedScope(String scopeCsv) {
    this.grantedScope = scopeCsv;
  }

  public void deny(boolean deny) {
    this.deny = deny;
  }

  public void mount(Router router) {
    router.get("/oauth/authorize").handler(this::authorize);
    router.post("/oauth/token").handler(this::token);
    router.post("/api/v3/oauth/token").handler(this::token);
    router.post("/oauth/deauthorize").handler(this::deauthorize);
    router.post("/oauth/revoke").handler(this::revoke);
  }

  private void authorize(RoutingContext ctx) {
    MultiMap q = ctx.queryParams();
    String redirect = q.get("redirect_uri");
    if (!clientId.equals(q.get("client_id"))) {
      Wire.json(ctx, 400, StravaErrors.badRequest("Application", "client_id", "invalid"));
    } else if (!isHttpUrl(redirect)) {
      Wire.json(ctx, 400, StravaErrors.badRequest("Application", "redirect_uri", "invalid"));
    } else if (!"code".equals(q.get("response_type"))) {
      Wire.json(ctx, 400, StravaErrors.badRequest("Application", "response_type", "invalid"));
    } else {
      String state = q.get("state") == null ? "" : q.get("state");
      String scope = grantedScope;
      String outcome = deny ? "&error=access_denied" : "&code=" + tokens.newCode(scope) + "&scope=" + encode(scope);
      String location = redirect + (redirect.contains("?") ? "&" : "?") + "state=" + encode(state) + outcome;
      ctx.response().setStatusCode(302).putHeader("Location", location).end();
    }
  }

  private void token(RoutingContext ctx) {
    MultiMap p = Wire.params(ctx);
    String grantType = p.get("grant_type");
    tokens.countRequest(grantType);
    if (!clientId.equals(p.get("client_id"))) {
      Wire.json(ctx, 400, StravaErrors.badRequest("Application", "client_id", "invalid"));
    } else if (!clientSecret.equals(p.get("client_secret"))) {
      Wire.json(ctx, 400, StravaErrors.badRequest("Application", "client_secret", "invalid"));
    } else if ("authorization_code".equals(grantType)) {
      answer(ctx, tokens.exchange(p.get("code")), true, "AuthorizationCode", "code");
    } else if ("refresh_token".equals(grantType)) {
      answer(ctx, tokens.refresh(p.get("refresh_token")), false, "RefreshToken", "refresh_token");
    } else {
      Wire.json(ctx, 400, StravaErrors.badRequest("Application", "grant_type", "invalid"));
    }
  }

  private void answer(RoutingContext ctx, Optional<Tokens.Issued> issued, boolean withAthlete, String resource, String field) {
    if (issued.isEmpty()) {
      Wire.json(ctx, 400, StravaErrors.badRequest(resource, field, "invalid"));
      return;
    }
    Tokens.Issued t = issued.get();
    long expiresAt = t.expiresAt().getEpochSecond();
    JsonObject body = new JsonObject().put("token_type", "Bearer").put("expires_at", expiresAt)
        .put("expires_in", Math.max(0, expiresAt - clock.instant().getEpochSecond()))
        .put("refresh_token", t.refreshToken()).put("access_token", t.accessToken());
    if (withAthlete) {
      body.put("athlete", Athlete.summary(athleteId));
    }
    Wire.json(ctx, 200, body);
  }

  private void deauthorize(RoutingContext ctx) {
    String token = Wire.accessToken(ctx);
    if (tokens.scopeOf(token).isEmpty()) {
      Wire.json(ctx, 401, StravaErrors.invalidToken());
      return;
    }
    tokens.revokeAll();
    Wire.json(ctx, 200, new JsonObject().put("access_token", token));
    onDeauthorized.run();
  }

  /**
   * {@code POST /oauth/revoke}, the only deauthorisation from 2027-06-01: the app's credentials in HTTP Basic, the access
   * or refresh token as {@code token} in the form; revoking either revokes both. Like OAuth token revocation (RFC 7009),
   * a token it does not know answers 200 too.
   */
  private void revoke(RoutingContext ctx) {
    String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
        .getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(ctx.request().getHeader("Authorization"))) {
      Wire.json(ctx, 401, StravaErrors.badRequest("Application", "client_secret", "invalid").put("message", "Authorization Error"));
      return;
    }
    String token = Wire.params(ctx).get("token");
    if (token == null || token.isBlank()) {
      Wire.json(ctx, 400, StravaErrors.badRequest("Token", "token", "missing"));
      return;
    }
    boolean live = tokens.isLive(token);
    if (live) {
      tokens.revokeAll();
    }
    Wire.json(ctx, 200, new JsonObject());
    if (live) {
      onDeauthorized.run();
    }
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = url == null ? null : new URI(url);
      return uri != null && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (Exception e) {
      return false;
    }
  }

  /** Strava leaves commas and colons of the scope list unescaped. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ",").replace("%3A", ":");
  }
}
