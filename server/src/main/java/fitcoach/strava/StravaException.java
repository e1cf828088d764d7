package fitcoach.strava;

import java.time.Instant;

/** A failed Strava call, classified by what the caller should do about it. */
public final class StravaException extends RuntimeException {
  public enum Kind {
    /** 429: wait until {@link #resumeAt}. */
    RATE_LIMITED,
    /** 5xx, timeouts, connection errors, unreadable bodies: retry with backoff. */
    TRANSIENT,
    /** 401 on a resource: the access token is bad; refresh once. */
    UNAUTHORIZED,
    /** The athlete must connect again (dead refresh token, missing scope, deauthorised). */
    REAUTHORIZE,
    /** 404: the object is gone. */
    NOT_FOUND,
    /** Anything else (4xx we did not expect). */
    FAILED
  }

  private final Kind kind;
  private final int status;
  private final Instant resumeAt;

  public StravaException(Kind kind, int status, String message, Instant resumeAt) {
    super(message, null, false, false);
    this.kind = kind;
    this.status = status;
    this.resumeAt = resumeAt;
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return status;
  }

  public Instant resumeAt() {
    return resumeAt;
  }
}
