package fitcoach.coach.tools;

/**
 * Arguments a tool cannot work with (beyond what its schema checks: a range the wrong way round, an unknown activity).
 * The registry turns it into an {@code is_error} result the model can read and correct; it never reaches the athlete
 * as a failure.
 */
public final class ToolArgumentException extends RuntimeException {
  public ToolArgumentException(String message) {
    super(message, null, false, false);
  }
}
