package fitcoach.llm;

import java.util.List;

/**
 * What to ask: the system prompt, the conversation so far (oldest first, ending with the user's turn or a tool
 * results turn), model and output cap, and the tools the model may call. {@code toolsOff} forces a text answer while
 * still listing the tools (the history may hold calls of them, which both providers want declared).
 */
public record LlmRequest(String model, String system, List<LlmMessage> messages, int maxTokens, List<LlmTool> tools,
    boolean toolsOff) {
  public LlmRequest {
    messages = List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  /** A request without tools. */
  public LlmRequest(String model, String system, List<LlmMessage> messages, int maxTokens) {
    this(model, system, messages, maxTokens, List.of(), false);
  }

  /** The same request with a longer conversation. */
  public LlmRequest withMessages(List<LlmMessage> messages) {
    return new LlmRequest(model, system, messages, maxTokens, tools, toolsOff);
  }

  /** The same request, forced (true) or allowed (false) to answer in text only. */
  public LlmRequest withToolsOff(boolean off) {
    return new LlmRequest(model, system, messages, maxTokens, tools, off);
  }
}
