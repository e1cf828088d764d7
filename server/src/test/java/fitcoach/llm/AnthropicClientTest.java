package fitcoach.llm;

import static fitcoach.llm.Outcomes.failure;
import static fitcoach.llm.Outcomes.success;
import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.llm.LlmException.Kind;
import fitcoach.settings.Provider;
import fitcoach.settings.ResolvedProvider;
import fitcoach.testing.llm.AnthropicModels;
import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.RecordedRequest;
import fitcoach.testing.llm.Reply;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnthropicClientTest {
  /** Short timers so that retries and timeouts take milliseconds; the policy itself is the SDKs'. */
  static final LlmOptions FAST = LlmOptions.defaults().withConnectTimeout(Duration.ofSeconds(2))
      .withIdleTimeout(Duration.ofSeconds(3)).withRetryDelays(Duration.ofMillis(5), Duration.ofMillis(20));
  private static final LlmRequest REQUEST = new LlmRequest("claude-sonnet-4-5", "You are an endurance coach.",
      List.of(LlmMessage.user("Ride or rest?"), LlmMessage.assistant("Tell me about your week."),
          LlmMessage.user("90 km on Sunday.")), 512);

  private Vertx vertx;
  private HttpClient http;
  private FakeAnthropic fake;

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    fake = FakeAnthropic.start(vertx).await(10, TimeUnit.SECONDS);
  }

  @org.junit.jupiter.api.AfterEach
  void closePool() {
    http.close();
  }

  @AfterAll
  void stop() throws Exception {
    fake.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void resetFake() {
    // A fresh connection pool per test: hung and reset streams of one test must not leave state for the next one.
    http = LlmClients.httpClient(vertx);
    fake.reset();
  }

  private LlmClient client(LlmOptions options) {
    return LlmClients.create(vertx, http,
        new ResolvedProvider(Provider.ANTHROPIC, fake.apiKey(), fake.baseUrl(), "claude-sonnet-4-5", "test"), options);
  }

  private LlmClient client() {
    return client(FAST);
  }

  // ---- Happy paths

  @Test
  @DisplayName("A stream delivers every delta in order and ends with the echoed snapshot model, stop reason and usage")
  void happyStream() {
    fake.next(Reply.text("Easy ", "spin ", "today. ", "Grüße 💤").usage(135, 10));
    DeltaRecorder deltas = new DeltaRecorder();

    LlmResult result = success(client().stream(REQUEST, deltas).result());

    assertThat(deltas.deltas()).containsExactly("Easy ", "spin ", "today. ", "Grüße 💤");
    assertThat(result).isEqualTo(new LlmResult("claude-sonnet-4-5-20250929", "end_turn", new LlmUsage(135, 10)));
  }

  @Test
  @DisplayName("The end of every network read that carried deltas is reported after them, and no delta is left unreported")
  void endOfRead() {
    fake.next(Reply.text("One ", "two ", "three").slow(Duration.ofMillis(40)));
    DeltaRecorder paced = new DeltaRecorder();
    success(client().stream(REQUEST, paced).result());
    assertThat(paced.reads()).containsExactly(1, 1, 1);

    fake.next(Reply.tokens(2_000));
    DeltaRecorder fast = new DeltaRecorder();
    success(client().stream(REQUEST, fast).result());
    assertThat(fast.unended()).isZero();
    assertThat(fast.reads()).doesNotContain(0);
    assertThat(fast.reads().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_000);
  }

  @Test
  @DisplayName("The request carries the key, API version and JSON body of protocols.md A.1 and A.2")
  void requestShape() {
    success(client().stream(REQUEST, new DeltaRecorder()).result());

    RecordedRequest request = fake.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.header("x-api-key")).isEqualTo(FakeAnthropic.API_KEY);
    assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(request.header("authorization")).isNull();
    JsonObject body = request.body();
    assertThat(body.getString("model")).isEqualTo("claude-sonnet-4-5");
    assertThat(body.getInteger("max_tokens")).isEqualTo(512);
    assertThat(body.getBoolean("stream")).isTrue();
    assertThat(body.getJsonArray("system")).isEqualTo(new JsonArray().add(new JsonObject().put("type", "text")
        .put("text", "You are an endurance coach.").put("cache_control", new JsonObject().put("type", "ephemeral"))));
    assertThat(body.getJsonArray("messages")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("role", "user").put("content", "Ride or rest?"))
        .add(new JsonObject().put("role", "assistant").put("content", "Tell me about your week."))
        .add(new JsonObject().put("role", "user").put("content", "90 km on Sunday.")));
    assertThat(request.system()).isEqualTo("You are an endurance coach.");
  }

  @Test
  @DisplayName("Deltas and the result arrive on the Vert.x context that started the stream")
  void deliveredOnCallerContext() {
    Context context = vertx.getOrCreateContext();
    DeltaRecorder deltas = new DeltaRecorder();
    Promise<Context> resultContext = Promise.promise();
    context.runOnContext(v -> client().stream(REQUEST, deltas).result()
        .onComplete(ar -> resultContext.complete(Vertx.currentContext())));

    assertThat(success(resultContext.future())).isSameAs(context);
    assertThat(deltas.contexts()).hasSize(Reply.CANNED_TOKENS.size()).allMatch(c -> c == context);
  }

  @Test
  @DisplayName("Frames cut into 1-5 byte pieces (inside CRLFs and UTF-8 characters) still give the exact text")
  void splitFrames() {
    List<String> tokens = List.of("Zone ", "2 — ", "Grüße ", "💤💤", " ✓");
    fake.next(Reply.text(tokens).splitFrames(3)).next(Reply.text(tokens).splitFrames(11));
    DeltaRecorder first = new DeltaRecorder();
    DeltaRecorder second = new DeltaRecorder();

    success(client().stream(REQUEST, first).result());
    success(client().stream(REQUEST, second).result());

    assertThat(first.deltas()).containsExactlyElementsOf(tokens);
    assertThat(second.deltas()).containsExactlyElementsOf(tokens);
  }

  @Test
  @DisplayName("Unknown event types, unknown delta types, comments and extra pings are skipped")
  void unknownEventsIgnored() {
    fake.next(Reply.text("a", "b", "c").withUnknownEvents());
    DeltaRecorder deltas = new DeltaRecorder();

    LlmResult result = success(client().stream(REQUEST, deltas).result());

    assertThat(deltas.text()).isEqualTo("abc");
    assertThat(result.stopReason()).isEqualTo("end_turn");
  }

  @Test
  @DisplayName("The stop reasons max_tokens and refusal are passed through")
  void stopReasons() {
    fake.next(Reply.cannedAnswer().stopReason("max_tokens")).next(Reply.text("No.").stopReason("refusal"));

    assertThat(success(client().stream(REQUEST, new DeltaRecorder()).result()).stopReason()).isEqualTo("max_tokens");
    assertThat(success(client().stream(REQUEST, new DeltaRecorder()).result()).stopReason()).isEqualTo("refusal");
  }

  @Test
  @DisplayName("A thousand-token stream arrives complete, twenty of them in parallel over the shared client")
  void manyLongStreams() {
    fake.defaultReply(Reply.tokens(1_000));
    List<DeltaRecorder> recorders = new ArrayList<>();
    List<Future<LlmResult>> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      DeltaRecorder deltas = new DeltaRecorder();
      recorders.add(deltas);
      results.add(client().stream(REQUEST, deltas).result());
    }

    success(Future.all(results));

    assertThat(recorders).allSatisfy(deltas -> assertThat(deltas.text()).isEqualTo(Reply.generatedText(1_000)));
    assertThat(results).allSatisfy(result -> assertThat(result.result().usage().outputTokens()).isEqualTo(1_000));
  }

  @Test
  @DisplayName("The idle watchdog re-arms on every chunk, so a slow but steady stream is not cut off")
  void slowStreamWithinIdleTimeout() {
    // Six gaps of 300 ms add up to almost twice the 1 s timeout; a margin of 700 ms per gap for a busy machine.
    fake.next(Reply.text("one ", "two ", "three ", "four ", "five ", "six").slow(Duration.ofMillis(300)));
    DeltaRecorder deltas = new DeltaRecorder();

    success(client(FAST.withIdleTimeout(Duration.ofSeconds(1))).stream(REQUEST, deltas).result());

    assertThat(deltas.text()).isEqualTo("one two three four five six");
  }

  // ---- Errors before the first token

  @Test
  @DisplayName("A wrong key fails at once with KEY_REJECTED and a message for the athlete that never shows the key")
  void wrongKey() {
    LlmClient client = LlmClients.create(vertx, http,
        new ResolvedProvider(Provider.ANTHROPIC, "sk-ant-wrong-secret", fake.baseUrl(), "claude-sonnet-4-5", "test"),
        FAST);

    LlmException error = failure(client.stream(REQUEST, new DeltaRecorder()).result());

    assertThat(error.kind()).isEqualTo(Kind.KEY_REJECTED);
    assertThat(error.status()).isEqualTo(401);
    assertThat(error.afterFirstToken()).isFalse();
    assertThat(error.getMessage()).isEqualTo("The Anthropic API rejected your API key (HTTP 401). Check it in Settings.")
        .doesNotContain("sk-ant-wrong-secret");
    assertThat(fake.requests("/v1/messages")).hasSize(1);
  }

  @Test
  @DisplayName("Two 429s are retried after the retry-after-ms delay, then the answer streams normally")
  void rateLimitedThenSuccess() {
    fake.next(Reply.rateLimited().retryAfterMillis(60), 2);
    DeltaRecorder deltas = new DeltaRecorder();
    long started = System.nanoTime();

    success(client().stream(REQUEST, deltas).result());

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    assertThat(deltas.text()).isEqualTo(String.join("", Reply.CANNED_TOKENS));
    assertThat(fake.requests("/v1/messages")).hasSize(3);
  }

  @Test
  @DisplayName("retry-after-ms wins over retry-after, and a long retry-after is capped")
  void retryAfterPrecedenceAndCap() {
    fake.next(Reply.rateLimited().retryAfter("30").retryAfterMillis(10)).next(Reply.rateLimited().retryAfter("30"));
    long started = System.nanoTime();

    success(client(FAST.withRetryAfterCap(Duration.ofMillis(50))).stream(REQUEST, new DeltaRecorder()).result());

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(fake.requests("/v1/messages")).hasSize(3);
  }

  @Test
  @DisplayName("A retry-after of one second is honoured")
  void retryAfterSeconds() {
    fake.next(Reply.rateLimited().retryAfter("1"));
    long started = System.nanoTime();

    success(client().stream(REQUEST, new DeltaRecorder()).result());

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
  }

  @Test
  @DisplayName("Persistent 429, 529 and 500 fail as RATE_LIMITED, OVERLOADED and UPSTREAM after two retries")
  void persistentErrorsAfterRetries() {
    record Case(Reply reply, Kind kind, int status) {}
    for (Case c : List.of(new Case(Reply.rateLimited().retryAfterMillis(1), Kind.RATE_LIMITED, 429),
        new Case(Reply.overloaded(), Kind.OVERLOADED, 529), new Case(Reply.serverError(), Kind.UPSTREAM, 500))) {
      fake.reset().defaultReply(c.reply());

      LlmException error = failure(client().stream(REQUEST, new DeltaRecorder()).result());

      assertThat(error.kind()).as("%s", c).isEqualTo(c.kind());
      assertThat(error.status()).isEqualTo(c.status());
      assertThat(error.afterFirstToken()).isFalse();
      assertThat(fake.requests("/v1/messages")).as("%s", c).hasSize(3);
    }
  }

  @Test
  @DisplayName("x-should-retry overrides the status rule in both directions")
  void shouldRetryHeader() {
    fake.defaultReply(Reply.serverError().shouldRetry(false));
    assertThat(failure(client().stream(REQUEST, new DeltaRecorder()).result()).kind()).isEqualTo(Kind.UPSTREAM);
    assertThat(fake.requests("/v1/messages")).hasSize(1);

    fake.reset().next(Reply.status(400, "invalid_request_error", "flaky").shouldRetry(true));
    success(client().stream(REQUEST, new DeltaRecorder()).result());
    assertThat(fake.requests("/v1/messages")).hasSize(2);
  }

  @Test
  @DisplayName("A 413 with an HTML body from the proxy fails as BAD_REQUEST without retrying")
  void tooLargeHtml() {
    fake.next(Reply.tooLargeHtml());

    LlmException error = failure(client().stream(REQUEST, new DeltaRecorder()).result());

    assertThat(error.kind()).isEqualTo(Kind.BAD_REQUEST);
    assertThat(error.status()).isEqualTo(413);
    assertThat(error.getMessage()).contains("too large");
    assertThat(fake.requests("/v1/messages")).hasSize(1);
  }

  @Test
  @DisplayName("An unknown or retired model fails as BAD_REQUEST carrying the provider's message")
  void unknownModel() {
    LlmRequest retired = new LlmRequest("claude-3-haiku-20240307", null, List.of(LlmMessage.user("Hi")), 100);

    LlmException error = failure(client().stream(retired, new DeltaRecorder()).result());

    assertThat(error.kind()).isEqualTo(Kind.BAD_REQUEST);
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.getMessage()).contains("model: claude-3-haiku-20240307");
  }

  @Test
  @DisplayName("An in-stream overloaded error before the first delta is retried like a 529")
  void inStreamErrorBeforeFirstTokenIsRetried() {
    fake.next(Reply.cannedAnswer().errorAfter(0));
    DeltaRecorder deltas = new DeltaRecorder();

    success(client().stream(REQUEST, deltas).result());

    assertThat(deltas.text()).isEqualTo(String.join("", Reply.CANNED_TOKENS));
    assertThat(fake.requests("/v1/messages")).hasSize(2);
  }

  @Test
  @DisplayName("A connection dropped before the first delta is retried")
  void dropBeforeFirstTokenIsRetried() {
    fake.next(Reply.cannedAnswer().closeAfter(0));

    success(client().stream(REQUEST, new DeltaRecorder()).result());

    assertThat(fake.requests("/v1/messages")).hasSize(2);
  }

  @Test
  @DisplayName("A refused connection fails as CONNECTION after the retries")
  void connectionRefused() throws Exception {
    FakeAnthropic closed = FakeAnthropic.start(vertx).await(10, TimeUnit.SECONDS);
    String deadUrl = closed.baseUrl();
    closed.close().await(10, TimeUnit.SECONDS);
    LlmClient client = LlmClients.create(vertx, http,
        new ResolvedProvider(Provider.ANTHROPIC, FakeAnthropic.API_KEY, deadUrl, "claude-sonnet-4-5", "test"), FAST);

    LlmException error = failure(client.stream(REQUEST, new DeltaRecorder()).result());

    assertThat(error.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(error.getMessage()).startsWith("Could not reach the Anthropic API");
  }

  @Test
  @DisplayName("Headers followed by silence fail as CONNECTION after the idle timeout, and the connection is closed")
  void hangAfterHeaders() {
    fake.next(Reply.hangAfterHeaders());
    LlmOptions options = FAST.withIdleTimeout(Duration.ofMillis(1_000)).withMaxRetries(0);

    LlmException error = failure(client(options).stream(REQUEST, new DeltaRecorder()).result());

    assertThat(error.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(error.getMessage()).contains("sent nothing for 1 s");
    success(fake.awaitClientDisconnects(1));
  }

  @Test
  @DisplayName("A request that is never answered times out too, and is retried before giving up")
  void noResponse() {
    fake.defaultReply(Reply.noResponse());
    LlmOptions options = FAST.withIdleTimeout(Duration.ofMillis(1_000)).withMaxRetries(1);

    LlmException error = failure(client(options).stream(REQUEST, new DeltaRecorder()).result());

    assertThat(error.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(fake.requests("/v1/messages")).hasSize(2);
    success(fake.awaitClientDisconnects(2));
  }

  // ---- Errors after the first token

  @Test
  @DisplayName("An in-stream error after two deltas fails with afterFirstToken, keeps the deltas and does not retry")
  void inStreamErrorAfterFirstToken() {
    fake.next(Reply.text("Ride ", "easy ", "today").errorAfter(2));
    DeltaRecorder deltas = new DeltaRecorder();

    LlmException error = failure(client().stream(REQUEST, deltas).result());

    assertThat(error.kind()).isEqualTo(Kind.OVERLOADED);
    assertThat(error.afterFirstToken()).isTrue();
    assertThat(error.status()).isZero();
    assertThat(deltas.deltas()).containsExactly("Ride ", "easy ");
    assertThat(fake.requests("/v1/messages")).hasSize(1);
  }

  @Test
  @DisplayName("A stream that ends without message_stop fails as CONNECTION")
  void eofWithoutMessageStop() {
    fake.next(Reply.text("a", "b").endWithoutStop());
    DeltaRecorder deltas = new DeltaRecorder();

    LlmException error = failure(client().stream(REQUEST, deltas).result());

    assertThat(error.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(error.afterFirstToken()).isTrue();
    assertThat(deltas.text()).isEqualTo("ab");
  }

  @Test
  @DisplayName("A connection dropped after three deltas fails as CONNECTION with afterFirstToken and no retry")
  void abruptCloseAfterTokens() {
    fake.next(Reply.text("a", "b", "c", "d").closeAfter(3));
    DeltaRecorder deltas = new DeltaRecorder();

    LlmException error = failure(client().stream(REQUEST, deltas).result());

    assertThat(error.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(error.afterFirstToken()).isTrue();
    assertThat(deltas.text()).isEqualTo("abc");
    assertThat(fake.requests("/v1/messages")).hasSize(1);
  }

  // ---- Cancel

  @Test
  @DisplayName("Cancel closes the upstream connection, fails the call as CANCELLED and stops the deltas")
  void cancelClosesUpstream() throws Exception {
    fake.next(Reply.tokens(200).slow(Duration.ofMillis(20)));
    DeltaRecorder deltas = new DeltaRecorder();
    LlmCall call = client().stream(REQUEST, deltas);
    deltas.first.get(10, TimeUnit.SECONDS);

    call.cancel();
    int deliveredAtCancel = deltas.deltas().size();

    LlmException error = failure(call.result());
    assertThat(error.kind()).isEqualTo(Kind.CANCELLED);
    assertThat(error.afterFirstToken()).isTrue();
    success(fake.awaitClientDisconnects(1));
    // A delta already past the cancelled check when cancel() ran may still arrive; none after that.
    assertThat(deltas.deltas()).hasSizeBetween(deliveredAtCancel, deliveredAtCancel + 1).hasSizeLessThan(200);
    call.cancel();
  }

  @Test
  @DisplayName("Cancel while waiting to retry a 429 fails at once and sends no further request")
  void cancelDuringRetryWait() {
    fake.next(Reply.rateLimited().retryAfterMillis(60_000));
    LlmCall call = client(FAST.withRetryAfterCap(Duration.ofSeconds(60))).stream(REQUEST, new DeltaRecorder());
    pollUntil(() -> fake.requests("/v1/messages").size() == 1);
    long started = System.nanoTime();

    call.cancel();

    assertThat(failure(call.result()).kind()).isEqualTo(Kind.CANCELLED);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    assertThat(fake.requests("/v1/messages")).hasSize(1);
  }

  @Test
  @DisplayName("Cancel on a hanging request closes the connection the fake is holding")
  void cancelWhileWaitingForHeaders() {
    fake.next(Reply.noResponse());
    LlmCall call = client().stream(REQUEST, new DeltaRecorder());
    pollUntil(() -> fake.requests("/v1/messages").size() == 1);

    call.cancel();

    assertThat(failure(call.result()).kind()).isEqualTo(Kind.CANCELLED);
    success(fake.awaitClientDisconnects(1));
  }

  @Test
  @DisplayName("A delta consumer that throws ends the call as CANCELLED and closes the upstream connection")
  void throwingConsumer() {
    fake.next(Reply.tokens(300).slow(Duration.ofMillis(10)));

    LlmException error = failure(client().stream(REQUEST, delta -> {
      throw new IllegalStateException("browser went away");
    }).result());

    assertThat(error.kind()).isEqualTo(Kind.CANCELLED);
    assertThat(error.getMessage()).contains("browser went away");
    success(fake.awaitClientDisconnects(1));
  }

  @Test
  @DisplayName("One connection pool, as in the app, still serves a model list and an answer after cancelled, cut, hung and failed streams")
  void poolSurvivesAbandonedStreams() throws Exception {
    for (int i = 0; i < 3; i++) {
      fake.next(Reply.tokens(200).slow(Duration.ofMillis(20)));
      DeltaRecorder deltas = new DeltaRecorder();
      LlmCall call = client().stream(REQUEST, deltas);
      deltas.first.get(10, TimeUnit.SECONDS);
      call.cancel();
      assertThat(failure(call.result()).kind()).isEqualTo(Kind.CANCELLED);

      fake.next(Reply.noResponse());
      int sent = fake.requests("/v1/messages").size();
      LlmCall waiting = client().stream(REQUEST, new DeltaRecorder());
      pollUntil(() -> fake.requests("/v1/messages").size() == sent + 1);
      waiting.cancel();
      assertThat(failure(waiting.result()).kind()).isEqualTo(Kind.CANCELLED);

      fake.next(Reply.text("a", "b", "c").closeAfter(2));
      failure(client(FAST.withMaxRetries(0)).stream(REQUEST, new DeltaRecorder()).result());
      fake.next(Reply.serverError());
      failure(client(FAST.withMaxRetries(0)).stream(REQUEST, new DeltaRecorder()).result());
    }
    // A stuck pooled connection would show as the 30 s idle timeout (or a retry after it), far beyond the bound.
    LlmOptions patient = FAST.withIdleTimeout(Duration.ofSeconds(30)).withMaxRetries(0);
    long started = System.nanoTime();
    assertThat(success(client(patient).models())).isNotEmpty();
    fake.next(Reply.text("Still ", "here"));
    DeltaRecorder after = new DeltaRecorder();
    success(client(patient).stream(REQUEST, after).result());
    assertThat(after.text()).isEqualTo("Still here");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
  }

  // ---- Models

  @Test
  @DisplayName("models() follows has_more/after_id across pages and keeps the API's newest-first order")
  void modelsPagination() {
    fake.maxPageSize(5);

    List<LlmModel> models = success(client().models());

    assertThat(models).extracting(LlmModel::id)
        .containsExactlyElementsOf(AnthropicModels.CURRENT.stream().map(AnthropicModels.Model::id).toList());
    assertThat(models.get(0)).isEqualTo(new LlmModel("claude-opus-5", "Claude Opus 5",
        Instant.parse("2026-07-24T00:00:00Z")));
    List<RecordedRequest> pages = fake.requests("/v1/models");
    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).query().get("after_id")).isNull();
    assertThat(pages.get(1).query().get("after_id")).isEqualTo(AnthropicModels.CURRENT.get(4).id());
    assertThat(pages.get(2).query().get("after_id")).isEqualTo(AnthropicModels.CURRENT.get(9).id());
    assertThat(pages.get(0).header("anthropic-version")).isEqualTo("2023-06-01");
  }

  @Test
  @DisplayName("models() with a wrong key fails as KEY_REJECTED")
  void modelsWrongKey() {
    LlmClient client = client();
    fake.acceptKey("sk-ant-another-key");

    assertThat(failure(client.models()).kind()).isEqualTo(Kind.KEY_REJECTED);
  }

  static void pollUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Outcomes.TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + Outcomes.TIMEOUT_SECONDS + " s");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }
}
