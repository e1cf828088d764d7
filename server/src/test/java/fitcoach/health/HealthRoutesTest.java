package fitcoach.health;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.boot.FitCoachApp;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

  @Test
  @DisplayName("Health is 200 while the database answers and 503 once it is gone")
  void reflectsTheDatabase() throws Exception {
    EmbeddedPostgres own = TestDatabase.embedded();
    try (FitCoachApp app = TestApp.start(TestApp.env(TestDatabase.urlOf(own)))) {
      TestClient client = new TestClient(app.port());
      var up = client.get("/api/health");
      assertThat(up.status()).isEqualTo(200);
      assertThat(up.json().getString("database")).isEqualTo("up");

      own.close();

      var down = client.get("/api/health");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().getString("database")).isEqualTo("down");
    }
  }
}
