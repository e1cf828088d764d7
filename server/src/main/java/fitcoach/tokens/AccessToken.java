package fitcoach.tokens;

import java.time.Instant;
import java.util.UUID;

/** A personal access token as the athlete sees it in Settings: never the token itself, which is shown once. */
public record AccessToken(UUID id, String name, String scope, Instant createdAt, Instant lastUsedAt) {
}
