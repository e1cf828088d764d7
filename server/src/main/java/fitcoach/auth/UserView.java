package fitcoach.auth;

import java.time.Instant;
import java.util.UUID;

public record UserView(UUID id, String email, Instant createdAt) {
}
