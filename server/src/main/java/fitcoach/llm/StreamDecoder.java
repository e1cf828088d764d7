package fitcoach.llm;

import java.util.function.Consumer;

/**
 * Reads one attempt's server-sent events: text goes to {@code onText}, tool calls are collected, the end of the answer
 * yields the result (with the calls).
 */
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

  /** How many tool calls have begun streaming so far: a call's start counts as the answer's first token. */
  int toolCallsStarted();

  /** The usage the provider has reported so far (what a failed attempt still cost); NONE before any. */
  LlmUsage usage();
}
