package fitcoach.llm;

/** Tokens as the provider reported them; zero when a server does not report usage. */
public record LlmUsage(long inputTokens, long outputTokens) {
  public static final LlmUsage NONE = new LlmUsage(0, 0);
}
