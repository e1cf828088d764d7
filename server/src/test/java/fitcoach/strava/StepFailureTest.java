package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StepFailureTest {
  private static StravaException failure(StravaException.Kind kind) {
    return new StravaException(kind, 0, "Strava had an error (503)", kind == StravaException.Kind.RATE_LIMITED
        ? Instant.parse("2026-12-06T10:15:00Z") : null);
  }

  @Test
  @DisplayName("A rate limit waits without spending an attempt; a refused token is refreshed once, then the job gives up")
  void waitsAndRefreshesOnce() {
    StepFailure limited = StepFailure.of(failure(StravaException.Kind.RATE_LIMITED), 4, true, 1000);
    assertThat(limited.action()).isEqualTo(StepFailure.Action.WAIT);
    assertThat(limited.until()).isEqualTo(Instant.parse("2026-12-06T10:15:00Z"));

    assertThat(StepFailure.of(failure(StravaException.Kind.UNAUTHORIZED), 0, false, 1000).action())
        .isEqualTo(StepFailure.Action.REFRESH_TOKEN);
    StepFailure again = StepFailure.of(failure(StravaException.Kind.UNAUTHORIZED), 0, true, 1000);
    assertThat(again.action()).isEqualTo(StepFailure.Action.GIVE_UP);
    assertThat(again.reason()).contains("connect Strava again");
  }

  @Test
  @DisplayName("Transient failures are retried with a doubling delay, five attempts in all; anything else gives up with its reason")
  void retriesThenGivesUp() {
    assertThat(StepFailure.of(failure(StravaException.Kind.TRANSIENT), 0, false, 1000).delayMs()).isEqualTo(1000);
    StepFailure third = StepFailure.of(failure(StravaException.Kind.TRANSIENT), 2, false, 1000);
    assertThat(third.action()).isEqualTo(StepFailure.Action.RETRY);
    assertThat(third.delayMs()).isEqualTo(4000);
    StepFailure fifth = StepFailure.of(failure(StravaException.Kind.TRANSIENT), 4, false, 1000);
    assertThat(fifth.action()).isEqualTo(StepFailure.Action.GIVE_UP);
    assertThat(fifth.reason()).contains("gave up after 5 attempts");

    assertThat(StepFailure.of(failure(StravaException.Kind.REAUTHORIZE), 0, false, 1000).action()).isEqualTo(StepFailure.Action.GIVE_UP);
    StepFailure odd = StepFailure.of(new IllegalStateException("disk full"), 0, false, 1000);
    assertThat(odd.action()).isEqualTo(StepFailure.Action.GIVE_UP);
    assertThat(odd.reason()).contains("disk full");
  }
}
