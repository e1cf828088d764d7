package fitcoach.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The session cookie: an HS256 JWT naming the user ({@code sub}) and the session ({@code sid}).
 * Only HS256 with our key verifies; {@code alg: none}, other algorithms, expired and altered tokens fail, and so does
 * a token we could not have issued: without numeric {@code exp} and {@code iat}, living longer than {@link #LIFETIME},
 * or with a subject or session that is not a UUID (the signature proves only who signed, and the key may have signed
 * something else or leaked into a test).
 */
public final class SessionTokens {
  public static final String COOKIE = "fitcoach_token";
  public static final Duration LIFETIME = Duration.ofDays(7);
  private static final String ISSUER = "fitcoach";
  private static final int LEEWAY_SECONDS = 5;
  private final JWTAuth jwt;
  private final boolean secureCookie;

  public SessionTokens(Vertx vertx, String secret, boolean secureCookie) {
    this.secureCookie = secureCookie;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setAudience(List.of(ISSUER)).setLeeway(LEEWAY_SECONDS)));
  }

  public String issue(Session session) {
    return jwt.generateToken(new JsonObject().put("sid", session.id().toString()),
        new JWTOptions()
            .setAlgorithm("HS256")
            .setSubject(session.userId().toString())
            .setIssuer(ISSUER)
            .setAudience(List.of(ISSUER))
            .setExpiresInSeconds((int) LIFETIME.toSeconds()));
  }

  /** The session a token names, if the token is genuine and unexpired. */
  public Future<TokenClaims> verify(String token) {
    try {
      // The principal leaves out the registered claims (exp, iat, ...); the decoded payload is kept as accessToken.
      return jwt.authenticate(new TokenCredentials(token)).map(user -> claims(user.attributes().getJsonObject("accessToken")));
    } catch (RuntimeException e) {
      // The JWT library can throw instead of failing on claims of the wrong type (a string exp).
      return Future.failedFuture(e);
    }
  }

  private static TokenClaims claims(JsonObject claims) {
    long now = Instant.now().getEpochSecond();
    long issuedAt = seconds(claims, "iat");
    long expires = seconds(claims, "exp");
    if (issuedAt > now + LEEWAY_SECONDS || expires <= issuedAt || expires - issuedAt > LIFETIME.toSeconds()
        || expires > now + LIFETIME.toSeconds() + LEEWAY_SECONDS) {
      throw new IllegalArgumentException("token lifetime outside what FitCoach issues");
    }
    if (!(claims.getValue("sub") instanceof String sub) || !(claims.getValue("sid") instanceof String sid)) {
      throw new IllegalArgumentException("sub and sid must be strings");
    }
    return new TokenClaims(UUID.fromString(sub), UUID.fromString(sid));
  }

  private static long seconds(JsonObject claims, String name) {
    if (claims.getValue(name) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 1e15) {
      return n.longValue();
    }
    throw new IllegalArgumentException(name + " must be a whole number of seconds");
  }

  public Cookie cookie(String token) {
    return base(token).setMaxAge(LIFETIME.toSeconds());
  }

  public Cookie expiredCookie() {
    return base("").setMaxAge(0);
  }

  private Cookie base(String value) {
    return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX).setSecure(secureCookie);
  }

  public record TokenClaims(UUID userId, UUID sessionId) {
  }
}
