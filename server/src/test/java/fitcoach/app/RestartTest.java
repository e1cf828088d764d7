package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.boot.FitCoachApp;
import fitcoach.testing.BlockedThreadDetector;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The zero-configuration path: embedded PostgreSQL and generated secrets in the data folder, kept across restarts. */
class RestartTest {

  @Test
  @DisplayName("Data, secrets and sessions survive a stop and start on the same data folder")
  void restartKeepsData() throws Exception {
    Path dataDir = TestApp.tempDir();
    Map<String, String> env = new HashMap<>(Map.of(
        "HOST", "127.0.0.1", "PORT", "0", "FITCOACH_DATA_DIR", dataDir.toString(),
        "FITCOACH_BLOCKED_THREAD_WARN_MS", "200"));
    BlockedThreadDetector.drain();

    String cookie;
    try (FitCoachApp first = TestApp.start(env)) {
      TestClient client = new TestClient(first.port());
      assertThat(client.post("/api/auth/setup", new JsonObject().put("email", "keep@example.com")
          .put("password", "a durable password")).status()).isEqualTo(201);
      assertThat(client.put("/api/settings/profile", new JsonObject().put("maxHr", 191)).status()).isEqualTo(200);
      assertThat(client.post("/api/settings/apikey", new JsonObject().put("provider", "anthropic")
          .put("key", "sk-ant-keep-me-9876")).status()).isEqualTo(200);
      cookie = client.cookie();
    }
    assertThat(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))).isTrue();
    assertThat(Files.readString(dataDir.resolve("secrets"))).contains("JWT_SECRET=").contains("API_KEY_ENCRYPTION_KEY=");

    try (FitCoachApp second = TestApp.start(env)) {
      TestClient sameBrowser = new TestClient(second.port()).cookie(cookie);
      assertThat(sameBrowser.get("/api/auth/me").json().getString("email")).isEqualTo("keep@example.com");
      assertThat(sameBrowser.get("/api/settings/profile").json().getInteger("maxHr")).isEqualTo(191);
      assertThat(sameBrowser.get("/api/settings/apikey").jsonArray("providers").getJsonObject(0).getString("last4"))
          .isEqualTo("9876");
      TestClient fresh = new TestClient(second.port());
      assertThat(fresh.post("/api/auth/login", new JsonObject().put("email", "keep@example.com")
          .put("password", "a durable password")).status()).isEqualTo(200);
    }
    assertThat(BlockedThreadDetector.drain()).isEmpty();
  }
}
