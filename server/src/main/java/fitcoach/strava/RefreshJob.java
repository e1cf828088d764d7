package fitcoach.strava;

import fitcoach.app.JobState;
import java.time.Instant;
import java.util.UUID;

/**
 * One background refresh of an athlete's Strava copies (a {@code strava_refresh} row of sync_jobs), persisted after
 * every step so a restart resumes it.
 *
 * @param listed activities Strava listed; {@code added} of them were not stored yet
 * @param confirmed stored copies Strava confirmed (by the list or one by one)
 */
record RefreshJob(UUID id, UUID userId, JobState state, RefreshCursor cursor, int pages, int listed, int added, int confirmed,
                  Instant resumeAt, String error, Instant updatedAt, Instant finishedAt) {

  RefreshJob in(JobState newState, Instant resume, String err) {
    return new RefreshJob(id, userId, newState, cursor, pages, listed, added, confirmed, resume, err, Instant.now(),
        newState.finished() ? Instant.now() : null);
  }

  RefreshJob advanced(RefreshCursor newCursor, int morePages, int moreListed, int moreAdded, int moreConfirmed) {
    return new RefreshJob(id, userId, JobState.RUNNING, newCursor, pages + morePages, listed + moreListed, added + moreAdded,
        confirmed + moreConfirmed, null, null, Instant.now(), null);
  }

  /** What the athlete sees in the Strava status: a quiet line beside the sync. */
  View view() {
    return new View(SyncProgress.state(state), listed, confirmed, cursor.removed(), error, updatedAt, finishedAt);
  }

  record View(String state, int activitiesFetched, int confirmed, int removed, String error, Instant updatedAt,
              Instant finishedAt) {
  }
}
