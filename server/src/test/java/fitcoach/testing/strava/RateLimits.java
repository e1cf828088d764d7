package fitcoach.testing.strava;

import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Duration;

/**
 * Strava's per-application budget (B.7): an overall and a read (GET) family, each with a short window aligned to epoch
 * multiples of its length and a daily window that resets at UTC midnight. Rejected requests still count.
 */
public final class RateLimits {
  private static final long DAY_MS = Duration.ofDays(1).toMillis();
  private final Clock clock;
  private final Family overall = new Family(200, 2000);
  private final Family read = new Family(100, 1000);
  private long windowMs = Duration.ofMinutes(15).toMillis();

  public RateLimits(Clock clock) {
    this.clock = clock;
  }

  public synchronized void limits(int shortLimit, int dailyLimit) {
    overall.shortLimit = read.shortLimit = shortLimit;
    overall.dailyLimit = read.dailyLimit = dailyLimit;
  }

  public synchronized void window(Duration window) {
    if (window.toMillis() <= 0) {
      throw new IllegalArgumentException("rate window must be positive: " + window);
    }
    this.windowMs = window.toMillis();
  }

  /** Counts one /api/v3 request, writes the four headers and says whether it is over a limit. */
  public synchronized boolean count(boolean isRead, MultiMap headers) {
    long now = clock.millis();
    overall.roll(now, windowMs);
    read.roll(now, windowMs);
    overall.add();
    if (isRead) {
      read.add();
    }
    headers.set("X-RateLimit-Limit", overall.limits()).set("X-RateLimit-Usage", overall.usage())
        .set("X-ReadRateLimit-Limit", read.limits()).set("X-ReadRateLimit-Usage", read.usage());
    return overall.exceeded() || (isRead && read.exceeded());
  }

  /** Usage of the read family in the current short window. */
  public synchronized int readShortUsage() {
    read.roll(clock.millis(), windowMs);
    return read.shortUsage;
  }

  private static final class Family {
    int shortLimit;
    int dailyLimit;
    int shortUsage;
    int dailyUsage;
    long window = Long.MIN_VALUE;
    long day = Long.MIN_VALUE;

    Family(int shortLimit, int dailyLimit) {
      this.shortLimit = shortLimit;
      this.dailyLimit = dailyLimit;
    }

    void roll(long nowMs, long windowMs) {
      long currentWindow = Math.floorDiv(nowMs, windowMs);
      if (currentWindow != window) {
        window = currentWindow;
        shortUsage = 0;
      }
      long currentDay = Math.floorDiv(nowMs, DAY_MS);
      if (currentDay != day) {
        day = currentDay;
        dailyUsage = 0;
      }
    }

    void add() {
      shortUsage++;
      dailyUsage++;
    }

    boolean exceeded() {
      return shortUsage > shortLimit || dailyUsage > dailyLimit;
    }

    String limits() {
      return shortLimit + "," + dailyLimit;
    }

    String usage() {
      return shortUsage + "," + dailyUsage;
    }
  }
}
