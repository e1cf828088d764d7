package fitcoach.llm;

import java.util.List;

/** What to ask: the system prompt, the conversation so far (oldest first, ending with the user's turn), model and output cap. */
public record LlmRequest(String model, String system, List<LlmMessage> messages, int maxTokens) {
  public LlmRequest {
    messages = List.copyOf(messages);
  }
}
