package fitcoach.auth;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: one client (an address) gets at most {@value #MAX_FAILURES} attempts that failed within a
 * minute or are still being checked; further attempts are refused until the oldest failure leaves the window.
 * Attempts in flight count because checking a password takes tens of milliseconds: counting only finished failures
 * let forty parallel guesses all through. Shared by all HTTP verticles.
 */
public final class LoginThrottle {
  static final int MAX_FAILURES = 5;
  private static final long WINDOW_MS = 60_000;
  private static final int MAX_CLIENTS = 10_000;
  private final Map<String, Client> clients = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** One client's recent failures and its attempts being checked; guarded by its own monitor. */
  private static final class Client {
    final Deque<Long> failures = new ArrayDeque<>();
    int inFlight;

    boolean idle() {
      return failures.isEmpty() && inFlight == 0;
    }
  }

  /**
   * Reserves an attempt for the client and returns empty, or returns how many seconds it must wait (nothing is
   * reserved then). Every reservation must end in {@link #recordFailure}, {@link #recordSuccess} or {@link #release}.
   */
  public OptionalLong reserve(String client) {
    if (clients.size() > MAX_CLIENTS) {
      forgetIdleClients();
    }
    long now = clock.millis();
    // compute() holds the map entry, so pruning cannot drop a client between its lookup and its reservation.
    long[] wait = {0};
    clients.compute(client, (key, state) -> {
      Client c = state == null ? new Client() : state;
      prune(c.failures, now);
      if (c.failures.size() + c.inFlight < MAX_FAILURES) {
        c.inFlight++;
      } else if (c.failures.size() >= MAX_FAILURES) {
        wait[0] = Math.max(1, (c.failures.peekFirst() + WINDOW_MS - now + 999) / 1000);
      } else {
        // Blocked by attempts still being checked: they end within moments.
        wait[0] = 1;
      }
      return c;
    });
    return wait[0] == 0 ? OptionalLong.empty() : OptionalLong.of(wait[0]);
  }

  /** The reserved attempt had a wrong email or password. */
  public void recordFailure(String client) {
    long now = clock.millis();
    clients.computeIfPresent(client, (key, c) -> {
      c.inFlight = Math.max(0, c.inFlight - 1);
      c.failures.addLast(now);
      while (c.failures.size() > MAX_FAILURES) {
        c.failures.removeFirst();
      }
      return c;
    });
  }

  /** The reserved attempt signed in: the client's failures are forgiven. */
  public void recordSuccess(String client) {
    clients.computeIfPresent(client, (key, c) -> {
      c.inFlight = Math.max(0, c.inFlight - 1);
      c.failures.clear();
      return c.idle() ? null : c;
    });
  }

  /** The reserved attempt could not be checked (e.g. the database failed): it counts neither way. */
  public void release(String client) {
    clients.computeIfPresent(client, (key, c) -> {
      c.inFlight = Math.max(0, c.inFlight - 1);
      prune(c.failures, clock.millis());
      return c.idle() ? null : c;
    });
  }

  private void forgetIdleClients() {
    long now = clock.millis();
    for (String key : clients.keySet()) {
      clients.computeIfPresent(key, (k, c) -> {
        prune(c.failures, now);
        return c.idle() ? null : c;
      });
    }
  }

  private static void prune(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
      times.removeFirst();
    }
  }
}
