package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The per-minute cap on stored webhook events; its own class (and app), since the cap's window outlives one test. */
class StravaWebhookFloodTest extends StravaTest {

  @Test
  @DisplayName("A flood of events naming the right subscription and athlete stores at most the per-minute cap; the rest get 429")
  void floodIsCapped() {
    connect();
    awaitSyncFinished();
    subscribeWebhook();
    TestClient strava = new TestClient(app.port()).nonBrowser();
    int sent = WebhookEvent.PER_MINUTE + 30;
    int accepted = 0;
    int refused = 0;
    String retryAfter = null;
    for (int i = 0; i < sent; i++) {
      var answer = strava.postRaw("/api/strava/webhook", fake.activityEvent("create", 1_000_000L + i).encode());
      if (answer.status() == 200) {
        accepted++;
      } else if (answer.status() == 429) {
        refused++;
        retryAfter = answer.header("Retry-After");
      }
    }
    assertThat(accepted + refused).isEqualTo(sent);
    assertThat(accepted).isLessThanOrEqualTo(WebhookEvent.PER_MINUTE);
    assertThat(refused).isPositive();
    assertThat(retryAfter).isNotNull();
    assertThat(storedEvents()).isEqualTo(accepted);
  }
}
