package fitcoach.llm;

import fitcoach.settings.ResolvedProvider;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * Builds the {@link LlmClient} for a provider. Clients are cheap: make one per call if the athlete's settings may have
 * changed. The {@link HttpClient} is not cheap: create one per application with {@link #httpClient(Vertx)}, pass it to
 * every {@link #create} and close it on shutdown; its pool is sized for many parallel streams.
 *
 * <pre>{@code
 * HttpClient http = LlmClients.httpClient(vertx);                      // once, at start-up
 * LlmClient llm = LlmClients.create(vertx, http, provider, LlmOptions.defaults());
 * LlmCall call = llm.stream(request, delta -> sse.write(delta));     // deltas arrive on this context
 * call.result().onSuccess(r -> ...).onFailure(e -> ...);             // e is an LlmException
 * }</pre>
 */
public final class LlmClients {
  /** Each stream holds an HTTP/1.1 connection for its whole length, so the pool must allow that many per host. */
  public static final int MAX_CONNECTIONS_PER_HOST = 256;

  private LlmClients() {
  }

  /** The HTTP client to share between all LLM calls of one application: HTTP/1.1, keep-alive, TLS hosts verified. */
  public static HttpClient httpClient(Vertx vertx) {
    return vertx.createHttpClient(
        // No compression: a proxy that gzips an event stream tends to buffer it, and model lists are small.
        new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS_PER_HOST));
  }

  /** A client for {@code provider}'s kind, base URL and key; the model is taken from each {@link LlmRequest}. */
  public static LlmClient create(Vertx vertx, HttpClient http, ResolvedProvider provider, LlmOptions options) {
    return switch (provider.provider()) {
      case ANTHROPIC -> new AnthropicClient(vertx, http, provider.apiKey(), provider.baseUrl(), options);
      case OPENAI -> new OpenAiClient(vertx, http, provider.apiKey(), provider.baseUrl(), options);
    };
  }
}
