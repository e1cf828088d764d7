package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.testing.TestDatabase;
import fitcoach.testing.strava.Laps;
import fitcoach.testing.strava.Streams;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StravaLapsTest extends StravaTest {

  @Test
  @DisplayName("Strava's laps come with the activity's detail and streams, are stored with them once, and show in its analysis")
  void lapsWithStreams() {
    JsonObject ride = fake.addActivity(Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), "Ride");
    fake.updateActivity(ride.getLong("id"), new JsonObject().put("moving_time", 3600).put("elapsed_time", 3650)
        .put("has_heartrate", true).put("average_heartrate", 145.0).put("max_heartrate", 172.0)
        .put("device_watts", true).put("average_watts", 210.0).put("max_watts", 650));
    JsonObject stored = fake.activities().stream().filter(a -> a.getLong("id").equals(ride.getLong("id"))).findFirst().orElseThrow();
    JsonArray expected = Laps.of(stored, Streams.of(stored));
    assertThat(expected).hasSize(3);
    connect();
    awaitSyncFinished();
    String id = TestDatabase.query("SELECT id FROM activities WHERE external_id = ?", rs -> {
      rs.next();
      return rs.getString(1);
    }, ride.getLong("id").toString());
    assertThat(TestDatabase.count("SELECT count(*) FROM activity_laps")).as("a summary carries no laps").isZero();
    fake.clearRequests();

    assertThat(client.get("/api/activities/" + id + "/streams").status()).isEqualTo(200);
    // Laps come inside the detail: no request of their own against the rate budget.
    assertThat(fake.requests().stream().filter(r -> r.path().startsWith("/api/v3/activities/")).count()).isEqualTo(2);

    JsonArray laps = client.get("/api/activities/" + id + "/analysis").json().getJsonArray("laps");
    assertThat(laps).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonObject want = expected.getJsonObject(i);
      JsonObject lap = laps.getJsonObject(i);
      assertThat(lap.getInteger("index")).isEqualTo(i);
      assertThat(lap.getInteger("startS")).isEqualTo(want.getInteger("start_index"));
      assertThat(lap.getInteger("elapsedS")).isEqualTo(want.getInteger("elapsed_time"));
      assertThat(lap.getInteger("movingS")).isEqualTo(want.getInteger("moving_time"));
      assertThat(lap.getDouble("distanceM")).isCloseTo(want.getDouble("distance"), within(0.05));
      assertThat(lap.getDouble("avgHr")).isCloseTo(want.getDouble("average_heartrate"), within(0.5));
      assertThat(lap.getDouble("avgPowerW")).isCloseTo(want.getDouble("average_watts"), within(0.5));
      // Strava sends no NP per lap: it comes from the streams' 1 Hz grid.
      assertThat(lap.getDouble("normalizedPowerW")).isNotNull().isGreaterThanOrEqualTo(lap.getDouble("avgPowerW") - 0.5);
    }

    // Fetched again (streams stored): nothing is fetched, nothing doubles.
    client.get("/api/activities/" + id + "/streams");
    assertThat(TestDatabase.count("SELECT count(*) FROM activity_laps")).isEqualTo(3);
  }
}
