package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The per-minute cap on stored webhook events; its own class (and app), since the cap's window outlives one test. */
class StravaWebhookFloodTest extends StravaTest {

  @Test
  @DisplayName("A flood of events naming the right subscription and athlete stores at most the per-minute cap; the rest get 429")
  void floodIsCapped() throws Exception {
    connect();
    awaitSyncFinished();
    subscribeWebhook();
    TestClient strava = new TestClient(app.port()).nonBrowser();
    int sent = WebhookEvent.PER_MINUTE + 30;
    // Sent from eight threads, so the whole flood lands well within the cap's one-minute window even on a busy machine.
    List<TestClient.Response> answers = new CopyOnWriteArrayList<>();
    var pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> posts = new ArrayList<>();
      for (int i = 0; i < sent; i++) {
        long objectId = 1_000_000L + i;
        posts.add(pool.submit(() -> answers.add(strava.postRaw("/api/strava/webhook", fake.activityEvent("create", objectId).encode()))));
      }
      for (Future<?> post : posts) {
        post.get();
      }
    } finally {
      pool.shutdown();
    }
    long accepted = answers.stream().filter(a -> a.status() == 200).count();
    long refused = answers.stream().filter(a -> a.status() == 429).count();
    String retryAfter = answers.stream().filter(a -> a.status() == 429).findFirst().map(a -> a.header("Retry-After")).orElse(null);
    assertThat(accepted + refused).isEqualTo(sent);
    assertThat(accepted).isLessThanOrEqualTo(WebhookEvent.PER_MINUTE);
    assertThat(refused).isPositive();
    assertThat(retryAfter).isNotNull();
    assertThat(storedEvents()).isEqualTo(accepted);
  }
}
