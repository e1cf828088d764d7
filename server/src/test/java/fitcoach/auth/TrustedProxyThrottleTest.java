package fitcoach.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Behind a reverse proxy on 127.0.0.1 (TRUSTED_PROXIES), the throttle counts the clients the proxy names. */
class TrustedProxyThrottleTest extends ApiTest {

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    env.put("TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8");
    return env;
  }

  private int wrongLogin(String forwardedFor) {
    TestClient c = new TestClient(app.port());
    if (forwardedFor != null) {
      c.header("X-Forwarded-For", forwardedFor);
    }
    return c.post("/api/auth/login", new JsonObject().put("email", EMAIL).put("password", "a wrong password")).status();
  }

  @Test
  @DisplayName("Clients named by a trusted proxy's X-Forwarded-For are throttled one by one")
  void forwardedClientsAreThrottledSeparately() {
    signedIn();
    for (int i = 0; i < 5; i++) {
      assertThat(wrongLogin("203.0.113.1")).as("attempt %d", i + 1).isEqualTo(401);
    }
    assertThat(wrongLogin("203.0.113.1")).isEqualTo(429);
    // The nearest untrusted hop is the client: what it claims further left does not matter, trusted hops are skipped.
    assertThat(wrongLogin("198.51.100.9, 203.0.113.1")).isEqualTo(429);
    assertThat(wrongLogin("203.0.113.1, 10.1.2.3")).isEqualTo(429);
    assertThat(wrongLogin("203.0.113.2")).isEqualTo(401);
    assertThat(wrongLogin("not an address, 203.0.113.3")).isEqualTo(401);
    assertThat(wrongLogin(null)).as("the proxy's own requests").isEqualTo(401);
  }
}
