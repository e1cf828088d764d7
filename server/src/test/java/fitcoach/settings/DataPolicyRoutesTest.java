package fitcoach.settings;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.boot.FitCoachApp;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataPolicyRoutesTest extends ApiTest {

  @BeforeEach
  void signIn() {
    signedIn();
  }

  @Test
  @DisplayName("By default the coach may not read Strava API data and Strava data follows Strava's 7-day policy")
  void defaults() {
    JsonObject p = client.get("/api/settings/data-policy").json();
    assertThat(p.getBoolean("allowStravaApi")).isFalse();
    assertThat(p.getString("stravaRetention")).isEqualTo("strava_policy");
    assertThat(p.getJsonArray("alwaysEligible").getList()).containsExactly("file", "strava_export", "manual", "demo");
    assertThat(p.getString("acknowledgementText")).contains("Strava's API Policy");
  }

  @Test
  @DisplayName("Allowing Strava API data needs the exact acknowledgement, and the choice is stored with its time")
  void acknowledgementRequired() {
    var refused = client.put("/api/settings/data-policy", new JsonObject().put("allowStravaApi", true));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("acknowledgement_required");
    var wrong = client.put("/api/settings/data-policy", new JsonObject().put("allowStravaApi", true).put("acknowledgement", "ok"));
    assertThat(wrong.status()).isEqualTo(422);

    var allowed = client.put("/api/settings/data-policy", new JsonObject().put("allowStravaApi", true)
        .put("acknowledgement", DataPolicy.ACKNOWLEDGEMENT));
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.json().getBoolean("allowStravaApi")).isTrue();
    Instant at = Instant.parse(allowed.json().getString("stravaApiAcknowledgedAt"));
    assertThat(at).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));

    var keep = client.put("/api/settings/data-policy", new JsonObject().put("stravaRetention", "keep"));
    assertThat(keep.json().getString("stravaRetention")).isEqualTo("keep");
    assertThat(keep.json().getString("stravaApiAcknowledgedAt")).isEqualTo(allowed.json().getString("stravaApiAcknowledgedAt"));

    var off = client.put("/api/settings/data-policy", new JsonObject().put("allowStravaApi", false));
    assertThat(off.json().getBoolean("allowStravaApi")).isFalse();
    assertThat(off.json().getValue("stravaApiAcknowledgedAt")).isNull();
    assertThat(client.put("/api/settings/data-policy", new JsonObject().put("stravaRetention", "forever")).status()).isEqualTo(422);
    assertThat(client.put("/api/settings/data-policy", new JsonObject().put("allowStravaApi", "yes")).status()).isEqualTo(422);
  }

  @Test
  @DisplayName("Under the Strava policy, Strava API copies not refreshed for 7 days are removed; file versions and 'keep' stay")
  void retention() {
    // Three copies of one run; the Strava API's were last refreshed from Strava 8 days and 1 day ago (the clock moved on).
    java.time.Instant start = java.time.Instant.now().minus(java.time.Duration.ofDays(30));
    for (String[] copy : new String[][] {{"STRAVA_API", "old"}, {"STRAVA_API", "fresh"}, {"FILE", "f1"}}) {
      fitcoach.testing.Workouts.store(app, fitcoach.testing.Workouts.copy(fitcoach.activities.ActivitySource.valueOf(copy[0]),
          copy[1], "Run", "Run", start, 3600, null, null));
    }
    TestDatabase.query("UPDATE activities SET refreshed_at = now() - interval '8 days' WHERE external_id = 'old'", rs -> null);
    TestDatabase.query("UPDATE activities SET refreshed_at = now() - interval '1 day' WHERE external_id = 'fresh'", rs -> null);
    // The retention runs when the Strava worker starts (and hourly after).
    try (FitCoachApp second = TestApp.start(TestApp.env(TestDatabase.url()))) {
      assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE external_id = 'old'")).isZero();
      assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE external_id IN ('fresh', 'f1')")).isEqualTo(2);
    }

    client.put("/api/settings/data-policy", new JsonObject().put("stravaRetention", "keep"));
    TestDatabase.query("UPDATE activities SET refreshed_at = now() - interval '9 days' WHERE external_id = 'fresh'", rs -> null);
    try (FitCoachApp third = TestApp.start(TestApp.env(TestDatabase.url()))) {
      assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE external_id = 'fresh'")).isEqualTo(1);
    }
  }
}
