package fitcoach.strava;

import io.vertx.core.json.JsonObject;

/**
 * A Strava sync's position, kept in {@code sync_jobs.cursor} (jsonb) so a restart resumes it: the next {@code page}
 * of {@code GET /athlete/activities} (from 1), and the window Strava is asked for, as epoch seconds ({@code after}
 * for an incremental sync, {@code before} fixed at the start of a backfill so new uploads do not shift its pages).
 *
 * <p>Stored as {@code {"page":2,"before":1767225600}}, the keys earlier versions wrote; reading is lenient, since rows
 * written by any earlier version must still resume: a missing, unreadable or non-positive page is page 1, a missing
 * or unreadable bound is no bound, and keys it does not know are ignored.
 */
public record SyncCursor(int page, Long after, Long before) {
  private static final String PAGE = "page";
  private static final String AFTER = "after";
  private static final String BEFORE = "before";

  public SyncCursor {
    if (page < 1) {
      throw new IllegalArgumentException("Pages start at 1, not " + page);
    }
  }

  /** The whole history up to {@code beforeEpochSecond}, from the first page. */
  static SyncCursor backfill(long beforeEpochSecond) {
    return new SyncCursor(1, null, beforeEpochSecond);
  }

  /** Everything after {@code afterEpochSecond}, from the first page. */
  static SyncCursor incremental(long afterEpochSecond) {
    return new SyncCursor(1, afterEpochSecond, null);
  }

  /** The same window, one page on. */
  SyncCursor next() {
    return new SyncCursor(page + 1, after, before);
  }

  /** The jsonb value: only the keys that are set. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put(PAGE, page);
    if (after != null) {
      json.put(AFTER, after);
    }
    if (before != null) {
      json.put(BEFORE, before);
    }
    return json;
  }

  /** Reads a stored cursor, whatever version wrote it (see the class comment); null reads as a fresh cursor. */
  public static SyncCursor fromJson(JsonObject json) {
    if (json == null) {
      return new SyncCursor(1, null, null);
    }
    Long page = whole(json.getValue(PAGE));
    return new SyncCursor(page == null || page < 1 || page > Integer.MAX_VALUE ? 1 : page.intValue(),
        whole(json.getValue(AFTER)), whole(json.getValue(BEFORE)));
  }

  /** A whole number from a JSON number (a fraction cut, as earlier versions read it) or numeric text; else absent. */
  private static Long whole(Object value) {
    if (value instanceof Number n) {
      return Double.isFinite(n.doubleValue()) ? n.longValue() : null;
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
