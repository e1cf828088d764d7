package fitcoach.coach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored turn; assistant turns carry their model, status, token counts and the activities the coach was given. An
 * answer still being written also carries its {@code streamId}, so a reloaded page can follow the rest live.
 */
public record ChatMessageView(UUID id, String role, String content, String status, String model, Integer inputTokens,
                              Integer outputTokens, List<UUID> contextActivityIds, Instant createdAt, String streamId) {

  ChatMessageView withStreamId(String id) {
    return new ChatMessageView(this.id, role, content, status, model, inputTokens, outputTokens, contextActivityIds,
        createdAt, id);
  }
}
