package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.FakeStrava;
import fitcoach.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Strava moves its API to a new host on a set date: the app follows on that day, without a restart. */
class StravaApiMoveTest extends StravaTest {
  private final MovableClock calendar = new MovableClock();

  @Override
  protected Clock calendar() {
    return calendar;
  }

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    super.environment(env);
    env.put("STRAVA_NEXT_API_URL", fake.baseUrl() + FakeStrava.MOVED_PREFIX + "/api/v3");
    env.put("STRAVA_API_MOVES_ON", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
    return env;
  }

  @Test
  @DisplayName("Requests go to the current host before the move date and to the new one from that day")
  void followsTheMove() {
    fake.addActivity(Instant.now().minus(Duration.ofDays(1)), "Run");
    connect();
    awaitSyncFinished();
    assertThat(apiPaths()).isNotEmpty().allMatch(p -> p.startsWith("/api/v3/"));

    fake.clearRequests();
    calendar.advance(Duration.ofDays(2));
    fake.addActivity(Instant.now().minus(Duration.ofHours(2)), "Ride");
    assertThat(client.post("/api/strava/sync", null).status()).isEqualTo(202);
    awaitSyncFinished();

    assertThat(apiPaths()).isNotEmpty().allMatch(p -> p.startsWith(FakeStrava.MOVED_PREFIX + "/api/v3/"));
    assertThat(stravaActivities()).isEqualTo(2);
  }

  private java.util.List<String> apiPaths() {
    return fake.requests().stream().map(FakeStrava.Request::path).filter(p -> p.contains("/api/v3/")).toList();
  }
}
