package fitcoach.llm;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation. An assistant turn may carry the tool calls the model made after its text; a user turn
 * may instead carry the results of those calls ({@link #toolResults(List)}), which is how both providers expect them
 * back (Anthropic: a user message of {@code tool_result} blocks; OpenAI: one {@code tool} message per result).
 */
public record LlmMessage(Role role, String content, List<LlmToolCall> toolCalls, List<LlmToolResult> toolResults) {

  public enum Role {
    USER("user"),
    ASSISTANT("assistant");

    private final String wire;

    Role(String wire) {
      this.wire = wire;
    }

    /** The role as both providers spell it. */
    public String wire() {
      return wire;
    }
  }

  public LlmMessage {
    Objects.requireNonNull(role, "role");
    content = content == null ? "" : content;
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    toolResults = toolResults == null ? List.of() : List.copyOf(toolResults);
    if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
      throw new IllegalArgumentException("only assistant turns carry tool calls");
    }
    if (!toolResults.isEmpty() && role != Role.USER) {
      throw new IllegalArgumentException("only user turns carry tool results");
    }
  }

  /** A plain text turn. */
  public LlmMessage(Role role, String content) {
    this(role, content, List.of(), List.of());
  }

  public static LlmMessage user(String content) {
    return new LlmMessage(Role.USER, content);
  }

  public static LlmMessage assistant(String content) {
    return new LlmMessage(Role.ASSISTANT, content);
  }

  /** An assistant turn that ended in tool calls; {@code text} is what the model said before them (may be empty). */
  public static LlmMessage assistant(String text, List<LlmToolCall> calls) {
    return new LlmMessage(Role.ASSISTANT, text, calls, List.of());
  }

  /** The user turn that answers every call of the previous assistant turn. */
  public static LlmMessage toolResults(List<LlmToolResult> results) {
    if (results == null || results.isEmpty()) {
      throw new IllegalArgumentException("a tool results turn needs at least one result");
    }
    return new LlmMessage(Role.USER, "", List.of(), results);
  }
}
