package fitcoach.llm;

import static fitcoach.llm.Outcomes.failure;
import static fitcoach.llm.Outcomes.success;
import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.llm.LlmException.Kind;
import fitcoach.settings.Provider;
import fitcoach.settings.ResolvedProvider;
import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.FakeOpenAi;
import fitcoach.testing.llm.RecordedRequest;
import fitcoach.testing.llm.RecordedRequest.SentToolResult;
import fitcoach.testing.llm.Reply;
import fitcoach.testing.llm.ToolUse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The tool loop against both fake servers, which check every tool call gets its result as the real APIs do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolLoopTest {
  private static final LlmTool SEARCH = new LlmTool("search_activities", "Find activities", new JsonObject()
      .put("type", "object").put("properties", new JsonObject().put("sort", new JsonObject().put("type", "string"))));
  private static final LlmTool GET = new LlmTool("get_activity", "One activity", new JsonObject().put("type", "object")
      .put("properties", new JsonObject().put("id", new JsonObject().put("type", "string"))));
  private static final String SEARCH_ARGS = "{\"sport\":\"run\",\"sort\":\"distance\",\"text\":\"Grüße 💤 \\\"10k\\\"\"}";

  private Vertx vertx;
  private HttpClient http;
  private FakeAnthropic anthropic;
  private FakeOpenAi openAi;
  private final List<LlmToolCall> ran = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    anthropic = FakeAnthropic.start(vertx).await(10, TimeUnit.SECONDS);
    openAi = FakeOpenAi.start(vertx).await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  void stop() throws Exception {
    anthropic.close().await(10, TimeUnit.SECONDS);
    openAi.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void reset() {
    http = LlmClients.httpClient(vertx);
    anthropic.reset();
    openAi.reset();
    ran.clear();
  }

  @AfterEach
  void closePool() {
    http.close();
  }

  private LlmClient anthropicClient() {
    return LlmClients.create(vertx, http, new ResolvedProvider(Provider.ANTHROPIC, anthropic.apiKey(),
        anthropic.baseUrl(), "claude-sonnet-4-5", "test"), AnthropicClientTest.FAST);
  }

  private LlmClient openAiClient() {
    return LlmClients.create(vertx, http, new ResolvedProvider(Provider.OPENAI, openAi.apiKey(), openAi.baseUrl(),
        "llama3.2", "test"), AnthropicClientTest.FAST);
  }

  private static LlmRequest request(String model) {
    return new LlmRequest(model, "You are a coach.", List.of(LlmMessage.user("Best 10k ever?")), 512,
        List.of(SEARCH, GET), false);
  }

  /** Tools that answer with their name and arguments; get_activity of "bad" fails. */
  private final ToolLoop.Tools echo = call -> {
    ran.add(call);
    if (call.argumentsJson().contains("\"bad\"")) {
      return Future.failedFuture(new IllegalArgumentException("no activity bad"));
    }
    return Future.succeededFuture(new LlmToolResult(call.id(), call.name() + " got " + call.argumentsJson(), false));
  };

  @Test
  @DisplayName("Anthropic: text, two tools in one turn, a failing tool, then a second round and the answer; every "
      + "result goes back with its id, usage is summed")
  void anthropicTwoRounds() {
    anthropic.next(Reply.text("Let me ", "look.").withToolUse(ToolUse.call("toolu_1", "search_activities", SEARCH_ARGS),
            ToolUse.call("toolu_2", "get_activity", "{\"id\":\"bad\"}").pieceSize(1)).usage(100, 20).cache(900, 0))
        .next(Reply.toolUse(ToolUse.call("toolu_3", "get_activity", "{\"id\":\"a1\"}").pieceSize(5))
            .usage(30, 10).cache(0, 900))
        .next(Reply.text("Your best ", "10k was 41:02.").usage(40, 8).cache(0, 900));
    DeltaRecorder deltas = new DeltaRecorder();

    LlmResult result = success(ToolLoop.run(anthropicClient(), request("claude-sonnet-4-5"), null, echo,
        ToolLoop.Limits.defaults(), deltas).result());

    assertThat(String.join("", deltas.deltas())).isEqualTo("Let me look.Your best 10k was 41:02.");
    assertThat(deltas.unended()).as("every delta's read was reported through the loop").isZero();
    assertThat(ran).containsExactly(new LlmToolCall("toolu_1", "search_activities", SEARCH_ARGS),
        new LlmToolCall("toolu_2", "get_activity", "{\"id\":\"bad\"}"),
        new LlmToolCall("toolu_3", "get_activity", "{\"id\":\"a1\"}"));
    assertThat(result.toolCalls()).isEqualTo(ran);
    assertThat(result.toolRounds()).isEqualTo(2);
    assertThat(result.toolsRejected()).isFalse();
    assertThat(result.stopReason()).isEqualTo("end_turn");
    assertThat(result.model()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(result.usage()).isEqualTo(new LlmUsage(170, 38, 900, 1800));

    List<RecordedRequest> sent = anthropic.requests(FakeAnthropic.MESSAGES_PATH);
    assertThat(sent).hasSize(3);
    assertThat(sent.get(1).toolResults()).containsExactly(
        new SentToolResult("toolu_1", "search_activities got " + SEARCH_ARGS, false),
        new SentToolResult("toolu_2", "The tool get_activity failed: no activity bad", true));
    assertThat(sent.get(2).toolResults()).containsExactly(
        new SentToolResult("toolu_3", "get_activity got {\"id\":\"a1\"}", false));
    JsonObject assistant = sent.get(1).turns().get(1);
    assertThat(assistant.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("Let me look.");
    assertThat(assistant.getJsonArray("content").getJsonObject(1).getJsonObject("input"))
        .isEqualTo(new JsonObject(SEARCH_ARGS));
    assertThat(sent).allSatisfy(r -> assertThat(r.toolNames()).containsExactly("search_activities", "get_activity"));
    assertThat(sent).noneMatch(RecordedRequest::toolsOff);
  }

  @Test
  @DisplayName("OpenAI: interleaved fragments of two calls, then the answer; tool messages carry the call ids")
  void openAiTwoCalls() {
    openAi.next(Reply.text("Checking.").withToolUse(ToolUse.call("call_a", "search_activities", SEARCH_ARGS),
            ToolUse.call("call_b", "get_activity", "{\"id\":\"bad\"}").pieceSize(2)).interleaved().usage(50, 9)
            .cache(0, 4000))
        .next(Reply.text("Done.").usage(60, 3));
    DeltaRecorder deltas = new DeltaRecorder();

    LlmResult result = success(ToolLoop.run(openAiClient(), request("llama3.2"), null, echo,
        ToolLoop.Limits.defaults(), deltas).result());

    assertThat(String.join("", deltas.deltas())).isEqualTo("Checking.Done.");
    assertThat(result.toolCalls()).containsExactly(new LlmToolCall("call_a", "search_activities", SEARCH_ARGS),
        new LlmToolCall("call_b", "get_activity", "{\"id\":\"bad\"}"));
    assertThat(result.usage()).isEqualTo(new LlmUsage(110, 12, 0, 4000));
    assertThat(result.toolRounds()).isEqualTo(1);
    RecordedRequest second = openAi.requests(FakeOpenAi.COMPLETIONS_PATH).get(1);
    assertThat(second.toolResults()).containsExactly(
        new SentToolResult("call_a", "search_activities got " + SEARCH_ARGS, false),
        new SentToolResult("call_b", "Error: The tool get_activity failed: no activity bad", true));
  }

  @Test
  @DisplayName("After maxRounds tool rounds the next round is sent with tools off, and the loop ends after it")
  void roundLimit() {
    anthropic.replyWith(req -> Reply.toolUse(ToolUse.call("toolu_" + req.index(), "search_activities", "{}")));

    LlmResult result = success(ToolLoop.run(anthropicClient(), request("claude-sonnet-4-5"), null, echo,
        new ToolLoop.Limits(2, Duration.ofMinutes(1), 1_000_000), new DeltaRecorder()).result());

    List<RecordedRequest> sent = anthropic.requests(FakeAnthropic.MESSAGES_PATH);
    assertThat(sent).hasSize(3);
    assertThat(sent).extracting(RecordedRequest::toolsOff).containsExactly(false, false, true);
    assertThat(sent.get(2).toolNames()).as("tools stay declared for the calls in the history").hasSize(2);
    assertThat(result.toolRounds()).isEqualTo(2);
    assertThat(ran).hasSize(2);
    assertThat(result.toolCalls()).as("the calls of the tools-off round are not run").hasSize(2);
  }

  @Test
  @DisplayName("maxRounds 0: the first round already has tools off, and calls it makes anyway are not run")
  void noToolRounds() {
    anthropic.next(Reply.text("Plain.").withToolUse(ToolUse.call("toolu_1", "search_activities", "{}")));

    LlmResult result = success(ToolLoop.run(anthropicClient(), request("claude-sonnet-4-5"), null, echo,
        new ToolLoop.Limits(0, Duration.ofMinutes(1), 1_000_000), new DeltaRecorder()).result());

    assertThat(anthropic.requests(FakeAnthropic.MESSAGES_PATH)).extracting(RecordedRequest::toolsOff)
        .containsExactly(true);
    assertThat(ran).isEmpty();
    assertThat(result.toolRounds()).isZero();
    assertThat(result.toolCalls()).isEmpty();
  }

  @Test
  @DisplayName("A spent token budget turns tools off for the next round")
  void tokenBudget() {
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_1", "search_activities", "{}")).usage(900, 200))
        .next(Reply.text("From what I found: …"));

    LlmResult result = success(ToolLoop.run(anthropicClient(), request("claude-sonnet-4-5"), null, echo,
        new ToolLoop.Limits(6, Duration.ofMinutes(1), 1_000), new DeltaRecorder()).result());

    assertThat(anthropic.requests(FakeAnthropic.MESSAGES_PATH)).extracting(RecordedRequest::toolsOff)
        .containsExactly(false, true);
    assertThat(result.toolRounds()).isEqualTo(1);
  }

  @Test
  @DisplayName("A spent time budget turns tools off for the next round")
  void timeBudget() {
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_1", "search_activities", "{}")))
        .next(Reply.text("Enough."));
    ToolLoop.Tools slow = call -> {
      Promise<LlmToolResult> promise = Promise.promise();
      vertx.setTimer(60, id -> promise.complete(new LlmToolResult(call.id(), "ok", false)));
      return promise.future();
    };

    success(ToolLoop.run(anthropicClient(), request("claude-sonnet-4-5"), null, slow,
        new ToolLoop.Limits(6, Duration.ofMillis(50), 1_000_000), new DeltaRecorder()).result());

    assertThat(anthropic.requests(FakeAnthropic.MESSAGES_PATH)).extracting(RecordedRequest::toolsOff)
        .containsExactly(false, true);
  }

  @Test
  @DisplayName("Cancel while a tool runs: the result fails CANCELLED at once, no further round is sent")
  void cancelMidTool() throws Exception {
    anthropic.next(Reply.text("Looking.").withToolUse(ToolUse.call("toolu_1", "search_activities", "{}")));
    CompletableFuture<Void> toolStarted = new CompletableFuture<>();
    Promise<LlmToolResult> never = Promise.promise();
    ToolLoop.Tools hanging = call -> {
      toolStarted.complete(null);
      return never.future();
    };

    LlmCall call = ToolLoop.run(anthropicClient(), request("claude-sonnet-4-5"), null, hanging,
        ToolLoop.Limits.defaults(), new DeltaRecorder());
    toolStarted.get(10, TimeUnit.SECONDS);
    call.cancel();
    LlmException cancelled = failure(call.result());

    assertThat(cancelled.kind()).isEqualTo(Kind.CANCELLED);
    assertThat(cancelled.afterFirstToken()).isTrue();
    assertThat(cancelled.usage().outputTokens()).as("the first round's usage is kept").isPositive();
    never.complete(new LlmToolResult("toolu_1", "late", false));
    Thread.sleep(100);
    assertThat(anthropic.requests(FakeAnthropic.MESSAGES_PATH)).hasSize(1);
  }

  @Test
  @DisplayName("Cancel while a round streams closes the upstream connection")
  void cancelMidRound() throws Exception {
    anthropic.next(Reply.tokens(200).slow(Duration.ofMillis(20)));
    DeltaRecorder deltas = new DeltaRecorder();
    LlmCall call = ToolLoop.run(anthropicClient(), request("claude-sonnet-4-5"), null, echo,
        ToolLoop.Limits.defaults(), deltas);
    deltas.first.get(10, TimeUnit.SECONDS);
    assertThat(call.receivedNanos()).isPositive();

    call.cancel();

    assertThat(failure(call.result()).kind()).isEqualTo(Kind.CANCELLED);
    anthropic.awaitClientDisconnects(1).await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("A server that refuses tools gets the fallback request once; the result says tools were rejected")
  void toolsUnsupportedFallsBack() {
    openAi.refuseTools(true).next(Reply.text("From your summary: …"));
    LlmRequest fallback = new LlmRequest("llama3.2", "You are a coach. Fixed context…",
        List.of(LlmMessage.user("Best 10k ever?")), 512);

    LlmResult result = success(ToolLoop.run(openAiClient(), request("llama3.2"), fallback, echo,
        ToolLoop.Limits.defaults(), new DeltaRecorder()).result());

    assertThat(result.toolsRejected()).isTrue();
    assertThat(result.toolRounds()).isZero();
    List<RecordedRequest> sent = openAi.requests(FakeOpenAi.COMPLETIONS_PATH);
    assertThat(sent).hasSize(2).as("the refusal is not retried");
    assertThat(sent.get(1).toolNames()).isEmpty();
    assertThat(sent.get(1).system()).isEqualTo("You are a coach. Fixed context…");

    LlmException refused = failure(ToolLoop.run(openAiClient(), request("llama3.2"), null, echo,
        ToolLoop.Limits.defaults(), new DeltaRecorder()).result());
    assertThat(refused.kind()).isEqualTo(Kind.TOOLS_UNSUPPORTED);
    assertThat(refused.getMessage()).contains("does not support tools");
  }

  @Test
  @DisplayName("A failure in a later round, after text was delivered, fails with afterFirstToken and the usage so far")
  void failureAfterText() {
    anthropic.next(Reply.text("Let me check.").withToolUse(ToolUse.call("toolu_1", "search_activities", "{}"))
            .usage(100, 20))
        .next(Reply.status(400, "invalid_request_error", "prompt is too long"));

    LlmException failed = failure(ToolLoop.run(anthropicClient(), request("claude-sonnet-4-5"), null, echo,
        ToolLoop.Limits.defaults(), new DeltaRecorder()).result());

    assertThat(failed.kind()).isEqualTo(Kind.BAD_REQUEST);
    assertThat(failed.afterFirstToken()).isTrue();
    assertThat(failed.usage()).isEqualTo(new LlmUsage(100, 20));
  }
}
