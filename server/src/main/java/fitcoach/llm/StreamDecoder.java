package fitcoach.llm;

import java.util.function.Consumer;

/** Reads one attempt's server-sent events: text goes to {@code onText}, the end of the answer yields the result. */
interface StreamDecoder {

  /**
   * Handles one event. Returns the result once the provider said the answer is complete, else null.
   *
   * @throws LlmException for an error the provider reported in the stream, or a stream out of order or unreadable
   */
  LlmResult onEvent(SseEvent event, Consumer<String> onText);

  /** The stream hit end of file before a result: a result when this format allows it, else null (a failure). */
  default LlmResult atEnd() {
    return null;
  }
}
