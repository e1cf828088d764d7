package fitcoach.strava;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * At most {@code limit} webhook events stored in any {@code window}: a sliding window of the last admissions, shared by
 * every HTTP event loop (a fixed per-minute counter would let twice the limit through around a minute boundary).
 */
final class WebhookBudget {
  private final Clock clock;
  private final int limit;
  private final Duration window;
  private final ArrayDeque<Instant> admitted = new ArrayDeque<>();

  WebhookBudget(Clock clock, int limit, Duration window) {
    this.clock = clock;
    this.limit = limit;
    this.window = window;
  }

  /** Takes one place; empty when granted, else when the next place frees. */
  synchronized Optional<Instant> admit() {
    Instant now = clock.instant();
    while (!admitted.isEmpty() && !admitted.peekFirst().plus(window).isAfter(now)) {
      admitted.pollFirst();
    }
    if (admitted.size() >= limit) {
      return Optional.of(admitted.peekFirst().plus(window));
    }
    admitted.addLast(now);
    return Optional.empty();
  }

  /** Gives a place back (the event turned out to be a redelivery and was not stored). */
  synchronized void release() {
    admitted.pollLast();
  }
}
