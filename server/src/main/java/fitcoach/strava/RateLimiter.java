package fitcoach.strava;

import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Strava's per-application budget as its last response reported it (X-RateLimit-* for all calls, X-ReadRateLimit-* for
 * reads). Callers ask {@link #pauseUntil} before each request, so FitCoach stops before a window is exhausted instead of
 * burning the daily budget on rejected requests (rejected requests still count).
 */
public final class RateLimiter {
  private final Clock clock;
  private final long windowSeconds;
  private volatile Usage overall = Usage.UNKNOWN;
  private volatile Usage read = Usage.UNKNOWN;
  private volatile Instant blockedUntil = Instant.EPOCH;

  /** Usage and limits of one family: short window first, then daily. */
  public record Usage(int shortUsage, int shortLimit, int dailyUsage, int dailyLimit) {
    static final Usage UNKNOWN = new Usage(0, 0, 0, 0);

    boolean known() {
      return shortLimit > 0;
    }
  }

  public RateLimiter(Clock clock, long windowSeconds) {
    this.clock = clock;
    this.windowSeconds = windowSeconds;
  }

  public void update(MultiMap headers) {
    parse(headers.get("X-RateLimit-Limit"), headers.get("X-RateLimit-Usage")).ifPresent(u -> overall = u);
    parse(headers.get("X-ReadRateLimit-Limit"), headers.get("X-ReadRateLimit-Usage")).ifPresent(u -> read = u);
  }

  /** Strava answered 429: nothing more until the window (or day) that is exhausted resets. */
  public Instant rejected() {
    Instant now = clock.instant();
    boolean daily = exhaustedDaily(overall, 1.0) || exhaustedDaily(read, 1.0);
    Instant until = daily ? nextMidnight(now) : nextWindow(now);
    blockedUntil = until;
    return until;
  }

  /** When the next request may go out, if not now. */
  public Optional<Instant> pauseUntil() {
    return pauseUntil(1.0);
  }

  /**
   * When the next request of work that may use only {@code share} of each window and day (background work, which
   * leaves the rest to the athlete's syncs and pages) may go out, if not now.
   */
  public Optional<Instant> pauseUntil(double share) {
    Instant now = clock.instant();
    if (now.isBefore(blockedUntil)) {
      return Optional.of(blockedUntil);
    }
    if (exhaustedDaily(overall, share) || exhaustedDaily(read, share)) {
      return Optional.of(nextMidnight(now));
    }
    if (exhaustedShort(overall, share) || exhaustedShort(read, share)) {
      return Optional.of(nextWindow(now));
    }
    return Optional.empty();
  }

  /** The window just reset (a timer fired at its boundary): old usage no longer applies until the next response. */
  public void windowPassed() {
    Instant now = clock.instant();
    if (!now.isBefore(blockedUntil)) {
      overall = new Usage(0, overall.shortLimit(), overall.dailyUsage(), overall.dailyLimit());
      read = new Usage(0, read.shortLimit(), read.dailyUsage(), read.dailyLimit());
    }
  }

  public Usage overall() {
    return overall;
  }

  public Usage read() {
    return read;
  }

  // A small reserve leaves room for webhook fetches and the activity page while a long sync runs.
  private static int reserve(int limit) {
    return Math.min(5, limit / 20);
  }

  private static boolean exhaustedShort(Usage u, double share) {
    return u.known() && u.shortUsage() >= (int) (u.shortLimit() * share) - reserve(u.shortLimit());
  }

  private static boolean exhaustedDaily(Usage u, double share) {
    return u.known() && u.dailyLimit() > 0 && u.dailyUsage() >= (int) (u.dailyLimit() * share) - reserve(u.dailyLimit());
  }

  Instant nextWindow(Instant now) {
    long epoch = now.getEpochSecond();
    return Instant.ofEpochSecond((epoch / windowSeconds + 1) * windowSeconds);
  }

  private static Instant nextMidnight(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Optional<Usage> parse(String limit, String usage) {
    if (limit == null || usage == null) {
      return Optional.empty();
    }
    try {
      String[] l = limit.split(",");
      String[] u = usage.split(",");
      return Optional.of(new Usage(Integer.parseInt(u[0].trim()), Integer.parseInt(l[0].trim()),
          u.length > 1 ? Integer.parseInt(u[1].trim()) : 0, l.length > 1 ? Integer.parseInt(l[1].trim()) : 0));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
