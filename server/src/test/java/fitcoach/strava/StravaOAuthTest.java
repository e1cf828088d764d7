package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.FakeStrava;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StravaOAuthTest extends StravaTest {

  private static Map<String, String> query(String url) {
    Map<String, String> q = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      q.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return q;
  }

  @Test
  @DisplayName("Connect redirects to Strava's authorize page with the app, redirect URI, scopes and a fresh state")
  void connectRedirect() {
    signedIn();
    var r = client.get("/api/strava/connect");
    assertThat(r.status()).isEqualTo(302);
    String location = r.header("Location");
    assertThat(location).startsWith(fake.baseUrl() + "/oauth/authorize?");
    Map<String, String> q = query(location);
    assertThat(q).containsEntry("client_id", FakeStrava.CLIENT_ID).containsEntry("response_type", "code")
        .containsEntry("approval_prompt", "auto").containsEntry("scope", "read,activity:read_all,profile:read_all");
    assertThat(q.get("redirect_uri")).endsWith("/api/strava/callback");
    assertThat(q.get("state")).hasSizeGreaterThanOrEqualTo(32);
    assertThat(TestDatabase.count("SELECT count(*) FROM oauth_states WHERE state = ?", q.get("state"))).isEqualTo(1);
    assertThat(query(client.get("/api/strava/connect").header("Location")).get("state")).isNotEqualTo(q.get("state"));
  }

  @Test
  @DisplayName("A completed authorisation stores encrypted tokens and the granted scopes, and starts the first sync")
  void connects() {
    fake.history(30, 7);
    assertThat(connect()).isEqualTo("/settings?strava=connected");
    JsonObject status = awaitSyncFinished();
    assertThat(status.getBoolean("connected")).isTrue();
    assertThat(status.getLong("athleteId")).isEqualTo(FakeStrava.ATHLETE_ID);
    assertThat(status.getJsonArray("scopes").getList()).contains("activity:read_all", "profile:read_all");
    assertThat(status.getJsonObject("sync").getString("mode")).isEqualTo("backfill");
    assertThat(status.getString("lastSyncAt")).isNotNull();
    assertThat(stravaActivities()).isEqualTo(30);
    assertThat(status.encode()).doesNotContain("access_token").doesNotContain("refresh_token").doesNotContain("encrypted");
    byte[] stored = TestDatabase.query("SELECT encrypted_access_token FROM strava_connections", rs -> {
      rs.next();
      return rs.getBytes(1);
    });
    assertThat(stored[0]).isEqualTo((byte) 1);
  }

  @Test
  @DisplayName("A callback without a state, with an unknown state, or with a reused or expired one is refused")
  void stateIsChecked() {
    signedIn();
    assertThat(client.get("/api/strava/callback?code=abc&scope=read,activity:read_all").header("Location"))
        .isEqualTo("/settings?strava=error&reason=missing_state");
    assertThat(client.get("/api/strava/callback?state=forged&code=abc&scope=read,activity:read_all").header("Location"))
        .isEqualTo("/settings?strava=error&reason=unknown_state");

    String callback = fake.authorizeAsBrowser(client.get("/api/strava/connect").header("Location"));
    URI uri = URI.create(callback);
    assertThat(client.get(uri.getRawPath() + "?" + uri.getRawQuery()).header("Location")).isEqualTo("/settings?strava=connected");
    assertThat(client.get(uri.getRawPath() + "?" + uri.getRawQuery()).header("Location"))
        .isEqualTo("/settings?strava=error&reason=reused_state");

    String second = fake.authorizeAsBrowser(client.get("/api/strava/connect").header("Location"));
    TestDatabase.query("UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL", rs -> null);
    URI expired = URI.create(second);
    assertThat(client.get(expired.getRawPath() + "?" + expired.getRawQuery()).header("Location"))
        .isEqualTo("/settings?strava=error&reason=expired_state");
    assertThat(fake.tokenRequests("authorization_code")).isEqualTo(1);
  }

  @Test
  @DisplayName("An athlete who unticks 'all activities' is told so instead of being connected to sync nothing")
  void missingScope() {
    fake.grantedScope("read,profile:read_all");
    assertThat(connect()).isEqualTo("/settings?strava=error&reason=missing_activity_scope");
    assertThat(status().getBoolean("connected")).isFalse();
    assertThat(fake.tokenRequests("authorization_code")).isZero();
  }

  @Test
  @DisplayName("Declining on Strava's page comes back as 'denied'")
  void denied() {
    fake.denyAuthorization(true);
    assertThat(connect()).isEqualTo("/settings?strava=error&reason=denied");
    assertThat(status().getBoolean("connected")).isFalse();
  }

  @Test
  @DisplayName("Disconnecting revokes on Strava, forgets the tokens and removes the Strava API copies")
  void disconnect() {
    fake.history(12, 3);
    connect();
    awaitSyncFinished();
    var r = client.delete("/api/strava/disconnect");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getBoolean("revokedOnStrava")).isTrue();
    // Strava API data goes with the authorisation (Strava's rules); nothing else was stored here.
    assertThat(r.json().getLong("stravaCopiesRemoved")).isEqualTo(12);
    assertThat(r.json().getLong("activitiesKept")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM strava_connections")).isZero();
    assertThat(stravaActivities()).isZero();
    assertThat(fake.requests()).anySatisfy(req -> assertThat(req.path()).isEqualTo("/oauth/revoke"));
    assertThat(client.post("/api/strava/sync", null).errorCode()).isEqualTo("strava_not_connected");
  }
}
