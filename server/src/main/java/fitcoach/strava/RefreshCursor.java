package fitcoach.strava;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Where a refresh stands, kept in {@code sync_jobs.cursor} so a restart resumes it. A refresh first walks the athlete's
 * activity list from the newest down ({@code listing}: Strava is asked for activities started before {@code before},
 * epoch seconds, so deletions on Strava during the walk cannot shift what is left to read); every copy it sees is
 * confirmed. Then each copy the walk did not see is asked for by id, after {@code afterId}: Strava's 404 means it was
 * deleted there and the copy goes ({@code removed} counts them).
 *
 * @param since when the walk began, by the app's calendar: copies confirmed before it were not seen
 */
record RefreshCursor(boolean listing, Long before, Instant since, long afterId, int removed) {
  private static final String PHASE = "phase";
  private static final String BEFORE = "before";
  private static final String SINCE = "since";
  private static final String AFTER_ID = "afterId";
  private static final String REMOVED = "removed";

  static RefreshCursor start(Instant now) {
    return new RefreshCursor(true, now.getEpochSecond() + 60, now, 0, 0);
  }

  RefreshCursor listedBefore(long newBefore) {
    return new RefreshCursor(true, newBefore, since, afterId, removed);
  }

  RefreshCursor checking(long newAfterId, int newlyRemoved) {
    return new RefreshCursor(false, before, since, newAfterId, removed + newlyRemoved);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put(PHASE, listing ? "list" : "check").put(SINCE, since.toEpochMilli())
        .put(AFTER_ID, afterId).put(REMOVED, removed);
    if (before != null) {
      json.put(BEFORE, before);
    }
    return json;
  }

  /** Lenient like {@link SyncCursor#fromJson}: what cannot be read restarts the walk at its top. */
  static RefreshCursor fromJson(JsonObject json) {
    JsonObject j = json == null ? new JsonObject() : json;
    Instant since = j.getValue(SINCE) instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Instant.EPOCH;
    return new RefreshCursor(!"check".equals(j.getValue(PHASE)), j.getValue(BEFORE) instanceof Number n ? n.longValue() : null,
        since, j.getValue(AFTER_ID) instanceof Number n ? n.longValue() : 0, j.getValue(REMOVED) instanceof Number n ? n.intValue() : 0);
  }
}
