package fitcoach.strava;

import fitcoach.activities.ActivityStore;
import fitcoach.app.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the Strava settings say about the stored Strava API copies: how many, when Strava last confirmed the least
 * recently confirmed one, and, under the "strava_policy" retention, when that one goes and whether copies are at risk
 * of going (with the reason, so the athlete can act before it happens).
 *
 * @param reason when {@code atRisk}: "reconnect" (Strava asks to connect again), "refresh_failing" or "not_connected"
 */
record CopiesView(long count, Instant oldestRefreshedAt, Instant expiresAt, String retention, boolean atRisk, String reason) {
  /** A healthy refresh confirms copies daily; two days without one means refreshes are failing. */
  static final Duration LATE_AFTER = Duration.ofDays(2);

  static CopiesView of(StravaRepository.Copies copies, String retention, Optional<StravaRepository.Connection> connection,
                       Optional<RefreshJob> latestRefresh, Instant now) {
    boolean expiring = "strava_policy".equals(retention) && copies.count() > 0 && copies.oldestRefreshedAt() != null;
    Instant expiresAt = expiring ? copies.oldestRefreshedAt().plus(ActivityStore.STRAVA_CACHE_LIMIT) : null;
    String reason = null;
    if (expiring) {
      if (connection.isEmpty()) {
        reason = "not_connected";
      } else if (connection.get().needsReauth()) {
        reason = "reconnect";
      } else if (latestRefresh.map(j -> j.state() == JobState.FAILED).orElse(false)
          || copies.oldestRefreshedAt().isBefore(now.minus(LATE_AFTER))) {
        reason = "refresh_failing";
      }
    }
    return new CopiesView(copies.count(), copies.oldestRefreshedAt(), expiresAt, retention, reason != null, reason);
  }
}
