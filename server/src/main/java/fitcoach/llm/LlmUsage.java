package fitcoach.llm;

/**
 * Tokens as the provider reported them; zero when a server does not report usage. {@code inputTokens} counts only the
 * input neither read from nor written to the prompt cache (Anthropic's {@code input_tokens}; OpenAI's
 * {@code prompt_tokens} minus {@code cached_tokens}), so the four numbers add up to what the call processed.
 */
public record LlmUsage(long inputTokens, long outputTokens, long cacheWriteTokens, long cacheReadTokens) {
  public static final LlmUsage NONE = new LlmUsage(0, 0, 0, 0);

  public LlmUsage(long inputTokens, long outputTokens) {
    this(inputTokens, outputTokens, 0, 0);
  }

  public LlmUsage plus(LlmUsage other) {
    if (other == null) {
      return this;
    }
    return new LlmUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
        cacheWriteTokens + other.cacheWriteTokens, cacheReadTokens + other.cacheReadTokens);
  }

  /** Every token of the call: input (uncached, cache writes, cache reads) and output. */
  public long total() {
    return inputTokens + outputTokens + cacheWriteTokens + cacheReadTokens;
  }
}
