package fitcoach.coach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored turn; assistant turns carry their model, status, token counts, the activities the coach was given and what
 * they amount to in the athlete's terms ({@code basis}, null for answers stored before it was kept). An
 * answer still being written also carries its {@code streamId}, so a reloaded page can follow the rest live, and every
 * answer the lookups it made ({@code toolCalls}).
 */
public record ChatMessageView(UUID id, String role, String content, String status, String model, Integer inputTokens,
                              Integer outputTokens, List<UUID> contextActivityIds, Instant createdAt, String streamId,
                              AnswerBasis basis, List<ToolTrace> toolCalls) {
  public ChatMessageView {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  ChatMessageView withStreamId(String id) {
    return new ChatMessageView(this.id, role, content, status, model, inputTokens, outputTokens, contextActivityIds,
        createdAt, id, basis, toolCalls);
  }
}
