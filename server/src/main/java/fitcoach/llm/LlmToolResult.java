package fitcoach.llm;

import java.util.Objects;

/** What a tool call returned, sent back to the model; {@code isError} tells the model the call failed and why. */
public record LlmToolResult(String toolCallId, String content, boolean isError) {
  public LlmToolResult {
    Objects.requireNonNull(toolCallId, "toolCallId");
    content = content == null ? "" : content;
  }
}
