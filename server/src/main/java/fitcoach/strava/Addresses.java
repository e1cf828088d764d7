package fitcoach.strava;

import java.util.UUID;

/** Event-bus addresses of the Strava feature. User-scoped ones are what the browser may subscribe to. */
public final class Addresses {
  /** Internal: run (or resume) the sync job whose id is the message body. */
  static final String RUN_SYNC = "fitcoach.strava.sync.run";
  /** Internal: process the stored webhook event whose id is the message body. */
  static final String PROCESS_EVENT = "fitcoach.strava.webhook.process";
  /** Internal: delete old webhook events now (the hourly job does it anyway); the reply is how many went. */
  static final String PRUNE_EVENTS = "fitcoach.strava.webhook.prune";
  /**
   * Internal: apply the Strava retention and start the refreshes that are due now (the hourly job does it anyway); the
   * reply is how many refreshes started. Tests send it after moving the calendar.
   */
  public static final String MAINTAIN = "fitcoach.strava.maintain";

  private Addresses() {
  }

  public static String sync(UUID userId) {
    return "fitcoach.user." + userId + ".sync";
  }

  public static String activities(UUID userId) {
    return "fitcoach.user." + userId + ".activities";
  }
}
