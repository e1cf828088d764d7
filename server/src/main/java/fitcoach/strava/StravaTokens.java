package fitcoach.strava;

import fitcoach.app.SecretBox;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out a valid access token per athlete. Refreshes when less than five minutes remain and stores the rotated
 * refresh token with the new access token in one write; concurrent callers share the one refresh in flight, since
 * two refreshes with the same refresh token would lock the athlete out.
 */
final class StravaTokens {
  private static final Duration MARGIN = Duration.ofMinutes(5);
  private final StravaRepository repository;
  private final StravaClient client;
  private final SecretBox secretBox;
  private final Clock clock;
  private final Map<UUID, Future<String>> refreshing = new ConcurrentHashMap<>();

  StravaTokens(StravaRepository repository, StravaClient client, SecretBox secretBox, Clock clock) {
    this.repository = repository;
    this.client = client;
    this.secretBox = secretBox;
    this.clock = clock;
  }

  Future<String> accessToken(UUID userId) {
    return repository.connection(userId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new StravaException(StravaException.Kind.REAUTHORIZE, 0, "Strava is not connected", null));
      }
      StravaRepository.Connection c = found.get();
      if (c.needsReauth()) {
        return Future.failedFuture(new StravaException(StravaException.Kind.REAUTHORIZE, 0, "Strava asks you to reconnect", null));
      }
      if (c.expiresAt().minus(MARGIN).isAfter(clock.instant())) {
        return Future.succeededFuture(secretBox.decrypt(c.encryptedAccess(), aad(userId, "access")));
      }
      return refresh(userId, false);
    });
  }

  /** Refreshes now (after Strava refused an access token), joining a refresh already in flight. */
  Future<String> refresh(UUID userId) {
    return refresh(userId, true);
  }

  private Future<String> refresh(UUID userId, boolean force) {
    synchronized (refreshing) {
      Future<String> inFlight = refreshing.get(userId);
      if (inFlight != null) {
        return inFlight;
      }
      Future<String> started = doRefresh(userId, force);
      refreshing.put(userId, started);
      started.onComplete(done -> refreshing.remove(userId, started));
      return started;
    }
  }

  Future<Void> store(UUID userId, StravaClient.Tokens tokens) {
    return repository.saveTokens(userId, secretBox.encrypt(tokens.accessToken(), aad(userId, "access")),
        secretBox.encrypt(tokens.refreshToken(), aad(userId, "refresh")), tokens.expiresAt());
  }

  byte[] encryptAccess(UUID userId, String token) {
    return secretBox.encrypt(token, aad(userId, "access"));
  }

  byte[] encryptRefresh(UUID userId, String token) {
    return secretBox.encrypt(token, aad(userId, "refresh"));
  }

  /** The stored refresh token, for revoking FitCoach on Strava; empty when not connected. */
  Future<java.util.Optional<String>> refreshToken(UUID userId) {
    return repository.connection(userId).map(found -> found.map(c -> secretBox.decrypt(c.encryptedRefresh(), aad(userId, "refresh"))));
  }

  String decryptAccess(UUID userId, byte[] sealed) {
    return secretBox.decrypt(sealed, aad(userId, "access"));
  }

  private Future<String> doRefresh(UUID userId, boolean force) {
    return repository.connection(userId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new StravaException(StravaException.Kind.REAUTHORIZE, 0, "Strava is not connected", null));
      }
      if (!force && found.get().expiresAt().minus(MARGIN).isAfter(clock.instant())) {
        // Another caller refreshed between our read and now: its token is good, and refreshing again would waste it.
        return Future.succeededFuture(secretBox.decrypt(found.get().encryptedAccess(), aad(userId, "access")));
      }
      String refreshToken = secretBox.decrypt(found.get().encryptedRefresh(), aad(userId, "refresh"));
      return client.refresh(refreshToken)
          .compose(tokens -> store(userId, tokens).map(v -> tokens.accessToken()))
          .recover(err -> {
            if (err instanceof StravaException e && e.kind() == StravaException.Kind.REAUTHORIZE) {
              return repository.markNeedsReauth(userId).compose(v -> Future.failedFuture(new StravaException(
                  StravaException.Kind.REAUTHORIZE, e.status(), "Strava asks you to reconnect: the authorisation was revoked or expired", null)));
            }
            return Future.failedFuture(err);
          });
    });
  }

  private static String aad(UUID userId, String which) {
    return "strava_connections:" + userId + ":" + which;
  }
}
