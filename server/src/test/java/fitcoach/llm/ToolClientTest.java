package fitcoach.llm;

import static fitcoach.llm.Outcomes.failure;
import static fitcoach.llm.Outcomes.success;
import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.llm.LlmException.Kind;
import fitcoach.settings.Provider;
import fitcoach.settings.ResolvedProvider;
import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.FakeOpenAi;
import fitcoach.testing.llm.Reply;
import fitcoach.testing.llm.ToolUse;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One streamed call with tools against the fakes: first-token timeout, usage of failed calls, the fakes' checks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolClientTest {
  private static final LlmTool SEARCH = new LlmTool("search_activities", "Find activities",
      new JsonObject().put("type", "object"));
  /** Idle timeout far above the first-token timeout, so only the latter can fire. */
  private static final LlmOptions QUICK_FIRST_TOKEN = AnthropicClientTest.FAST.withIdleTimeout(Duration.ofSeconds(20))
      .withFirstTokenTimeout(Duration.ofMillis(300));

  private Vertx vertx;
  private HttpClient http;
  private FakeAnthropic anthropic;
  private FakeOpenAi openAi;

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
  }

  @AfterEach
  void closePool() {
    http.close();
  }

  private LlmClient anthropic(LlmOptions options) {
    return LlmClients.create(vertx, http, new ResolvedProvider(Provider.ANTHROPIC, anthropic.apiKey(),
        anthropic.baseUrl(), "claude-sonnet-4-5", "test"), options);
  }

  private LlmClient openAi(LlmOptions options) {
    return LlmClients.create(vertx, http, new ResolvedProvider(Provider.OPENAI, openAi.apiKey(), openAi.baseUrl(),
        "llama3.2", "test"), options);
  }

  private static LlmRequest ask(String model, List<LlmMessage> messages) {
    return new LlmRequest(model, "Coach.", messages, 256, List.of(SEARCH), false);
  }

  // ---- First-token timeout

  @Test
  @DisplayName("A stream that sends its start and pings but no token fails within attempts × first-token timeout, "
      + "not the idle timeout")
  void firstTokenTimeout() {
    anthropic.defaultReply(Reply.text("Late.").slow(Duration.ofSeconds(5)));
    long start = System.nanoTime();

    LlmException e = failure(anthropic(QUICK_FIRST_TOKEN).stream(ask("claude-sonnet-4-5",
        List.of(LlmMessage.user("Hi"))), delta -> { }).result());

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(e.getMessage()).contains("no answer within 300 ms");
    assertThat(e.afterFirstToken()).isFalse();
    assertThat(anthropic.requests(FakeAnthropic.MESSAGES_PATH)).as("retried like other connection failures").hasSize(3);
    assertThat(millis).isBetween(900L, 4_000L);
    assertThat(e.usage().inputTokens()).as("message_start had reported the input").isPositive();
  }

  @Test
  @DisplayName("A first-token timeout is retried, and the next attempt's answer comes through")
  void firstTokenTimeoutRetried() {
    openAi.next(Reply.text("Late.").slow(Duration.ofSeconds(5)));
    DeltaRecorder deltas = new DeltaRecorder();

    success(openAi(QUICK_FIRST_TOKEN).stream(ask("llama3.2", List.of(LlmMessage.user("Hi"))), deltas).result());

    assertThat(String.join("", deltas.deltas())).isEqualTo(String.join("", Reply.CANNED_TOKENS));
    assertThat(openAi.requests(FakeOpenAi.COMPLETIONS_PATH)).hasSize(2);
  }

  @Test
  @DisplayName("After the first token only the idle timeout applies: a slow answer longer than the first-token "
      + "timeout completes")
  void slowAfterFirstToken() {
    anthropic.next(Reply.text("One ", "two ", "three ", "four").slow(Duration.ofMillis(150)));
    DeltaRecorder deltas = new DeltaRecorder();

    success(anthropic(QUICK_FIRST_TOKEN).stream(ask("claude-sonnet-4-5", List.of(LlmMessage.user("Hi"))), deltas)
        .result());

    assertThat(deltas.deltas()).containsExactly("One ", "two ", "three ", "four");
  }

  // ---- Usage

  @Test
  @DisplayName("A call that fails mid-stream carries what the provider had reported, cache reads and writes apart")
  void usageOnFailure() {
    anthropic.next(Reply.text("a", "b", "c").usage(40, 3).cache(100, 200).errorAfter(2));

    LlmException e = failure(anthropic(AnthropicClientTest.FAST).stream(ask("claude-sonnet-4-5",
        List.of(LlmMessage.user("Hi"))), delta -> { }).result());

    assertThat(e.afterFirstToken()).isTrue();
    assertThat(e.usage()).isEqualTo(new LlmUsage(40, 1, 100, 200));
  }

  @Test
  @DisplayName("Usage through the client: Anthropic's three input kinds, OpenAI's cached_tokens as cache reads")
  void usageSplit() {
    anthropic.next(Reply.text("x").usage(12, 5).cache(900, 3000));
    assertThat(success(anthropic(AnthropicClientTest.FAST).stream(ask("claude-sonnet-4-5",
        List.of(LlmMessage.user("Hi"))), delta -> { }).result()).usage()).isEqualTo(new LlmUsage(12, 5, 900, 3000));

    openAi.next(Reply.text("x").usage(100, 5).cache(0, 1024));
    assertThat(success(openAi(AnthropicClientTest.FAST).stream(ask("llama3.2", List.of(LlmMessage.user("Hi"))),
        delta -> { }).result()).usage()).isEqualTo(new LlmUsage(100, 5, 0, 1024));
  }

  @Test
  @DisplayName("A single call that ends in tool calls returns them with stop reason tool_use, after the text")
  void singleCallReturnsCalls() {
    anthropic.next(Reply.text("Looking").withToolUse(ToolUse.call("toolu_9", "search_activities", "{\"limit\":3}")));
    DeltaRecorder deltas = new DeltaRecorder();

    LlmResult result = success(anthropic(AnthropicClientTest.FAST).stream(ask("claude-sonnet-4-5",
        List.of(LlmMessage.user("Hi"))), deltas).result());

    assertThat(deltas.deltas()).containsExactly("Looking");
    assertThat(result.stopReason()).isEqualTo("tool_use");
    assertThat(result.toolCalls()).containsExactly(new LlmToolCall("toolu_9", "search_activities", "{\"limit\":3}"));
  }

  // ---- The fakes check tool turns as the APIs do

  @Test
  @DisplayName("Anthropic fake: a tool_use without its tool_result, or a result for an unknown call, is a 400")
  void anthropicRejectsUnansweredCalls() {
    LlmMessage calls = LlmMessage.assistant("", List.of(new LlmToolCall("toolu_1", "search_activities", "{}"),
        new LlmToolCall("toolu_2", "search_activities", "{}")));
    LlmException missing = failure(anthropic(AnthropicClientTest.FAST).stream(ask("claude-sonnet-4-5", List.of(
        LlmMessage.user("Hi"), calls, LlmMessage.toolResults(List.of(new LlmToolResult("toolu_1", "ok", false))))),
        delta -> { }).result());
    assertThat(missing.kind()).isEqualTo(Kind.BAD_REQUEST);
    assertThat(missing.getMessage()).contains("`tool_use` ids were found without `tool_result` blocks", "toolu_2");

    LlmException unknown = failure(anthropic(AnthropicClientTest.FAST).stream(ask("claude-sonnet-4-5", List.of(
        LlmMessage.user("Hi"), calls, LlmMessage.toolResults(List.of(new LlmToolResult("toolu_1", "ok", false),
            new LlmToolResult("toolu_2", "ok", false), new LlmToolResult("toolu_X", "?", false))))),
        delta -> { }).result());
    assertThat(unknown.getMessage()).contains("unexpected `tool_use_id`", "toolu_X");

    LlmException undeclared = failure(anthropic(AnthropicClientTest.FAST).stream(new LlmRequest("claude-sonnet-4-5",
        "Coach.", List.of(LlmMessage.user("Hi"), calls, LlmMessage.toolResults(List.of(
            new LlmToolResult("toolu_1", "ok", false), new LlmToolResult("toolu_2", "ok", false)))), 256),
        delta -> { }).result());
    assertThat(undeclared.getMessage()).contains("must define tools");
    assertThat(anthropic.requests(FakeAnthropic.MESSAGES_PATH)).hasSize(3);
  }

  @Test
  @DisplayName("OpenAI fake: tool_calls not followed by a tool message for each id, or a stray tool message, is a 400")
  void openAiRejectsUnansweredCalls() {
    LlmMessage calls = LlmMessage.assistant("Let me see", List.of(new LlmToolCall("call_1", "search_activities", "{}"),
        new LlmToolCall("call_2", "search_activities", "{}")));
    LlmException missing = failure(openAi(AnthropicClientTest.FAST).stream(ask("llama3.2", List.of(
        LlmMessage.user("Hi"), calls, LlmMessage.toolResults(List.of(new LlmToolResult("call_2", "ok", true))))),
        delta -> { }).result());
    assertThat(missing.kind()).isEqualTo(Kind.BAD_REQUEST);
    assertThat(missing.getMessage()).contains("did not have response messages: call_1");

    LlmException stray = failure(openAi(AnthropicClientTest.FAST).stream(ask("llama3.2", List.of(
        LlmMessage.user("Hi"), LlmMessage.toolResults(List.of(new LlmToolResult("call_9", "ok", false))))),
        delta -> { }).result());
    assertThat(stray.getMessage()).contains("must be a response to a preceeding message with 'tool_calls'");

    DeltaRecorder deltas = new DeltaRecorder();
    success(openAi(AnthropicClientTest.FAST).stream(ask("llama3.2", List.of(LlmMessage.user("Hi"), calls,
        LlmMessage.toolResults(List.of(new LlmToolResult("call_1", "ok", false),
            new LlmToolResult("call_2", "ok", true))))), deltas).result());
    assertThat(deltas.deltas()).isNotEmpty();
  }
}
