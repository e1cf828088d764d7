package fitcoach.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo athlete's recent rides and runs are stored with 1 Hz streams and laps, through the store like an import. */
class DemoAnalysisTest extends ApiTest {

  private String one(String sql) {
    return TestDatabase.query(sql, rs -> rs.next() ? rs.getString(1) : null);
  }

  @Test
  @DisplayName("A demo ride's analysis from its stored streams gives the NP and average power of its summary; a run gives best efforts; intervals have laps")
  void demoStreamsAgreeWithSummaries() {
    signedIn();
    var created = client.post("/api/demo", null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    System.out.println("demo created: " + created.json().encode());
    long recorded = TestDatabase.count("SELECT count(*) FROM activity_streams s JOIN activities a ON a.id = s.activity_id"
        + " WHERE a.source = 'demo'");
    assertThat(recorded).isBetween(100L, (long) DemoService.MAX_RECORDED);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities a WHERE sport_type IN ('Ride', 'Run', 'VirtualRide')"
        + " AND local_date > current_date - 700 AND NOT EXISTS (SELECT 1 FROM activity_streams s WHERE s.activity_id = a.id)"))
        .as("every recent ride and run has streams").isZero();

    String ride = one("SELECT a.id FROM activities a JOIN activity_streams s ON s.activity_id = a.id"
        + " WHERE a.sport_type = 'VirtualRide' ORDER BY a.start_date DESC LIMIT 1");
    JsonObject summary = client.get("/api/activities/" + ride).json();
    JsonObject analysis = client.get("/api/activities/" + ride + "/analysis").json();
    assertThat(analysis.getBoolean("streams")).isTrue();
    assertThat(analysis.getDouble("normalizedPowerW")).isCloseTo(summary.getDouble("weightedPowerW"), within(1.0));
    JsonArray power = analysis.getJsonObject("curves").getJsonArray("power");
    JsonObject longest = power.getJsonObject(power.size() - 1);
    assertThat(longest.getDouble("value")).isLessThanOrEqualTo(summary.getDouble("avgPowerW") * 1.01 + 1);
    assertThat(power.getJsonObject(0).getDouble("value")).isGreaterThan(summary.getDouble("avgPowerW"));
    assertThat(analysis.getJsonArray("laps")).as("a trainer session's efforts are laps").hasSizeGreaterThanOrEqualTo(5);

    String run = one("SELECT a.id FROM activities a JOIN activity_streams s ON s.activity_id = a.id"
        + " WHERE a.sport_type = 'Run' ORDER BY a.start_date DESC LIMIT 1");
    JsonArray efforts = client.get("/api/activities/" + run + "/analysis").json().getJsonArray("bestEfforts");
    assertThat(efforts).extracting(e -> ((JsonObject) e).getDouble("distanceM")).contains(400.0, 1000.0, 5000.0);

    assertThat(TestDatabase.count("SELECT count(*) FROM activity_laps l JOIN activities a ON a.id = l.activity_id"
        + " WHERE a.name LIKE '%Threshold intervals%'")).isPositive();
    assertThat(client.delete("/api/demo").status()).isEqualTo(200);
    assertThat(TestDatabase.count("SELECT count(*) FROM activity_laps")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM activity_streams")).isZero();
  }
}
