package fitcoach.settings;

import java.time.Instant;

/**
 * The athlete's coach data policy. Device files, exports and manual entries are always eligible for the coach; Strava
 * API data only when {@code allowStravaApi} (set with an acknowledgement of Strava's API Policy, kept with its time).
 * {@code stravaRetention} "strava_policy" removes Strava-API-only data after 7 days, as that policy requires.
 */
public record DataPolicy(boolean allowStravaApi, Instant stravaApiAcknowledgedAt, String stravaRetention, Instant updatedAt) {
  public static final String ACKNOWLEDGEMENT = "I understand that Strava's API Policy does not allow Strava API data in an AI "
      + "model's context, and I choose to let my coach read my Strava API data anyway.";

  public static DataPolicy defaults() {
    return new DataPolicy(false, null, "strava_policy", null);
  }
}
