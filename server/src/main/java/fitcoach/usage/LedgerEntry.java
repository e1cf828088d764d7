package fitcoach.usage;

import java.util.Set;

/**
 * One model call as the ledger stores it: which feature made it, on which provider and model, how it ended, the tokens
 * the provider reported by kind ({@code inputTokens} is input neither written to nor read from the cache), how many
 * tool rounds it took, and its latency ({@code firstTokenMs} null when no token arrived).
 */
public record LedgerEntry(String feature, String provider, String model, String status, long inputTokens,
                          long outputTokens, long cacheWriteTokens, long cacheReadTokens, int toolRounds,
                          Long firstTokenMs, long totalMs) {
  /** The features that call a model; the {@code llm_calls_feature_check} constraint allows the same. */
  public static final Set<String> FEATURES = Set.of("recommendation", "chat", "report", "insight", "title", "mcp");
  public static final Set<String> STATUSES = Set.of("complete", "interrupted", "error");

  public LedgerEntry {
    if (!FEATURES.contains(feature)) {
      throw new IllegalArgumentException("Unknown AI feature '" + feature + "'");
    }
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("Unknown call status '" + status + "'");
    }
    if (provider == null || model == null) {
      throw new IllegalArgumentException("A ledger entry names its provider and model");
    }
    if (inputTokens < 0 || outputTokens < 0 || cacheWriteTokens < 0 || cacheReadTokens < 0 || toolRounds < 0
        || totalMs < 0 || (firstTokenMs != null && firstTokenMs < 0)) {
      throw new IllegalArgumentException("Token counts, rounds and times are never negative");
    }
  }
}
