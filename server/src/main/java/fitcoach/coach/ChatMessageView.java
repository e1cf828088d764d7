package fitcoach.coach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored turn; assistant turns carry their model, status, token counts and the activities the coach was given. */
public record ChatMessageView(UUID id, String role, String content, String status, String model, Integer inputTokens,
                              Integer outputTokens, List<UUID> contextActivityIds, Instant createdAt) {}
