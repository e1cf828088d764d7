package fitcoach.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.boot.FitCoachApp;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecureCookieTest {

  @Test
  @DisplayName("Behind an https FRONTEND_URL the cookie is Secure, and that origin may write")
  void secureBehindHttps() {
    TestDatabase.truncateAll();
    Map<String, String> env = TestApp.env(TestDatabase.url());
    env.put("FRONTEND_URL", "https://coach.example.com");
    try (FitCoachApp app = TestApp.start(env)) {
      var r = new TestClient(app.port()).header("Origin", "https://coach.example.com")
          .post("/api/auth/setup", new JsonObject().put("email", "a@example.com").put("password", "a long password"));
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.headerValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("Secure").containsIgnoringCase("HttpOnly"));
    }
  }
}
