package fitcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How tools, tool calls and tool results are written into each provider's request body. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolRequestBodyTest {
  private static final JsonObject SEARCH_SCHEMA = new JsonObject().put("type", "object")
      .put("properties", new JsonObject().put("sport", new JsonObject().put("type", "string")))
      .put("additionalProperties", false);
  private static final LlmTool SEARCH = new LlmTool("search_activities", "Find activities", SEARCH_SCHEMA);
  private static final LlmTool GET = new LlmTool("get_activity", "One activity",
      new JsonObject().put("type", "object").put("required", new JsonArray().add("id")));
  private static final List<LlmMessage> HISTORY = List.of(
      LlmMessage.user("Best 10k?"),
      LlmMessage.assistant("Let me look.", List.of(new LlmToolCall("toolu_1", "search_activities", "{\"sport\":\"run\"}"),
          new LlmToolCall("toolu_2", "get_activity", "{\"id\":"))),
      LlmMessage.toolResults(List.of(new LlmToolResult("toolu_1", "{\"rows\":[]}", false),
          new LlmToolResult("toolu_2", "arguments are not valid JSON", true))),
      LlmMessage.assistant("", List.of(new LlmToolCall("toolu_3", "get_activity", "{\"id\":\"a1\"}"))),
      LlmMessage.toolResults(List.of(new LlmToolResult("toolu_3", "{}", false))));

  private Vertx vertx;
  private HttpClient http;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    http = LlmClients.httpClient(vertx);
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private JsonObject openAi(LlmRequest request) {
    return new OpenAiClient(vertx, http, null, "http://127.0.0.1:1/v1", LlmOptions.defaults()).body(request);
  }

  @Test
  @DisplayName("Anthropic: tools with input_schema, the cache breakpoint on the last tool and on the system prompt")
  void anthropicTools() {
    JsonObject body = AnthropicClient.body(new LlmRequest("m", "System", List.of(LlmMessage.user("Hi")), 100,
        List.of(SEARCH, GET), false));

    JsonArray tools = body.getJsonArray("tools");
    assertThat(tools).hasSize(2);
    assertThat(tools.getJsonObject(0)).isEqualTo(new JsonObject().put("name", "search_activities")
        .put("description", "Find activities").put("input_schema", SEARCH_SCHEMA));
    assertThat(tools.getJsonObject(1).getJsonObject("cache_control")).isEqualTo(new JsonObject().put("type", "ephemeral"));
    assertThat(body.getJsonArray("system").getJsonObject(0).getJsonObject("cache_control"))
        .isEqualTo(new JsonObject().put("type", "ephemeral"));
    assertThat(body.containsKey("tool_choice")).isFalse();
    assertThat(SEARCH_SCHEMA.containsKey("cache_control")).as("the tool's own schema is not changed").isFalse();
  }

  @Test
  @DisplayName("Anthropic: toolsOff keeps the tools listed and sets tool_choice none; no tools, no tools field")
  void anthropicToolsOff() {
    JsonObject off = AnthropicClient.body(new LlmRequest("m", null, HISTORY, 100, List.of(SEARCH, GET), true));
    assertThat(off.getJsonArray("tools")).hasSize(2);
    assertThat(off.getJsonObject("tool_choice")).isEqualTo(new JsonObject().put("type", "none"));

    JsonObject plain = AnthropicClient.body(new LlmRequest("m", null, List.of(LlmMessage.user("Hi")), 100));
    assertThat(plain.fieldNames()).containsExactlyInAnyOrder("model", "max_tokens", "stream", "messages");
    assertThat(plain.getJsonArray("messages").getJsonObject(0).getValue("content")).isEqualTo("Hi");
  }

  @Test
  @DisplayName("Anthropic: assistant turns become text + tool_use blocks, results become tool_result blocks")
  void anthropicHistory() {
    JsonArray messages = AnthropicClient.body(new LlmRequest("m", null, HISTORY, 100, List.of(SEARCH, GET), false))
        .getJsonArray("messages");

    assertThat(messages.getJsonObject(1)).isEqualTo(new JsonObject().put("role", "assistant").put("content",
        new JsonArray()
            .add(new JsonObject().put("type", "text").put("text", "Let me look."))
            .add(new JsonObject().put("type", "tool_use").put("id", "toolu_1").put("name", "search_activities")
                .put("input", new JsonObject().put("sport", "run")))
            // Malformed arguments cannot go back as an object: {} (the error result tells the model why).
            .add(new JsonObject().put("type", "tool_use").put("id", "toolu_2").put("name", "get_activity")
                .put("input", new JsonObject()))));
    assertThat(messages.getJsonObject(2)).isEqualTo(new JsonObject().put("role", "user").put("content",
        new JsonArray()
            .add(new JsonObject().put("type", "tool_result").put("tool_use_id", "toolu_1").put("content", "{\"rows\":[]}"))
            .add(new JsonObject().put("type", "tool_result").put("tool_use_id", "toolu_2")
                .put("content", "arguments are not valid JSON").put("is_error", true))));
    JsonArray noText = messages.getJsonObject(3).getJsonArray("content");
    assertThat(noText).hasSize(1);
    assertThat(noText.getJsonObject(0).getString("type")).isEqualTo("tool_use");
  }

  @Test
  @DisplayName("OpenAI: function tools, tool_choice none when tools are off, nothing when there are none")
  void openAiTools() {
    JsonObject body = openAi(new LlmRequest("m", "System", List.of(LlmMessage.user("Hi")), 100, List.of(SEARCH), false));
    assertThat(body.getJsonArray("tools")).containsExactly(new JsonObject().put("type", "function").put("function",
        new JsonObject().put("name", "search_activities").put("description", "Find activities")
            .put("parameters", SEARCH_SCHEMA)));
    assertThat(body.containsKey("tool_choice")).isFalse();

    JsonObject off = openAi(new LlmRequest("m", "System", HISTORY, 100, List.of(SEARCH, GET), true));
    assertThat(off.getValue("tool_choice")).isEqualTo("none");
    assertThat(off.getJsonArray("tools")).hasSize(2);

    JsonObject plain = openAi(new LlmRequest("m", "System", List.of(LlmMessage.user("Hi")), 100));
    assertThat(plain.containsKey("tools")).isFalse();
    assertThat(plain.containsKey("tool_choice")).isFalse();
  }

  @Test
  @DisplayName("OpenAI: assistant tool_calls with arguments as streamed, one tool message per result, errors in words")
  void openAiHistory() {
    JsonArray messages = openAi(new LlmRequest("m", "System", HISTORY, 100, List.of(SEARCH, GET), false))
        .getJsonArray("messages");

    assertThat(messages.stream().map(m -> ((JsonObject) m).getString("role")).toList())
        .containsExactly("system", "user", "assistant", "tool", "tool", "assistant", "tool");
    JsonObject assistant = messages.getJsonObject(2);
    assertThat(assistant.getValue("content")).isEqualTo("Let me look.");
    assertThat(assistant.getJsonArray("tool_calls")).containsExactly(
        new JsonObject().put("id", "toolu_1").put("type", "function").put("function",
            new JsonObject().put("name", "search_activities").put("arguments", "{\"sport\":\"run\"}")),
        new JsonObject().put("id", "toolu_2").put("type", "function").put("function",
            new JsonObject().put("name", "get_activity").put("arguments", "{\"id\":")));
    assertThat(messages.getJsonObject(3)).isEqualTo(new JsonObject().put("role", "tool").put("tool_call_id", "toolu_1")
        .put("content", "{\"rows\":[]}"));
    assertThat(messages.getJsonObject(4)).isEqualTo(new JsonObject().put("role", "tool").put("tool_call_id", "toolu_2")
        .put("content", "Error: arguments are not valid JSON"));
    JsonObject silent = messages.getJsonObject(5);
    assertThat(silent.containsKey("content")).isTrue();
    assertThat(silent.getValue("content")).as("no text before the call: content null").isNull();
  }

  @Test
  @DisplayName("Messages and requests: old constructors still work, tool turns are checked")
  void types() {
    assertThat(LlmMessage.user("x").toolCalls()).isEmpty();
    assertThat(new LlmMessage(LlmMessage.Role.ASSISTANT, "y").content()).isEqualTo("y");
    assertThat(new LlmRequest("m", null, List.of(LlmMessage.user("x")), 10).tools()).isEmpty();
    assertThat(new LlmResult("m", "end_turn", new LlmUsage(3, 4))).isEqualTo(
        new LlmResult("m", "end_turn", new LlmUsage(3, 4, 0, 0), List.of(), 0, false));
    assertThat(new LlmUsage(1, 2, 3, 4).plus(new LlmUsage(10, 20, 30, 40))).isEqualTo(new LlmUsage(11, 22, 33, 44));
    assertThat(new LlmUsage(1, 2, 3, 4).total()).isEqualTo(10);
    assertThat(new LlmToolCall("a", "b", "[1]").argumentsObject()).isNull();
    assertThat(new LlmToolCall("a", "b", " {\"x\":1} ").argumentsObject()).isEqualTo(new JsonObject().put("x", 1));
    assertThatThrownBy(() -> LlmMessage.toolResults(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LlmMessage(LlmMessage.Role.USER, "", List.of(new LlmToolCall("a", "b", "{}")), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(LlmOptions.defaults().firstTokenTimeout()).hasSeconds(30);
    LlmException e = new LlmException(LlmException.Kind.UPSTREAM, 0, "x", false);
    assertThat(e.usage()).isEqualTo(LlmUsage.NONE);
    assertThat(e.withUsage(new LlmUsage(5, 6)).usage()).isEqualTo(new LlmUsage(5, 6));
  }
}
