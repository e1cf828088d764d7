package fitcoach.usage;

import java.math.BigDecimal;

/**
 * A month's calls of one feature ({@code key} = feature, {@code provider} null) or one model ({@code key} = model on
 * {@code provider}): tokens by kind, tool rounds, and cost of the priced calls ({@code costUsd} null when none was).
 */
public record UsageRow(String key, String provider, long calls, long inputTokens, long outputTokens,
                       long cacheWriteTokens, long cacheReadTokens, long toolRounds, BigDecimal costUsd,
                       long unpricedCalls) {

  UsageRow plus(UsageRow o) {
    BigDecimal cost = costUsd == null ? o.costUsd : o.costUsd == null ? costUsd : costUsd.add(o.costUsd);
    return new UsageRow(key, provider, calls + o.calls, inputTokens + o.inputTokens, outputTokens + o.outputTokens,
        cacheWriteTokens + o.cacheWriteTokens, cacheReadTokens + o.cacheReadTokens, toolRounds + o.toolRounds, cost,
        unpricedCalls + o.unpricedCalls);
  }
}
