package fitcoach.strava;

import java.time.Instant;

/**
 * What a Strava job (a sync, a refresh) does after one of its steps failed, the same for every job: wait out a rate
 * limit without spending an attempt; refresh the access token once when Strava refuses it; retry what is transient
 * with a doubling delay, {@link #MAX_ATTEMPTS} times in all; and give up, saying why, on anything else.
 */
record StepFailure(Action action, Instant until, long delayMs, String reason) {
  static final int MAX_ATTEMPTS = 5;

  enum Action { WAIT, REFRESH_TOKEN, RETRY, GIVE_UP }

  /**
   * @param attempt how many times this step failed before (0 the first time)
   * @param tokenRefreshed whether the access token was already refreshed for this step
   */
  static StepFailure of(Throwable err, int attempt, boolean tokenRefreshed, long retryBaseMs) {
    if (!(err instanceof StravaException e)) {
      return giveUp("Failed unexpectedly: " + err.getMessage());
    }
    return switch (e.kind()) {
      case RATE_LIMITED -> new StepFailure(Action.WAIT, e.resumeAt(), 0, null);
      case UNAUTHORIZED -> tokenRefreshed ? giveUp("Strava keeps refusing the access token; connect Strava again")
          : new StepFailure(Action.REFRESH_TOKEN, null, 0, null);
      case TRANSIENT -> attempt + 1 >= MAX_ATTEMPTS
          ? giveUp(e.getMessage() + " — gave up after " + MAX_ATTEMPTS + " attempts; try again later")
          : new StepFailure(Action.RETRY, null, retryBaseMs << attempt, e.getMessage());
      default -> giveUp(e.getMessage());
    };
  }

  private static StepFailure giveUp(String reason) {
    return new StepFailure(Action.GIVE_UP, null, 0, reason);
  }
}
