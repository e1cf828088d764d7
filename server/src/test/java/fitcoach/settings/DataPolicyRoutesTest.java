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
    assertThat(p.getJsonArray("alwaysEligible").getList()).containsExactly("file", "strava_export", "manual");
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
    TestDatabase.query("""
        INSERT INTO activities (user_id, source, external_id, sport_type, sport_family, start_date, start_date_local,
          moving_time_s, synced_at)
        SELECT id, s.source, s.ext, 'Run', 'run', now() - interval '30 days', (now() - interval '30 days')::timestamp, 3600, s.updated
        FROM users, (VALUES ('strava', 'old', now() - interval '8 days'), ('strava', 'fresh', now() - interval '1 day'),
                            ('file', 'f1', now() - interval '20 days')) AS s(source, ext, updated)""", rs -> null);
    // The retention runs when the Strava worker starts (and hourly after).
    try (FitCoachApp second = TestApp.start(TestApp.env(TestDatabase.url()))) {
      assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE external_id = 'old'")).isZero();
      assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE external_id IN ('fresh', 'f1')")).isEqualTo(2);
    }

    client.put("/api/settings/data-policy", new JsonObject().put("stravaRetention", "keep"));
    TestDatabase.query("UPDATE activities SET synced_at = now() - interval '9 days' WHERE external_id = 'fresh'", rs -> null);
    try (FitCoachApp third = TestApp.start(TestApp.env(TestDatabase.url()))) {
      assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE external_id = 'fresh'")).isEqualTo(1);
    }
  }
}
