package fitcoach.coach;

import fitcoach.llm.LlmException;
import fitcoach.llm.LlmResult;
import fitcoach.llm.LlmUsage;

/**
 * How a generation ended, handed to whoever stores the answer before the stream's last frame is sent.
 *
 * @param text everything the model wrote (partial unless complete)
 * @param result usage and stop reason when the provider finished; null otherwise
 * @param error why it failed when {@code status} is ERROR; null otherwise
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

  public LlmUsage usage() {
    return result == null ? LlmUsage.NONE : result.usage();
  }
}
