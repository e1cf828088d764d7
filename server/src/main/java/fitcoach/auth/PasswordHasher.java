package fitcoach.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Argon2id password hashing (OWASP parameters: 19 MiB, 2 passes, 1 lane). Hashing costs tens of milliseconds of CPU,
 * so it always runs on a worker thread, never the event loop.
 */
public final class PasswordHasher {
  // Verified against when the email is unknown, so a wrong email costs as much time as a wrong password.
  // The hash of a random string nobody kept, with the same parameters; a constant so start-up need not compute it.
  private static final String DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$Nu9K1Jyj6OEibN+PN7TQ5A$yad4sAy7DOFEgwxXM8Ejdp7qfalWlbHNYhhp+6hcdT4";
  private final Vertx vertx;

  /**
   * Made on first use, on a worker thread: password4j's instance keeps a zeroed copy of its whole 19 MiB work area for
   * as long as it lives, which a server that nobody has signed in to yet need not hold (nor copy through the young
   * generation while it starts).
   */
  private static final class Argon2Holder {
    static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID, 19);
  }

  public PasswordHasher(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> Password.hash(password).addRandomSalt(16).with(Argon2Holder.ARGON2).getResult(), false);
  }

  public Future<Boolean> verify(String password, String hash) {
    String target = hash == null ? DUMMY_HASH : hash;
    return vertx.executeBlocking(() -> Password.check(password, target).with(Argon2Function.getInstanceFromHash(target))
        && hash != null, false);
  }
}
