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
import java.util.List;
import java.util.UUID;

/**
 * The session cookie: an HS256 JWT naming the user ({@code sub}) and the session ({@code sid}).
 * Only HS256 with our key verifies; {@code alg: none}, other algorithms, expired and altered tokens fail.
 */
public final class SessionTokens {
  public static final String COOKIE = "fitcoach_token";
  public static final Duration LIFETIME = Duration.ofDays(7);
  private static final String ISSUER = "fitcoach";
  private final JWTAuth jwt;
  private final boolean secureCookie;

  public SessionTokens(Vertx vertx, String secret, boolean secureCookie) {
    this.secureCookie = secureCookie;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setAudience(List.of(ISSUER)).setLeeway(5)));
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
    return jwt.authenticate(new TokenCredentials(token)).map(user -> {
      JsonObject claims = user.principal();
      return new TokenClaims(UUID.fromString(claims.getString("sub")), UUID.fromString(claims.getString("sid")));
    });
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
