package fitcoach.llm;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before another attempt, exactly as the official SDKs decide (protocols.md A.8):
 * {@code x-should-retry} first, then the status, then a server-requested delay, else exponential backoff with jitter.
 */
final class RetryPolicy {
  private final LlmOptions options;

  RetryPolicy(LlmOptions options) {
    this.options = options;
  }

  int maxRetries() {
    return options.maxRetries();
  }

  /** Whether an HTTP error answer may be retried; {@code headers} may carry the server's own verdict. */
  static boolean retryable(int status, MultiMap headers) {
    String verdict = headers == null ? null : headers.get("x-should-retry");
    if ("true".equalsIgnoreCase(verdict)) {
      return true;
    }
    if ("false".equalsIgnoreCase(verdict)) {
      return false;
    }
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /** Milliseconds to wait before retry number {@code retriesTaken + 1}. */
  long delayMillis(int retriesTaken, MultiMap headers) {
    long requested = requestedDelayMillis(headers);
    if (requested >= 0) {
      return Math.min(requested, options.retryAfterCap().toMillis());
    }
    double base = options.retryBaseDelay().toMillis() * Math.pow(2, retriesTaken);
    double capped = Math.min(base, options.retryMaxDelay().toMillis());
    return (long) (capped * (1 - 0.25 * ThreadLocalRandom.current().nextDouble()));
  }

  /** The delay the server asked for, or -1 when it asked for none (or for nothing usable). */
  static long requestedDelayMillis(MultiMap headers) {
    if (headers == null) {
      return -1;
    }
    long millis = parsePositive(headers.get("retry-after-ms"), 1);
    if (millis >= 0) {
      return millis;
    }
    String retryAfter = headers.get("retry-after");
    millis = parsePositive(retryAfter, 1000);
    if (millis >= 0 || retryAfter == null) {
      return millis;
    }
    try {
      Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Math.max(0, Duration.between(Instant.now(), at).toMillis());
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  private static long parsePositive(String value, double unitMillis) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    try {
      double parsed = Double.parseDouble(value.trim());
      return parsed >= 0 && Double.isFinite(parsed) ? (long) (parsed * unitMillis) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
