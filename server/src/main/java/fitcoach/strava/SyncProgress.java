package fitcoach.strava;

import fitcoach.app.JobState;
import fitcoach.app.SyncMode;
import java.time.Instant;
import java.util.UUID;

/**
 * What the live sync view shows: published on {@code fitcoach.user.<id>.sync}, over SSE and the event-bus bridge.
 * {@code state} is the job's state in the view's words (see {@link #state(JobState)}).
 */
public record SyncProgress(UUID jobId, String state, SyncMode mode, int pagesFetched, int activitiesFetched, int activitiesNew,
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
    return new SyncProgress(job.id(), state(job.state()), job.mode(), job.pagesFetched(), job.activitiesFetched(),
        job.activitiesNew(), job.activitiesUpdated(), job.resumeAt(), job.error(), RateView.of(limiter), job.updatedAt());
  }

  /** The job's value, except that a sync waits only ever for Strava's rate limit, and the view says so. */
  static String state(JobState state) {
    return state == JobState.WAITING ? "waiting-for-rate-limit" : state.value();
  }
}
