package fitcoach.auth;

import java.time.Instant;
import java.util.UUID;

/** The athlete's account. The password hash stays on the server: {@link UserView} is what leaves it. */
public record User(UUID id, String email, String passwordHash, Instant createdAt) {
  public UserView view() {
    return new UserView(id, email, createdAt);
  }
}
