package fitcoach.tokens;

import java.util.UUID;

/** What a valid Bearer token opens: whose data, and for which use ({@link TokenScope}). */
public record TokenGrant(UUID tokenId, UUID userId, String scope) {
}
