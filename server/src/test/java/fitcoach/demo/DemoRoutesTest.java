package fitcoach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoRoutesTest extends ApiTest {

  @Test
  @DisplayName("The demo athlete fills an empty instance with two labelled years that use every load method, and can be removed")
  void loadAndRemove() {
    signedIn();
    var created = client.post("/api/demo", null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    int count = created.json().getInteger("activities");
    assertThat(count).isBetween(400, 800);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE source = 'demo' AND name LIKE 'Demo · %'")).isEqualTo(count);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE local_date < current_date - 700")).isGreaterThan(0);

    Set<String> methods = new HashSet<>();
    TestDatabase.query("SELECT DISTINCT load_method FROM activities", rs -> {
      while (rs.next()) {
        methods.add(rs.getString(1));
      }
      return null;
    });
    assertThat(methods).contains("POWER", "HEART_RATE", "RPE", "HISTORY");
    JsonObject stats = client.get("/api/activities/stats").json();
    assertThat(stats.getDouble("ctl")).isBetween(20.0, 120.0);
    assertThat(stats.getBoolean("warmingUp")).isFalse();

    assertThat(client.post("/api/demo", null).errorCode()).isEqualTo("demo_exists");
    var removed = client.delete("/api/demo");
    assertThat(removed.json().getInteger("removed")).isEqualTo(count);
    assertThat(client.get("/api/activities").json().getLong("total")).isZero();
    assertThat(client.get("/api/load/pmc").jsonArray("days")).isEmpty();
  }

  @Test
  @DisplayName("The demo refuses an instance that already has the athlete's own activities")
  void refusesNonEmpty() {
    signedIn();
    client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", "2026-01-05T07:00")
        .put("durationS", 1800).put("rpe", 5));
    var r = client.post("/api/demo", new JsonObject().put("years", 1));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorCode()).isEqualTo("not_empty");
    assertThat(client.post("/api/demo", new JsonObject().put("years", 11)).status()).isEqualTo(422);
  }
}
