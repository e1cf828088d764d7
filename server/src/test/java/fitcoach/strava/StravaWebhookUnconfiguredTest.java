package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Webhook events reaching a server without Strava credentials. */
class StravaWebhookUnconfiguredTest extends ApiTest {

  @Test
  @DisplayName("Without Strava credentials no webhook event is stored, even one matching a leftover subscription and connection")
  void nothingStoredWhenNotConfigured() {
    signedIn();
    String userId = client.get("/api/auth/me").json().getString("id");
    // What a server keeps after its Strava variables were removed: the subscription and the connection rows.
    TestDatabase.query("INSERT INTO strava_subscriptions (id, callback_url) VALUES (7, 'https://example.org/api/strava/webhook')", rs -> null);
    TestDatabase.query("""
        INSERT INTO strava_connections (user_id, athlete_id, encrypted_access_token, encrypted_refresh_token, expires_at, scopes)
        VALUES (?::uuid, 134815, '\\x00'::bytea, '\\x00'::bytea, now() + interval '1 hour', ARRAY['activity:read_all'])""",
        rs -> null, userId);
    JsonObject event = new JsonObject().put("aspect_type", "delete").put("event_time", 1_700_000_000L).put("object_id", 1L)
        .put("object_type", "activity").put("owner_id", 134815L).put("subscription_id", 7L).put("updates", new JsonObject());

    var answer = new TestClient(app.port()).nonBrowser().postRaw("/api/strava/webhook", event.encode());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(TestDatabase.count("SELECT count(*) FROM webhook_events")).isZero();
  }
}
