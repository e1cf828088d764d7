package fitcoach.tokens;

import java.time.Instant;
import java.util.UUID;

/** What a valid Bearer token opens: whose data, for which use ({@link TokenScope}), and when it was last used. */
public record TokenGrant(UUID tokenId, UUID userId, String scope, Instant lastUsedAt) {
}
