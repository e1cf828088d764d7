package fitcoach.coach;

import java.time.Instant;
import java.util.UUID;

public record ChatSessionView(UUID id, String title, Instant createdAt, Instant updatedAt) {}
