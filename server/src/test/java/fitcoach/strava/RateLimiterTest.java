package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:05:00Z"), ZoneOffset.UTC);

  private RateLimiter limiter(String limit, String usage) {
    RateLimiter l = new RateLimiter(clock, 900);
    l.update(MultiMap.caseInsensitiveMultiMap().add("X-RateLimit-Limit", limit).add("X-RateLimit-Usage", usage)
        .add("X-ReadRateLimit-Limit", limit).add("X-ReadRateLimit-Usage", usage));
    return l;
  }

  @Test
  @DisplayName("Background work stops at its share of the window and resumes at the next one; the athlete's own requests go on")
  void backgroundShare() {
    RateLimiter half = limiter("200,2000", "96,400");
    assertThat(half.pauseUntil(0.5)).contains(Instant.parse("2026-12-06T10:15:00Z"));
    assertThat(half.pauseUntil()).isEmpty();

    assertThat(limiter("200,2000", "80,400").pauseUntil(0.5)).isEmpty();
    // Half the day's budget spent: background work waits for midnight UTC.
    assertThat(limiter("200,2000", "10,996").pauseUntil(0.5)).contains(Instant.parse("2026-12-07T00:00:00Z"));
    assertThat(limiter("200,2000", "10,996").pauseUntil()).isEmpty();
  }
}
