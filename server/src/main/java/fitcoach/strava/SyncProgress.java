package fitcoach.strava;

import java.time.Instant;
import java.util.UUID;

/**
 * What the live sync view shows: published on {@code fitcoach.user.<id>.sync}, over SSE and the event-bus bridge.
 * {@code state} is running, waiting-for-rate-limit, done or failed.
 */
public record SyncProgress(UUID jobId, String state, String mode, int pagesFetched, int activitiesFetched, int activitiesNew,
                           int activitiesUpdated, Instant resumeAt, String error, RateView rateLimit, Instant updatedAt) {

  public record RateView(int shortUsage, int shortLimit, int dailyUsage, int dailyLimit, int readShortUsage, int readShortLimit,
                         int readDailyUsage, int readDailyLimit) {
    static RateView of(RateLimiter limiter) {
      RateLimiter.Usage o = limiter.overall();
      RateLimiter.Usage r = limiter.read();
      return new RateView(o.shortUsage(), o.shortLimit(), o.dailyUsage(), o.dailyLimit(), r.shortUsage(), r.shortLimit(),
          r.dailyUsage(), r.dailyLimit());
    }
  }

  static SyncProgress of(SyncJob job, RateLimiter limiter) {
    String state = "waiting".equals(job.state()) ? "waiting-for-rate-limit" : job.state();
    return new SyncProgress(job.id(), state, job.mode(), job.pagesFetched(), job.activitiesFetched(), job.activitiesNew(),
        job.activitiesUpdated(), job.resumeAt(), job.error(), RateView.of(limiter), job.updatedAt());
  }
}
