package fitcoach.testing.strava;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth state of the one athlete (B.2–B.5): single-use authorization codes, access tokens that live for a
 * configurable time, and one refresh token that rotates and dies the moment a new one is handed out.
 */
public final class Tokens {
  private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  private static final Duration REUSE_THRESHOLD = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a successful /oauth/token call hands out. */
  public record Issued(String accessToken, Instant expiresAt, String refreshToken) {
  }

  private record Grant(String scope, Instant expiresAt) {
  }

  private final Clock clock;
  private final Map<String, Grant> codes = new HashMap<>();
  private final Map<String, Grant> accessTokens = new HashMap<>();
  private final Map<String, Integer> tokenRequests = new HashMap<>();
  private Duration lifetime = Duration.ofHours(6);
  private boolean rotate = true;
  private String latestAccess;
  private String refreshToken;
  private String refreshScope;

  public Tokens(Clock clock) {
    this.clock = clock;
  }

  public synchronized void lifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }

  public synchronized void rotate(boolean rotate) {
    this.rotate = rotate;
  }

  public synchronized String newCode(String scope) {
    String code = token();
    codes.put(code, new Grant(scope, clock.instant().plus(CODE_LIFETIME)));
    return code;
  }

  /** Trades a code (once) for a fresh access token and a new refresh token; empty if the code is unknown, used or old. */
  public synchronized Optional<Issued> exchange(String code) {
    Grant grant = code == null ? null : codes.remove(code);
    if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
      return Optional.empty();
    }
    refreshToken = token();
    refreshScope = grant.scope();
    return Optional.of(new Issued(newAccess(grant.scope()), expiry(latestAccess), refreshToken));
  }

  /** The B.4 rules: same access token while it has more than an hour left; rotation kills the old refresh token. */
  public synchronized Optional<Issued> refresh(String presented) {
    if (presented == null || !presented.equals(refreshToken)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Grant current = latestAccess == null ? null : accessTokens.get(latestAccess);
    boolean reuse = current != null && Duration.between(now, current.expiresAt()).compareTo(REUSE_THRESHOLD) > 0;
    String access = reuse ? latestAccess : newAccess(refreshScope);
    if (rotate) {
      refreshToken = token();
    }
    return Optional.of(new Issued(access, expiry(access), refreshToken));
  }

  /** The scope of a live access token, empty when unknown, expired or revoked. */
  public synchronized Optional<String> scopeOf(String accessToken) {
    Grant grant = accessToken == null ? null : accessTokens.get(accessToken);
    if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(grant.scope());
  }

  /** Whether {@code token} is the live refresh token or a live access token. */
  public synchronized boolean isLive(String token) {
    return token != null && (token.equals(refreshToken) || scopeOf(token).isPresent());
  }

  public synchronized void revokeAll() {
    codes.clear();
    accessTokens.clear();
    latestAccess = null;
    refreshToken = null;
    refreshScope = null;
  }

  public synchronized void countRequest(String grantType) {
    tokenRequests.merge(String.valueOf(grantType), 1, Integer::sum);
  }

  public synchronized int requests(String grantType) {
    return tokenRequests.getOrDefault(grantType, 0);
  }

  private String newAccess(String scope) {
    // Whole seconds, so expires_at is exactly when the token stops working.
    Instant expiresAt = Instant.ofEpochSecond(clock.instant().plus(lifetime).getEpochSecond());
    latestAccess = token();
    accessTokens.put(latestAccess, new Grant(scope, expiresAt));
    return latestAccess;
  }

  private Instant expiry(String accessToken) {
    return accessTokens.get(accessToken).expiresAt();
  }

  private static String token() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
