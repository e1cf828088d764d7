package fitcoach.llm;

import static fitcoach.llm.AnthropicClientTest.FAST;
import static fitcoach.llm.Outcomes.failure;
import static fitcoach.llm.Outcomes.success;
import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.llm.LlmException.Kind;
import fitcoach.settings.Provider;
import fitcoach.settings.ResolvedProvider;
import fitcoach.testing.llm.FakeOpenAi;
import fitcoach.testing.llm.RecordedRequest;
import fitcoach.testing.llm.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiClientTest {
  private static final LlmRequest REQUEST = new LlmRequest("llama3.2", "You are an endurance coach.",
      List.of(LlmMessage.user("Ride or rest?")), 256);

  private Vertx vertx;
  private HttpClient http;
  private FakeOpenAi fake;

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    fake = FakeOpenAi.start(vertx).await(10, TimeUnit.SECONDS);
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

  private LlmClient client(String key) {
    return LlmClients.create(vertx, http, new ResolvedProvider(Provider.OPENAI, key, fake.baseUrl(), "llama3.2", "test"),
        FAST);
  }

  private LlmClient client() {
    return client(FakeOpenAi.API_KEY);
  }

  @Test
  @DisplayName("A stream delivers every delta in order and ends with the model, finish reason and usage chunk")
  void happyStream() {
    fake.next(Reply.text("Hel", "lo ", "Grüße 💤").usage(26, 3));
    DeltaRecorder deltas = new DeltaRecorder();

    LlmResult result = success(client().stream(REQUEST, deltas).result());

    assertThat(deltas.deltas()).containsExactly("Hel", "lo ", "Grüße 💤");
    assertThat(result).isEqualTo(new LlmResult("llama3.2:latest", "stop", new LlmUsage(26, 3)));
  }

  @Test
  @DisplayName("The request has a Bearer key, the system prompt as first message and asks for usage in the stream")
  void requestShape() {
    success(client().stream(REQUEST, new DeltaRecorder()).result());

    RecordedRequest request = fake.lastRequest();
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.header("authorization")).isEqualTo("Bearer " + FakeOpenAi.API_KEY);
    assertThat(request.header("x-api-key")).isNull();
    JsonObject body = request.body();
    assertThat(body.getString("model")).isEqualTo("llama3.2");
    assertThat(body.getBoolean("stream")).isTrue();
    assertThat(body.getJsonObject("stream_options")).isEqualTo(new JsonObject().put("include_usage", true));
    assertThat(body.getInteger("max_tokens")).isEqualTo(256);
    assertThat(body.getJsonArray("messages")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("role", "system").put("content", "You are an endurance coach."))
        .add(new JsonObject().put("role", "user").put("content", "Ride or rest?")));
  }

  @Test
  @DisplayName("A keyless local server gets no Authorization header at all")
  void keylessServer() {
    fake.keyless();

    success(client(null).stream(REQUEST, new DeltaRecorder()).result());

    assertThat(fake.lastRequest().headers().contains("authorization")).isFalse();
  }

  @Test
  @DisplayName("A server that never sends usage still completes, with zero usage")
  void noUsageServer() {
    fake.sendUsage(false);

    LlmResult result = success(client().stream(REQUEST, new DeltaRecorder()).result());

    assertThat(result.usage()).isEqualTo(LlmUsage.NONE);
    assertThat(result.stopReason()).isEqualTo("stop");
  }

  @Test
  @DisplayName("Usage chunks with choices null or absent, and a finish reason on the last content chunk, are understood")
  void serverVariants() {
    for (FakeOpenAi.UsageChoices choices : FakeOpenAi.UsageChoices.values()) {
      fake.reset().usageChoices(choices).finishOnLastContentChunk(choices != FakeOpenAi.UsageChoices.EMPTY)
          .next(Reply.text("a", "b").usage(7, 2));
      DeltaRecorder deltas = new DeltaRecorder();

      LlmResult result = success(client().stream(REQUEST, deltas).result());

      assertThat(deltas.text()).as("%s", choices).isEqualTo("ab");
      assertThat(result.usage()).as("%s", choices).isEqualTo(new LlmUsage(7, 2));
      assertThat(result.stopReason()).isEqualTo("stop");
    }
  }

  @Test
  @DisplayName("Split frames, comments, named events and unknown delta fields leave the text intact")
  void splitAndUnknown() {
    fake.next(Reply.text("Zone ", "2 — ", "💤").splitFrames(5).withUnknownEvents().stopReason("length"));
    DeltaRecorder deltas = new DeltaRecorder();

    LlmResult result = success(client().stream(REQUEST, deltas).result());

    assertThat(deltas.deltas()).containsExactly("Zone ", "2 — ", "💤");
    assertThat(result.stopReason()).isEqualTo("length");
  }

  @Test
  @DisplayName("A stream that ends after its finish reason but without [DONE] is accepted")
  void missingDoneAfterFinish() {
    fake.next(Reply.text("a", "b").endWithoutStop());

    assertThat(success(client().stream(REQUEST, new DeltaRecorder()).result()).stopReason()).isEqualTo("stop");
  }

  @Test
  @DisplayName("A connection dropped mid-answer fails as CONNECTION with afterFirstToken")
  void dropMidAnswer() {
    fake.next(Reply.text("a", "b", "c").closeAfter(2));
    DeltaRecorder deltas = new DeltaRecorder();

    LlmException error = failure(client().stream(REQUEST, deltas).result());

    assertThat(error.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(error.afterFirstToken()).isTrue();
    assertThat(deltas.text()).isEqualTo("ab");
  }

  @Test
  @DisplayName("A data error chunk after two deltas fails with afterFirstToken and keeps the deltas")
  void errorChunkAfterFirstToken() {
    fake.next(Reply.text("a", "b", "c").errorAfter(2, "server_error", "model runner crashed"));
    DeltaRecorder deltas = new DeltaRecorder();

    LlmException error = failure(client().stream(REQUEST, deltas).result());

    assertThat(error.kind()).isEqualTo(Kind.UPSTREAM);
    assertThat(error.afterFirstToken()).isTrue();
    assertThat(error.getMessage()).contains("model runner crashed");
    assertThat(deltas.text()).isEqualTo("ab");
  }

  @Test
  @DisplayName("A wrong key is KEY_REJECTED; no key against a server that wants one asks the athlete to add it")
  void keyRejected() {
    LlmException wrong = failure(client("sk-wrong").stream(REQUEST, new DeltaRecorder()).result());
    LlmException missing = failure(client(null).stream(REQUEST, new DeltaRecorder()).result());

    assertThat(wrong.kind()).isEqualTo(Kind.KEY_REJECTED);
    assertThat(wrong.getMessage())
        .isEqualTo("The AI server at 127.0.0.1:" + fake.port() + " rejected your API key (HTTP 401). Check it in Settings.");
    assertThat(missing.kind()).isEqualTo(Kind.KEY_REJECTED);
    assertThat(missing.getMessage()).contains("asks for an API key").contains("Add one in Settings");
  }

  @Test
  @DisplayName("A model the server does not have fails as BAD_REQUEST with the server's message")
  void unknownModel() {
    LlmRequest missing = new LlmRequest("llama9", null, List.of(LlmMessage.user("Hi")), 10);

    LlmException error = failure(client().stream(missing, new DeltaRecorder()).result());

    assertThat(error.kind()).isEqualTo(Kind.BAD_REQUEST);
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.getMessage()).contains("model \"llama9\" not found");
  }

  @Test
  @DisplayName("A 429 and a 503 before the first delta are retried")
  void retries() {
    fake.next(Reply.rateLimited().retryAfterMillis(10)).next(Reply.status(503, "server_error", "loading model"));

    success(client().stream(REQUEST, new DeltaRecorder()).result());

    assertThat(fake.requests(FakeOpenAi.COMPLETIONS_PATH)).hasSize(3);
  }

  @Test
  @DisplayName("Cancel closes the upstream connection and fails the call as CANCELLED")
  void cancel() throws Exception {
    fake.next(Reply.tokens(500).slow(Duration.ofMillis(20)));
    DeltaRecorder deltas = new DeltaRecorder();
    LlmCall call = client().stream(REQUEST, deltas);
    deltas.first.get(10, TimeUnit.SECONDS);

    call.cancel();

    assertThat(failure(call.result()).kind()).isEqualTo(Kind.CANCELLED);
    success(fake.awaitClientDisconnects(1));
  }

  @Test
  @DisplayName("models() lists the server's models with their creation time")
  void models() {
    List<LlmModel> models = success(client().models());

    assertThat(models).extracting(LlmModel::id).containsExactlyElementsOf(FakeOpenAi.DEFAULT_MODELS);
    assertThat(models.get(0).createdAt()).isEqualTo(Instant.parse("2026-09-01T08:00:00Z"));
    assertThat(models.get(0).displayName()).isNull();
    assertThat(fake.lastRequest().header("authorization")).isEqualTo("Bearer " + FakeOpenAi.API_KEY);
  }
}
