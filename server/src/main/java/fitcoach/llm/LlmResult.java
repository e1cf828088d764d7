package fitcoach.llm;

/** How a completion ended: the model that answered (as the provider echoes it), why it stopped, and the tokens used. */
public record LlmResult(String model, String stopReason, LlmUsage usage) {}
