package fitcoach.auth;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins within a minute from one client,
 * further attempts are refused until the oldest failure leaves the window. Shared by all HTTP verticles.
 */
public final class LoginThrottle {
  static final int MAX_FAILURES = 5;
  private static final long WINDOW_MS = 60_000;
  private static final int MAX_CLIENTS = 10_000;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds the client must wait, if it is currently blocked. */
  public OptionalLong retryAfter(String client) {
    Deque<Long> times = failures.get(client);
    if (times == null) {
      return OptionalLong.empty();
    }
    synchronized (times) {
      long now = clock.millis();
      prune(times, now);
      if (times.size() < MAX_FAILURES) {
        return OptionalLong.empty();
      }
      long waitMs = times.peekFirst() + WINDOW_MS - now;
      return OptionalLong.of(Math.max(1, (waitMs + 999) / 1000));
    }
  }

  public void recordFailure(String client) {
    if (failures.size() > MAX_CLIENTS) {
      long now = clock.millis();
      failures.values().removeIf(times -> {
        synchronized (times) {
          prune(times, now);
          return times.isEmpty();
        }
      });
    }
    Deque<Long> times = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.millis());
      while (times.size() > MAX_FAILURES) {
        times.removeFirst();
      }
    }
  }

  public void recordSuccess(String client) {
    failures.remove(client);
  }

  private static void prune(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
      times.removeFirst();
    }
  }
}
