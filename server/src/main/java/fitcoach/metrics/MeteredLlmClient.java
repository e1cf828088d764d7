package fitcoach.metrics;

import fitcoach.llm.DeltaBatches;
import fitcoach.llm.LlmCall;
import fitcoach.llm.LlmClient;
import fitcoach.llm.LlmException;
import fitcoach.llm.LlmModel;
import fitcoach.llm.LlmRequest;
import fitcoach.llm.LlmUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An {@link LlmClient} that counts each streamed call (a tool round is a call of its own), the tokens the provider
 * reported (on failures too: they are paid for), the time to the call's first text, and failures by kind.
 */
final class MeteredLlmClient implements LlmClient {
  private final LlmClient client;
  private final ProviderMeters meters;

  MeteredLlmClient(LlmClient client, ProviderMeters meters) {
    this.client = client;
    this.meters = meters;
  }

  /** One provider's meters, registered once and found again by the registry on later calls. */
  record ProviderMeters(MeterRegistry registry, String provider, Counter calls, Counter input, Counter output,
                        Counter cacheWrite, Counter cacheRead, Timer firstToken) {
    void used(LlmUsage usage) {
      input.increment(usage.inputTokens());
      output.increment(usage.outputTokens());
      cacheWrite.increment(usage.cacheWriteTokens());
      cacheRead.increment(usage.cacheReadTokens());
    }

    void failed(Throwable err) {
      String kind = err instanceof LlmException e ? e.kind().name().toLowerCase(Locale.ROOT) : "other";
      Counter.builder("fitcoach.llm.errors").description("LLM calls that failed, by kind").tag("provider", provider)
          .tag("kind", kind).register(registry).increment();
    }
  }

  static ProviderMeters meters(MeterRegistry registry, String provider) {
    return new ProviderMeters(registry, provider,
        Counter.builder("fitcoach.llm.calls").description("Streamed LLM calls (each tool round is one)")
            .tag("provider", provider).register(registry),
        tokens(registry, provider, "input"), tokens(registry, provider, "output"),
        tokens(registry, provider, "cache_write"), tokens(registry, provider, "cache_read"),
        Timer.builder("fitcoach.llm.first.token").description("Time from an LLM call's start to its first text")
            .tag("provider", provider)
            .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30))
            .register(registry));
  }

  private static Counter tokens(MeterRegistry registry, String provider, String type) {
    return Counter.builder("fitcoach.llm.tokens").description("Tokens LLM providers reported, by type")
        .tag("provider", provider).tag("type", type).register(registry);
  }

  @Override
  public LlmCall stream(LlmRequest request, Consumer<String> onDelta) {
    meters.calls().increment();
    long started = System.nanoTime();
    // Deltas arrive on the caller's context, one at a time: a plain flag is enough.
    boolean[] seen = {false};
    Runnable firstText = () -> {
      if (!seen[0]) {
        seen[0] = true;
        meters.firstToken().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      }
    };
    // A relay that batches per network read must still be seen as one (the clients look for DeltaBatches).
    Consumer<String> counted = onDelta instanceof DeltaBatches batches ? new DeltaBatches() {
      @Override
      public void accept(String delta) {
        firstText.run();
        batches.accept(delta);
      }

      @Override
      public void endOfRead() {
        batches.endOfRead();
      }
    } : delta -> {
      firstText.run();
      onDelta.accept(delta);
    };
    LlmCall call = client.stream(request, counted);
    call.result().onComplete(done -> {
      if (done.succeeded()) {
        meters.used(done.result().usage());
      } else {
        if (done.cause() instanceof LlmException e) {
          meters.used(e.usage());
        }
        meters.failed(done.cause());
      }
    });
    return call;
  }

  @Override
  public Future<List<LlmModel>> models() {
    return client.models();
  }
}
