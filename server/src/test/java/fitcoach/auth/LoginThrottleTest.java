package fitcoach.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private Instant now = Instant.parse("2026-11-24T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  @DisplayName("Five failures within a minute block the client until the oldest failure is a minute old")
  void blocksAfterFiveFailuresAndReleasesAfterTheWindow() {
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.retryAfter("10.0.0.1")).isEmpty();
      throttle.recordFailure("10.0.0.1");
      now = now.plus(Duration.ofSeconds(10));
    }
    // The first failure was 50 s ago, so 10 s remain.
    assertThat(throttle.retryAfter("10.0.0.1")).hasValue(10);
    assertThat(throttle.retryAfter("10.0.0.2")).isEmpty();
    now = now.plus(Duration.ofSeconds(10));
    assertThat(throttle.retryAfter("10.0.0.1")).isEmpty();
  }

  @Test
  @DisplayName("A successful sign-in clears the client's failures")
  void successResets() {
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure("c");
    }
    throttle.recordSuccess("c");
    throttle.recordFailure("c");
    assertThat(throttle.retryAfter("c")).isEmpty();
  }
}
