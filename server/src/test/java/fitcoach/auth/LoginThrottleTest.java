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
      assertThat(throttle.reserve("10.0.0.1")).isEmpty();
      throttle.recordFailure("10.0.0.1");
      now = now.plus(Duration.ofSeconds(10));
    }
    // The first failure was 50 s ago, so 10 s remain.
    assertThat(throttle.reserve("10.0.0.1")).hasValue(10);
    assertThat(throttle.reserve("10.0.0.2")).isEmpty();
    now = now.plus(Duration.ofSeconds(10));
    assertThat(throttle.reserve("10.0.0.1")).isEmpty();
  }

  @Test
  @DisplayName("Attempts still being checked count: five in flight block a sixth before any has failed")
  void attemptsInFlightCount() {
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.reserve("c")).as("attempt %d", i + 1).isEmpty();
    }
    assertThat(throttle.reserve("c")).hasValue(1);
    assertThat(throttle.reserve("other")).isEmpty();
    throttle.release("c");
    assertThat(throttle.reserve("c")).as("a released attempt frees its place").isEmpty();
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure("c");
    }
    assertThat(throttle.reserve("c")).hasValue(60);
  }

  @Test
  @DisplayName("A successful sign-in clears the client's failures")
  void successResets() {
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < 4; i++) {
      assertThat(throttle.reserve("c")).isEmpty();
      throttle.recordFailure("c");
    }
    assertThat(throttle.reserve("c")).isEmpty();
    throttle.recordSuccess("c");
    assertThat(throttle.reserve("c")).isEmpty();
    throttle.recordFailure("c");
    assertThat(throttle.reserve("c")).isEmpty();
  }
}
