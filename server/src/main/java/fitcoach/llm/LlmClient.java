package fitcoach.llm;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/**
 * One streaming chat completion against one provider, on the Vert.x HTTP client (never blocking).
 * Implementations: {@link AnthropicClient} (Messages API) and {@link OpenAiClient} (OpenAI-compatible servers).
 */
public interface LlmClient {

  /**
   * Starts a completion. Text deltas reach {@code onDelta} in order on the caller's context; the call's
   * {@link LlmCall#result()} completes once the provider has finished, or fails with an {@link LlmException}.
   * Retries (429, 529, 5xx, connection errors) happen only before the first delta. A {@link DeltaBatches} consumer
   * also hears where each network read ends. Tool calls the model makes end the call with them in
   * {@link LlmResult#toolCalls()}; {@link ToolLoop} runs them and streams the next round.
   */
  LlmCall stream(LlmRequest request, Consumer<String> onDelta);

  /** The models the provider offers ({@code GET /v1/models}), newest first where the provider orders them. */
  Future<List<LlmModel>> models();
}
