package fitcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Both decoders' tool-call path and usage, fed raw bytes through {@link SseParser} as the client feeds them. */
class ToolStreamTest {
  private static final LlmErrors ERRORS = new LlmErrors("the test server", true);

  // ---- Anthropic

  private static String event(String name, String json) {
    return "event: " + name + "\ndata: " + json + "\n\n";
  }

  private static final String A_START = event("message_start", "{\"type\":\"message_start\",\"message\":{\"model\":"
      + "\"claude-test\",\"usage\":{\"input_tokens\":12,\"cache_creation_input_tokens\":900,"
      + "\"cache_read_input_tokens\":3000,\"output_tokens\":1}}}");

  private static String blockStart(int index, String blockJson) {
    return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":"
        + blockJson + "}");
  }

  private static String inputDelta(int index, String partial) {
    return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
        + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + io.vertx.core.json.Json.encode(partial) + "}}");
  }

  private static String textDelta(int index, String text) {
    return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
        + ",\"delta\":{\"type\":\"text_delta\",\"text\":" + io.vertx.core.json.Json.encode(text) + "}}");
  }

  private static String blockStop(int index) {
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
  }

  private static final String A_END = event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
      + "\"tool_use\"},\"usage\":{\"output_tokens\":57}}") + event("message_stop", "{\"type\":\"message_stop\"}");

  /** Text, then two tool_use blocks whose input arrives in pieces cut mid-key, mid-string and mid-escape. */
  private static final String A_TWO_CALLS = A_START
      + blockStart(0, "{\"type\":\"text\",\"text\":\"\"}") + textDelta(0, "Let me look ") + textDelta(0, "that up.")
      + blockStop(0)
      + blockStart(1, "{\"type\":\"tool_use\",\"id\":\"toolu_01A\",\"name\":\"search_activities\",\"input\":{}}")
      + inputDelta(1, "") + inputDelta(1, "{\"sp") + inputDelta(1, "ort\": \"ru") + inputDelta(1, "n\", \"text\": \"Gr\\u00")
      + inputDelta(1, "fc\\\"ße 💤\", \"limit\"") + inputDelta(1, ": 5}") + blockStop(1)
      + blockStart(2, "{\"type\":\"tool_use\",\"id\":\"toolu_01B\",\"name\":\"athlete_profile\",\"input\":{}}")
      + blockStop(2)
      + A_END;

  @Test
  @DisplayName("Anthropic: text before the calls streams; two tool_use blocks come back joined, in block order, "
      + "whatever byte the stream is cut at")
  void anthropicTwoCalls() {
    byte[] all = bytes(A_TWO_CALLS);
    for (int split = 0; split <= all.length; split += 7) {
      Decoded decoded = decode(new AnthropicStream(ERRORS), all, split);
      assertThat(decoded.text()).isEqualTo("Let me look that up.");
      LlmResult result = decoded.result();
      assertThat(result.stopReason()).isEqualTo("tool_use");
      assertThat(result.toolCalls()).extracting(LlmToolCall::id, LlmToolCall::name)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("toolu_01A", "search_activities"),
              org.assertj.core.groups.Tuple.tuple("toolu_01B", "athlete_profile"));
      assertThat(result.toolCalls().get(0).argumentsObject()).as("split at %d", split).isEqualTo(new JsonObject()
          .put("sport", "run").put("text", "Grü\"ße 💤").put("limit", 5));
      assertThat(result.toolCalls().get(1).argumentsJson()).as("no input deltas: empty arguments").isEmpty();
    }
  }

  @Test
  @DisplayName("Anthropic: usage keeps uncached input, cache writes and cache reads apart")
  void anthropicUsage() {
    LlmResult result = decode(new AnthropicStream(ERRORS), bytes(A_TWO_CALLS), 0).result();
    assertThat(result.usage()).isEqualTo(new LlmUsage(12, 57, 900, 3000));
  }

  @Test
  @DisplayName("Anthropic: malformed arguments are returned as streamed; a tool_use without id or name is malformed")
  void anthropicMalformed() {
    String garbled = A_START + blockStart(0, "{\"type\":\"tool_use\",\"id\":\"toolu_X\",\"name\":\"get_activity\"}")
        + inputDelta(0, "{\"id\": \"a1") + blockStop(0) + A_END;
    LlmResult result = decode(new AnthropicStream(ERRORS), bytes(garbled), 0).result();
    assertThat(result.toolCalls()).containsExactly(new LlmToolCall("toolu_X", "get_activity", "{\"id\": \"a1"));
    assertThat(result.toolCalls().get(0).argumentsObject()).isNull();

    String nameless = A_START + blockStart(0, "{\"type\":\"tool_use\",\"id\":\"toolu_X\"}") + A_END;
    assertThatThrownBy(() -> decode(new AnthropicStream(ERRORS), bytes(nameless), 0))
        .isInstanceOf(LlmException.class).hasMessageContaining("tool_use block without id or name");
  }

  @Test
  @DisplayName("Anthropic: before the end, the decoder knows a call has started and what usage was reported")
  void anthropicProgress() {
    AnthropicStream decoder = new AnthropicStream(ERRORS);
    SseParser parser = new SseParser(event -> decoder.onEvent(event, text -> { }));
    parser.feed(bytes(A_START));
    assertThat(decoder.toolCallsStarted()).isZero();
    assertThat(decoder.usage()).isEqualTo(new LlmUsage(12, 1, 900, 3000));
    parser.feed(bytes(blockStart(0, "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\"}")));
    assertThat(decoder.toolCallsStarted()).isEqualTo(1);
  }

  // ---- OpenAI-compatible

  private static String chunk(String deltaJson, String finish) {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"llama3.2:latest\",\"choices\":"
        + "[{\"index\":0,\"delta\":" + deltaJson + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"")
        + "}]}\n\n";
  }

  private static String call(int index, String id, String name, String arguments) {
    JsonObject function = new JsonObject();
    if (name != null) {
      function.put("name", name);
    }
    if (arguments != null) {
      function.put("arguments", arguments);
    }
    JsonObject fragment = new JsonObject().put("index", index).put("function", function);
    if (id != null) {
      fragment.put("id", id).put("type", "function");
    }
    return "{\"tool_calls\":[" + fragment.encode() + "]}";
  }

  private static final String O_USAGE = "data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":5000,"
      + "\"completion_tokens\":40,\"total_tokens\":5040,\"prompt_tokens_details\":{\"cached_tokens\":4096}}}\n\n";

  /** Text, then two calls whose fragments interleave, arguments cut anywhere. */
  private static final String O_TWO_CALLS = chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)
      + chunk("{\"content\":\"Checking…\"}", null)
      + chunk(call(0, "call_a", "search_activities", ""), null)
      + chunk(call(1, "call_b", "get_activity", "{\"i"), null)
      + chunk(call(0, null, null, "{\"sort\":\"dist"), null)
      + chunk(call(1, null, null, "d\": \"a1\"}"), null)
      + chunk(call(0, null, null, "ance\"}"), null)
      + chunk("{}", "tool_calls") + O_USAGE + "data: [DONE]\n\n";

  @Test
  @DisplayName("OpenAI: interleaved tool_calls fragments join by index, text streams, finish_reason tool_calls, "
      + "whatever byte the stream is cut at")
  void openAiTwoCalls() {
    byte[] all = bytes(O_TWO_CALLS);
    for (int split = 0; split <= all.length; split += 5) {
      Decoded decoded = decode(new OpenAiStream(ERRORS), all, split);
      assertThat(decoded.text()).isEqualTo("Checking…");
      assertThat(decoded.result().stopReason()).isEqualTo("tool_calls");
      assertThat(decoded.result().toolCalls()).as("split at %d", split).containsExactly(
          new LlmToolCall("call_a", "search_activities", "{\"sort\":\"distance\"}"),
          new LlmToolCall("call_b", "get_activity", "{\"id\": \"a1\"}"));
    }
  }

  @Test
  @DisplayName("OpenAI: cached prompt tokens are cache reads, taken out of the input")
  void openAiCachedTokens() {
    assertThat(decode(new OpenAiStream(ERRORS), bytes(O_TWO_CALLS), 0).result().usage())
        .isEqualTo(new LlmUsage(904, 40, 0, 4096));
    String plain = chunk("{\"content\":\"Hi\"}", "stop") + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,"
        + "\"completion_tokens\":2}}\n\ndata: [DONE]\n\n";
    assertThat(decode(new OpenAiStream(ERRORS), bytes(plain), 0).result().usage()).isEqualTo(new LlmUsage(7, 2));
  }

  @Test
  @DisplayName("OpenAI: Ollama's whole calls without index, each with its own id, are two calls")
  void openAiWholeCallsWithoutIndex() {
    String ollama = chunk("{\"tool_calls\":[{\"id\":\"call_1\",\"function\":{\"name\":\"training_load\",\"arguments\":"
        + "\"{\\\"from\\\":\\\"2025-01-01\\\",\\\"to\\\":\\\"2025-02-01\\\"}\"}}]}", null)
        + chunk("{\"tool_calls\":[{\"id\":\"call_2\",\"function\":{\"name\":\"athlete_profile\",\"arguments\":{}}}]}",
            null)
        + chunk("{}", "tool_calls") + "data: [DONE]\n\n";
    assertThat(decode(new OpenAiStream(ERRORS), bytes(ollama), 0).result().toolCalls()).containsExactly(
        new LlmToolCall("call_1", "training_load", "{\"from\":\"2025-01-01\",\"to\":\"2025-02-01\"}"),
        new LlmToolCall("call_2", "athlete_profile", "{}"));
  }

  @Test
  @DisplayName("OpenAI: a call that never names its function fails the stream as malformed")
  void openAiNameless() {
    String nameless = chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"function\":{\"arguments\":\"{}\"}}]}", null)
        + chunk("{}", "tool_calls") + "data: [DONE]\n\n";
    assertThatThrownBy(() -> decode(new OpenAiStream(ERRORS), bytes(nameless), 0))
        .isInstanceOf(LlmException.class).hasMessageContaining("without a function name");
  }

  @Test
  @DisplayName("Tools refusals: 400s naming tools or functions, llama.cpp's 500, and only when tools were sent")
  void toolsRefused() {
    assertThat(kind(400, "registry.ollama.ai/library/gemma2:latest does not support tools", true))
        .isEqualTo(LlmException.Kind.TOOLS_UNSUPPORTED);
    assertThat(kind(400, "\"auto\" tool choice requires --enable-auto-tool-choice", true))
        .isEqualTo(LlmException.Kind.TOOLS_UNSUPPORTED);
    assertThat(kind(500, "tools param requires --jinja flag", true)).isEqualTo(LlmException.Kind.TOOLS_UNSUPPORTED);
    assertThat(kind(400, "does not support tools", false)).isEqualTo(LlmException.Kind.BAD_REQUEST);
    assertThat(kind(400, "Unsupported parameter: 'tools' is not supported with this model.", true))
        .isEqualTo(LlmException.Kind.TOOLS_UNSUPPORTED);
    assertThat(kind(400, "max_tokens: too large", true)).isEqualTo(LlmException.Kind.BAD_REQUEST);
    assertThat(kind(400, "messages.2: `tool_use` ids were found without `tool_result` blocks immediately after", true))
        .as("our own mistake with tools is no refusal").isEqualTo(LlmException.Kind.BAD_REQUEST);
    assertThat(kind(500, "Internal error", true)).isEqualTo(LlmException.Kind.UPSTREAM);
  }

  private static LlmException.Kind kind(int status, String message, boolean toolsSent) {
    return ERRORS.http(status, new UpstreamError("invalid_request_error", message), toolsSent).kind();
  }

  // ---- Helpers

  private record Decoded(String text, LlmResult result) {}

  /** Feeds the bytes in two pieces cut at {@code split}; the stream must end with a result. */
  private static Decoded decode(StreamDecoder decoder, byte[] all, int split) {
    StringBuilder text = new StringBuilder();
    List<LlmResult> results = new ArrayList<>();
    SseParser parser = new SseParser(event -> {
      LlmResult result = decoder.onEvent(event, text::append);
      if (result != null) {
        results.add(result);
      }
    });
    parser.feed(Arrays.copyOfRange(all, 0, split));
    parser.feed(Arrays.copyOfRange(all, split, all.length));
    parser.end();
    assertThat(results).as("the end of the answer reached").hasSize(1);
    return new Decoded(text.toString(), results.get(0));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
