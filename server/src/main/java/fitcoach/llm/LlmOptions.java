package fitcoach.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * Network behaviour of the LLM clients. The defaults follow the official SDKs (protocols.md A.8); tests pass short
 * values so that timeouts and retries finish in milliseconds.
 *
 * @param connectTimeout   how long to wait for a TCP (and TLS) connection
 * @param idleTimeout      how long the upstream may stay silent, before the response head or between chunks, before the
 *                         call fails with {@link LlmException.Kind#CONNECTION}; Anthropic pings every few seconds
 * @param maxRetries       extra attempts after the first one, only before the first delta was delivered
 * @param retryBaseDelay   first backoff delay; doubles per retry, with 25 % jitter
 * @param retryMaxDelay    cap of the exponential backoff
 * @param retryAfterCap    cap of a server-requested delay ({@code retry-after-ms} / {@code retry-after})
 * @param firstTokenTimeout how long an attempt may go without its first text delta or tool call before it fails with
 *                         {@link LlmException.Kind#CONNECTION} (and is retried as such): a server that sends pings but
 *                         no answer would otherwise keep the idle timeout from ever firing
 */
public record LlmOptions(Duration connectTimeout, Duration idleTimeout, int maxRetries, Duration retryBaseDelay,
    Duration retryMaxDelay, Duration retryAfterCap, Duration firstTokenTimeout) {

  public static final Duration DEFAULT_FIRST_TOKEN_TIMEOUT = Duration.ofSeconds(30);

  /** Without a first-token timeout of its own: the default (30 s). */
  public LlmOptions(Duration connectTimeout, Duration idleTimeout, int maxRetries, Duration retryBaseDelay,
      Duration retryMaxDelay, Duration retryAfterCap) {
    this(connectTimeout, idleTimeout, maxRetries, retryBaseDelay, retryMaxDelay, retryAfterCap,
        DEFAULT_FIRST_TOKEN_TIMEOUT);
  }

  public LlmOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
    Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
    Objects.requireNonNull(retryAfterCap, "retryAfterCap");
    Objects.requireNonNull(firstTokenTimeout, "firstTokenTimeout");
    if (connectTimeout.toMillis() <= 0 || idleTimeout.toMillis() <= 0 || firstTokenTimeout.toMillis() <= 0) {
      throw new IllegalArgumentException("LLM timeouts must be at least 1 ms");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
    }
  }

  /**
   * Connect 10 s, idle 60 s, 2 retries, backoff 0.5 s doubling to 8 s, server-requested delays capped at 60 s, first
   * token within 30 s.
   */
  public static LlmOptions defaults() {
    return new LlmOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), 2, Duration.ofMillis(500),
        Duration.ofSeconds(8), Duration.ofSeconds(60), DEFAULT_FIRST_TOKEN_TIMEOUT);
  }

  public LlmOptions withConnectTimeout(Duration value) {
    return new LlmOptions(value, idleTimeout, maxRetries, retryBaseDelay, retryMaxDelay, retryAfterCap, firstTokenTimeout);
  }

  public LlmOptions withIdleTimeout(Duration value) {
    return new LlmOptions(connectTimeout, value, maxRetries, retryBaseDelay, retryMaxDelay, retryAfterCap, firstTokenTimeout);
  }

  public LlmOptions withMaxRetries(int value) {
    return new LlmOptions(connectTimeout, idleTimeout, value, retryBaseDelay, retryMaxDelay, retryAfterCap, firstTokenTimeout);
  }

  /** Backoff base and cap together (tests shrink both). */
  public LlmOptions withRetryDelays(Duration base, Duration max) {
    return new LlmOptions(connectTimeout, idleTimeout, maxRetries, base, max, retryAfterCap, firstTokenTimeout);
  }

  public LlmOptions withRetryAfterCap(Duration value) {
    return new LlmOptions(connectTimeout, idleTimeout, maxRetries, retryBaseDelay, retryMaxDelay, value, firstTokenTimeout);
  }

  public LlmOptions withFirstTokenTimeout(Duration value) {
    return new LlmOptions(connectTimeout, idleTimeout, maxRetries, retryBaseDelay, retryMaxDelay, retryAfterCap, value);
  }
}
