package fitcoach.coach;

import fitcoach.llm.LlmException;
import fitcoach.llm.LlmResult;
import fitcoach.llm.LlmUsage;

/**
 * How a generation ended, handed to whoever stores the answer before the stream's last frame is sent.
 *
 * @param text everything the model wrote (partial unless complete)
 * @param result usage and stop reason when the provider finished; null otherwise
 * @param error why it failed when {@code status} is ERROR; for INTERRUPTED, the cancellation when there was one (its
 *              usage is what the provider reported before the stop); null otherwise
 */
public record Outcome(Status status, String text, LlmResult result, LlmException error) {

  public enum Status {
    COMPLETE,
    INTERRUPTED,
    ERROR;

    /** As stored in the status columns. */
    public String db() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Tokens as the provider reported them: at the end, or up to a failure or stop. */
  public LlmUsage usage() {
    return result != null ? result.usage() : error != null ? error.usage() : LlmUsage.NONE;
  }
}
