package fitcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.models.ModelInfo;
import fitcoach.testing.llm.AnthropicModels;
import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.RecordedRequest.SentToolResult;
import fitcoach.testing.llm.Reply;
import fitcoach.testing.llm.ToolUse;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Points the official Anthropic Java SDK (3.x, test scope) at the fake: if the SDK is happy with every answer, the fake
 * speaks the real protocol.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeAnthropicSdkTest {
  private Vertx vertx;
  private FakeAnthropic fake;
  private AnthropicClient sdk;

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    fake = FakeAnthropic.start(vertx).await(10, TimeUnit.SECONDS);
    sdk = sdk(fake.apiKey());
  }

  @AfterAll
  void stop() throws Exception {
    sdk.close();
    fake.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void resetFake() {
    fake.reset();
  }

  private AnthropicClient sdk(String key) {
    return AnthropicOkHttpClient.builder().apiKey(key).baseUrl(fake.baseUrl()).maxRetries(0)
        .timeout(Duration.ofSeconds(10)).build();
  }

  private static MessageCreateParams params(String model) {
    return MessageCreateParams.builder().model(model).maxTokens(256).system("You are an endurance coach.")
        .addUserMessage("Ride or rest today?").build();
  }

  @Test
  @DisplayName("The SDK's createStreaming reads the fake's stream: every event type, the text and the final usage")
  void streaming() {
    fake.next(Reply.text("Easy ", "spin, ", "Grüße 💤").withUnknownEvents().usage(135, 3));
    List<String> text = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    long outputTokens = -1;
    String model = null;
    try (StreamResponse<RawMessageStreamEvent> stream = sdk.messages().createStreaming(params("claude-sonnet-4-5"))) {
      for (RawMessageStreamEvent event : (Iterable<RawMessageStreamEvent>) stream.stream()::iterator) {
        if (event.messageStart().isPresent()) {
          kinds.add("message_start");
          model = event.messageStart().get().message().model().asString();
        } else if (event.contentBlockDelta().isPresent()) {
          event.contentBlockDelta().get().delta().text().ifPresent(delta -> text.add(delta.text()));
        } else if (event.messageDelta().isPresent()) {
          kinds.add("message_delta");
          outputTokens = event.messageDelta().get().usage().outputTokens();
        } else if (event.isMessageStop()) {
          kinds.add("message_stop");
        }
      }
    }

    assertThat(text).containsExactly("Easy ", "spin, ", "Grüße 💤");
    assertThat(kinds).containsExactly("message_start", "message_delta", "message_stop");
    assertThat(model).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(outputTokens).isEqualTo(3);
    // SDK 3.x sends the key as a Bearer token with anthropic-version 2026-10-21 (2.x: x-api-key, 2023-06-01).
    assertThat(fake.lastRequest().header("authorization")).isEqualTo("Bearer " + FakeAnthropic.API_KEY);
    assertThat(fake.lastRequest().header("anthropic-version")).isNotBlank();
    assertThat(fake.lastRequest().body().getBoolean("stream")).isTrue();
  }

  @Test
  @DisplayName("Frames split at odd byte boundaries are still one valid stream for the SDK")
  void streamingSplit() {
    fake.next(Reply.tokens(40).splitFrames(9));
    StringBuilder text = new StringBuilder();
    try (StreamResponse<RawMessageStreamEvent> stream = sdk.messages().createStreaming(params("claude-opus-5"))) {
      stream.stream().forEach(event -> event.contentBlockDelta()
          .flatMap(delta -> delta.delta().text()).ifPresent(delta -> text.append(delta.text())));
    }

    assertThat(text.toString()).isEqualTo(Reply.generatedText(40));
  }

  @Test
  @DisplayName("The SDK's non-streaming create gets a complete Message")
  void nonStreaming() {
    fake.next(Reply.text("Rest ", "today.").stopReason("max_tokens").usage(20, 2));

    Message message = sdk.messages().create(params("claude-haiku-4-5"));

    assertThat(message.content()).extracting(block -> block.text().map(t -> t.text()).orElse(null))
        .containsExactly("Rest today.");
    assertThat(message.content()).allMatch(ContentBlock::isText);
    assertThat(message.stopReason()).contains(StopReason.MAX_TOKENS);
    assertThat(message.usage().inputTokens()).isEqualTo(20);
    assertThat(message.usage().outputTokens()).isEqualTo(2);
    assertThat(message.model().asString()).isEqualTo("claude-haiku-4-5-20251001");
  }

  @Test
  @DisplayName("The SDK's auto-pager walks the fake's paginated model list")
  void models() {
    fake.maxPageSize(4);

    List<String> ids = sdk.models().list().autoPager().stream().map(ModelInfo::id).toList();

    assertThat(ids).containsExactlyElementsOf(AnthropicModels.CURRENT.stream().map(AnthropicModels.Model::id).toList());
    assertThat(fake.requests(FakeAnthropic.MODELS_PATH)).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  @DisplayName("The SDK maps the fake's errors to its own exception types: 401, 404, 429, 529 and an in-stream error")
  void errors() {
    AnthropicClient wrongKey = sdk("sk-ant-wrong");
    try {
      assertThatThrownBy(() -> wrongKey.messages().create(params("claude-sonnet-5")))
          .isInstanceOf(UnauthorizedException.class);
    } finally {
      wrongKey.close();
    }
    assertThatThrownBy(() -> sdk.messages().create(params("claude-3-haiku-20240307")))
        .isInstanceOf(NotFoundException.class);

    fake.next(Reply.rateLimited()).next(Reply.overloaded()).next(Reply.cannedAnswer().errorAfter(1));
    assertThatThrownBy(() -> sdk.messages().create(params("claude-sonnet-5"))).isInstanceOf(RateLimitException.class);
    assertThatThrownBy(() -> sdk.messages().create(params("claude-sonnet-5"))).isInstanceOf(OverloadedException.class);
    assertThatThrownBy(() -> {
      try (StreamResponse<RawMessageStreamEvent> stream = sdk.messages().createStreaming(params("claude-sonnet-5"))) {
        stream.stream().forEach(event -> { });
      }
    }).isInstanceOf(SseException.class);
  }

  private static Tool searchTool() {
    return Tool.builder().name("search_activities").description("Find activities")
        .inputSchema(Tool.InputSchema.builder().properties(Tool.InputSchema.Properties.builder()
            .putAdditionalProperty("sport", JsonValue.from(Map.of("type", "string"))).build()).build())
        .build();
  }

  @Test
  @DisplayName("The SDK reads the fake's tool stream: text, two tool_use blocks with inputs split at odd places, "
      + "stop_reason tool_use; its tool_result turn passes the fake's checks")
  void toolUse() {
    fake.next(Reply.text("Let me ", "look.").withToolUse(
            ToolUse.call("toolu_01A", "search_activities", "{\"sport\":\"run\",\"text\":\"Grüße \\\"10k\\\" 💤\"}"),
            ToolUse.call("toolu_01B", "search_activities", "{\"sport\":\"swim\"}").pieceSize(1))
        .splitFrames(17))
        .next(Reply.text("Your best 10k was 41:02."));
    MessageCreateParams params = MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(256)
        .system("You are an endurance coach.").addTool(searchTool()).addUserMessage("Best 10k?").build();

    MessageAccumulator accumulator = MessageAccumulator.create();
    try (StreamResponse<RawMessageStreamEvent> stream = sdk.messages().createStreaming(params)) {
      stream.stream().forEach(accumulator::accumulate);
    }
    Message message = accumulator.message();

    assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
    assertThat(message.content().get(0).text().map(t -> t.text())).contains("Let me look.");
    List<ToolUseBlock> calls = message.content().stream().flatMap(block -> block.toolUse().stream()).toList();
    assertThat(calls).extracting(ToolUseBlock::id).containsExactly("toolu_01A", "toolu_01B");
    assertThat(calls).extracting(ToolUseBlock::name).containsOnly("search_activities");
    assertThat(calls.get(0)._input().convert(Map.class)).isEqualTo(Map.of("sport", "run", "text", "Grüße \"10k\" 💤"));
    assertThat(calls.get(1)._input().convert(Map.class)).isEqualTo(Map.of("sport", "swim"));

    MessageCreateParams next = params.toBuilder().addMessage(message.toParam())
        .addUserMessageOfContentBlockParams(List.of(
            ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId("toolu_01A").content("3 runs").build()),
            ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId("toolu_01B").content("no swims")
                .isError(true).build())))
        .build();
    Message answer = sdk.messages().create(next);

    assertThat(answer.content().get(0).text().map(t -> t.text())).contains("Your best 10k was 41:02.");
    assertThat(fake.lastRequest().toolResults()).containsExactly(new SentToolResult("toolu_01A", "3 runs", false),
        new SentToolResult("toolu_01B", "no swims", true));
  }
}
