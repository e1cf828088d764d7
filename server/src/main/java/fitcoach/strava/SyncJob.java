package fitcoach.strava;

import fitcoach.app.JobState;
import fitcoach.app.SyncMode;
import java.time.Instant;
import java.util.UUID;

/** One Strava sync, persisted after every page so a restart resumes it from its {@link SyncCursor}. */
public record SyncJob(UUID id, UUID userId, JobState state, SyncMode mode, SyncCursor cursor, int pagesFetched,
                      int activitiesFetched, int activitiesNew, int activitiesUpdated, Instant resumeAt, String error,
                      Instant createdAt, Instant updatedAt, Instant finishedAt) {

  public boolean active() {
    return !state.finished();
  }

  /** The same position and counts in another state. */
  SyncJob in(JobState newState, Instant resume, String err) {
    return with(newState, cursor, pagesFetched, activitiesFetched, activitiesNew, activitiesUpdated, resume, err);
  }

  SyncJob with(JobState newState, SyncCursor newCursor, int pages, int fetched, int added, int updated, Instant resume, String err) {
    return new SyncJob(id, userId, newState, mode, newCursor, pages, fetched, added, updated, resume, err, createdAt,
        Instant.now(), finishedAt);
  }
}
