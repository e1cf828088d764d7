package fitcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(LlmOptions.defaults());

  @Test
  @DisplayName("408, 409, 429 and every 5xx are retried; other statuses are not, unless x-should-retry says otherwise")
  void retryableStatuses() {
    MultiMap none = MultiMap.caseInsensitiveMultiMap();
    assertThat(java.util.List.of(408, 409, 429, 500, 502, 503, 504, 529))
        .allSatisfy(status -> assertThat(RetryPolicy.retryable(status, none)).as("%d", status).isTrue());
    assertThat(java.util.List.of(400, 401, 403, 404, 413, 422))
        .allSatisfy(status -> assertThat(RetryPolicy.retryable(status, none)).as("%d", status).isFalse());
    assertThat(RetryPolicy.retryable(400, headers("x-should-retry", "true"))).isTrue();
    assertThat(RetryPolicy.retryable(529, headers("x-should-retry", "false"))).isFalse();
  }

  @Test
  @DisplayName("Without server advice the delay is 0.5 s doubling per retry, capped at 8 s, minus up to 25 % jitter")
  void exponentialBackoff() {
    for (int i = 0; i < 50; i++) {
      assertThat(policy.delayMillis(0, null)).isBetween(375L, 500L);
      assertThat(policy.delayMillis(1, null)).isBetween(750L, 1000L);
      assertThat(policy.delayMillis(6, null)).isBetween(6000L, 8000L);
    }
  }

  @Test
  @DisplayName("retry-after-ms wins over retry-after; seconds may be fractional; an HTTP date counts from now")
  void serverAdvice() {
    assertThat(policy.delayMillis(0, headers("retry-after-ms", "1500", "retry-after", "9"))).isEqualTo(1500);
    assertThat(policy.delayMillis(0, headers("retry-after", "2.5"))).isEqualTo(2500);
    String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
    assertThat(policy.delayMillis(0, headers("retry-after", inTenSeconds))).isBetween(8000L, 10000L);
  }

  @Test
  @DisplayName("A server delay above the cap is capped; a garbage value falls back to the backoff")
  void capAndGarbage() {
    RetryPolicy capped = new RetryPolicy(LlmOptions.defaults().withRetryAfterCap(Duration.ofSeconds(60)));
    assertThat(capped.delayMillis(0, headers("retry-after", "3600"))).isEqualTo(60_000);
    assertThat(policy.delayMillis(0, headers("retry-after", "soon"))).isBetween(375L, 500L);
    assertThat(policy.delayMillis(0, headers("retry-after-ms", "-5"))).isBetween(375L, 500L);
  }

  private static MultiMap headers(String... pairs) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      headers.add(pairs[i], pairs[i + 1]);
    }
    return headers;
  }
}
