package fitcoach.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginThrottleRoutesTest extends ApiTest {

  @Test
  @DisplayName("After five failed sign-ins in a minute the client gets 429 with Retry-After, even with the right password")
  void throttlesRepeatedFailures() {
    signedIn();
    var attacker = new fitcoach.testing.TestClient(app.port());
    for (int i = 0; i < 5; i++) {
      var r = attacker.post("/api/auth/login", new JsonObject().put("email", EMAIL).put("password", "guess number " + i));
      assertThat(r.status()).as("attempt %d", i + 1).isEqualTo(401);
    }
    var blocked = attacker.post("/api/auth/login", new JsonObject().put("email", EMAIL).put("password", PASSWORD));
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.errorCode()).isEqualTo("too_many_requests");
    long retryAfter = Long.parseLong(blocked.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(attacker.cookie()).isNull();
  }
}
