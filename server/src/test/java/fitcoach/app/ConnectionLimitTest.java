package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.RawHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One client address holds at most FITCOACH_MAX_CONNECTIONS_PER_CLIENT (here 4) connections; more close at once. */
class ConnectionLimitTest extends ApiTest {
  private static final int LIMIT = 4;

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    env.put("FITCOACH_MAX_CONNECTIONS_PER_CLIENT", Integer.toString(LIMIT));
    return env;
  }

  private static RawHttp.Response health(RawHttp http) {
    http.send(RawHttp.head("GET", "/api/health", Map.of()));
    return http.readResponse(Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("Connections beyond the per-client limit are closed as they open; those within it are served, and a freed slot is reused")
  void excessConnectionsAreClosed() {
    List<RawHttp> held = new ArrayList<>();
    try {
      for (int i = 0; i < LIMIT; i++) {
        held.add(RawHttp.open(app.port()));
      }
      try (RawHttp excess = RawHttp.open(app.port())) {
        // Well before the 20 s header timeout: this is the limit at work.
        assertThat(excess.closedWithin(Duration.ofSeconds(5))).as("the connection over the limit is closed").isTrue();
      }
      for (RawHttp http : held) {
        assertThat(health(http).status()).isEqualTo(200);
      }
      held.remove(0).close();
      // The server sees the close a moment later; until then a new connection may still be one too many.
      Instant deadline = Instant.now().plusSeconds(10);
      while (true) {
        try (RawHttp next = RawHttp.open(app.port())) {
          assertThat(health(next).status()).isEqualTo(200);
          break;
        } catch (IllegalStateException e) {
          // closed before the response: try again
        }
        assertThat(Instant.now()).as("a freed slot is reused").isBefore(deadline);
      }
    } finally {
      held.forEach(RawHttp::close);
    }
  }
}
