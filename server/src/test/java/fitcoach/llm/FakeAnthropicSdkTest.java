package fitcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
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
import fitcoach.testing.llm.Reply;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
}
