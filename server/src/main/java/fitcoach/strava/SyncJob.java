package fitcoach.strava;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * One Strava sync, persisted after every page so a restart resumes it. The cursor holds the mode's position:
 * {@code before} (fixed at the start so new activities do not shift pages), {@code after}, and the next {@code page}.
 */
public record SyncJob(UUID id, UUID userId, String state, String mode, JsonObject cursor, int pagesFetched, int activitiesFetched,
                      int activitiesNew, int activitiesUpdated, Instant resumeAt, String error, Instant createdAt,
                      Instant updatedAt, Instant finishedAt) {

  public boolean active() {
    return "queued".equals(state) || "running".equals(state) || "waiting".equals(state);
  }

  SyncJob with(String newState, JsonObject newCursor, int pages, int fetched, int added, int updated, Instant resume, String err) {
    return new SyncJob(id, userId, newState, mode, newCursor, pages, fetched, added, updated, resume, err, createdAt,
        Instant.now(), finishedAt);
  }
}
