package fitcoach.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Metrics behind a trusted reverse proxy with FITCOACH_METRICS_TOKEN: remote clients need the token. */
class MetricsTokenTest extends ApiTest {
  private static final String TOKEN = "scrape-token-0123456789abcdef-0123456789";

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    env.put("FITCOACH_METRICS", "true");
    env.put("FITCOACH_METRICS_TOKEN", TOKEN);
    env.put("TRUSTED_PROXIES", "127.0.0.1");
    return env;
  }

  private TestClient remote() {
    return new TestClient(app.port()).header("X-Forwarded-For", "203.0.113.9");
  }

  @Test
  @DisplayName("A remote client through the trusted proxy gets 401 without the token or with a wrong one, and 200 with it")
  void remoteNeedsTheToken() {
    var none = remote().get("/metrics");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.errorCode()).isEqualTo("unauthorized");
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(none.body()).doesNotContain("vertx_").doesNotContain(TOKEN);

    for (String wrong : new String[] {"Bearer " + TOKEN.substring(1), "Bearer " + TOKEN + "x", "Basic " + TOKEN, TOKEN,
        "Bearer ", "Bearer"}) {
      assertThat(remote().header("Authorization", wrong).get("/metrics").status()).as(wrong).isEqualTo(401);
    }

    var right = remote().header("Authorization", "Bearer " + TOKEN).get("/metrics");
    assertThat(right.status()).isEqualTo(200);
    assertThat(new Scrape(right.body()).has("vertx_http_server_requests_total")).isTrue();
    assertThat(remote().header("Authorization", "bearer " + TOKEN).get("/metrics").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Loopback needs no token, directly or as the client the trusted proxy names")
  void loopbackNeedsNoToken() {
    assertThat(new TestClient(app.port()).get("/metrics").status()).isEqualTo(200);
    assertThat(new TestClient(app.port()).header("X-Forwarded-For", "127.0.0.1").get("/metrics").status()).isEqualTo(200);
    // The proxy appends the address it saw: a client claiming loopback in the header it sends is still remote.
    assertThat(new TestClient(app.port()).header("X-Forwarded-For", "127.0.0.1, 203.0.113.9").get("/metrics").status())
        .isEqualTo(401);
  }
}
