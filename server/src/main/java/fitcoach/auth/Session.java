package fitcoach.auth;

import java.time.Instant;
import java.util.UUID;

/** One signed-in browser. The cookie's JWT names it, so signing out can revoke exactly this one. */
public record Session(UUID id, UUID userId, Instant expiresAt) {
}
