package fitcoach.llm;

import java.util.List;

/**
 * How a completion ended: the model that answered (as the provider echoes it), why it stopped, the tokens used, and
 * the tool calls the model made. For one streamed call, {@code toolCalls} are the calls that ended it (stop reason
 * {@code tool_use} / {@code tool_calls}) and {@code toolRounds} is 0; for a {@link ToolLoop}, {@code toolCalls} are
 * all calls of the answer, {@code toolRounds} how many rounds ran tools, and {@code toolsRejected} whether the server
 * refused tools so the loop answered from its fallback request.
 */
public record LlmResult(String model, String stopReason, LlmUsage usage, List<LlmToolCall> toolCalls, int toolRounds,
    boolean toolsRejected) {
  public LlmResult {
    usage = usage == null ? LlmUsage.NONE : usage;
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public LlmResult(String model, String stopReason, LlmUsage usage) {
    this(model, stopReason, usage, List.of(), 0, false);
  }
}
