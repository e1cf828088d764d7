package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StravaStreamsTest extends StravaTest {

  @Test
  @DisplayName("The activity page's streams and details are fetched from Strava once, stored, and served from storage after")
  void streamsOnDemand() {
    fake.history(3, 5);
    connect();
    awaitSyncFinished();
    JsonObject activity = client.get("/api/activities?limit=1").jsonArray("items").getJsonObject(0);
    String id = activity.getString("id");
    fake.clearRequests();

    var first = client.get("/api/activities/" + id + "/streams");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    JsonObject streams = first.json().getJsonObject("streams");
    assertThat(streams.getJsonArray("time")).isNotEmpty();
    assertThat(streams.getJsonArray("time").size()).isEqualTo(streams.getJsonArray("distance").size());
    long calls = fake.requests().stream().filter(r -> r.path().startsWith("/api/v3/activities/")).count();
    assertThat(calls).isEqualTo(2);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE id = ?::uuid AND calories IS NOT NULL", id)).isEqualTo(1);

    var second = client.get("/api/activities/" + id + "/streams");
    assertThat(second.json().getJsonObject("streams")).isEqualTo(streams);
    assertThat(fake.requests().stream().filter(r -> r.path().startsWith("/api/v3/activities/")).count()).isEqualTo(calls);
  }

  @Test
  @DisplayName("Activities that did not come from Strava and have none have no streams: 200 with streams null, Strava is not called; an unknown id is 404")
  void manualActivityHasNoStreams() {
    connect();
    awaitSyncFinished();
    String id = client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", "2026-01-05T07:00")
        .put("durationS", 1800).put("rpe", 5)).json().getString("id");
    fake.clearRequests();
    var none = client.get("/api/activities/" + id + "/streams");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().getValue("streams")).isNull();
    assertThat(none.json().getInteger("points")).isZero();
    assertThat(client.get("/api/activities/" + java.util.UUID.randomUUID() + "/streams").status()).isEqualTo(404);
    assertThat(fake.requests()).isEmpty();
  }
}
