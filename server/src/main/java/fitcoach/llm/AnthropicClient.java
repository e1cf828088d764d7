package fitcoach.llm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Anthropic Messages API ({@code POST /v1/messages} with {@code stream: true}, protocols.md A.1–A.11) on the shared
 * Vert.x HTTP client. The key travels only in the {@code x-api-key} header and is never logged.
 */
public final class AnthropicClient implements LlmClient {
  static final String VERSION = "2023-06-01";
  private static final int MODELS_PAGE_SIZE = 100;

  private final Vertx vertx;
  private final HttpClient http;
  private final String apiKey;
  private final String baseUrl;
  private final LlmOptions options;
  private final LlmErrors errors;
  private final JsonGet json;
  private final StreamProtocol protocol;

  /** {@code baseUrl} without {@code /v1}, e.g. {@code https://api.anthropic.com}; a trailing {@code /v1} is tolerated. */
  public AnthropicClient(Vertx vertx, HttpClient http, String apiKey, String baseUrl, LlmOptions options) {
    this.vertx = vertx;
    this.http = http;
    this.apiKey = apiKey;
    this.baseUrl = trimmed(baseUrl);
    this.options = options;
    this.errors = new LlmErrors("the Anthropic API", apiKey != null);
    this.json = new JsonGet(vertx, http, options, errors, "request-id");
    this.protocol = new Protocol();
  }

  @Override
  public LlmCall stream(LlmRequest request, Consumer<String> onDelta) {
    return new StreamingCall(vertx, http, protocol, options, request, onDelta).start();
  }

  /** Every page of {@code GET /v1/models}, newest first as the API lists them. */
  @Override
  public Future<List<LlmModel>> models() {
    return page(null, new ArrayList<>());
  }

  private Future<List<LlmModel>> page(String afterId, List<LlmModel> models) {
    String url = baseUrl + "/v1/models?limit=" + MODELS_PAGE_SIZE
        + (afterId == null ? "" : "&after_id=" + URLEncoder.encode(afterId, StandardCharsets.UTF_8));
    return json.get(() -> headers(new RequestOptions().setAbsoluteURI(url))).compose(page -> {
      JsonArray data = page.getValue("data") instanceof JsonArray array ? array : new JsonArray();
      for (Object entry : data) {
        if (entry instanceof JsonObject model && model.getString("id") != null) {
          models.add(new LlmModel(model.getString("id"), model.getString("display_name"),
              instant(model.getString("created_at"))));
        }
      }
      String lastId = page.getString("last_id");
      boolean more = page.getBoolean("has_more", false) && lastId != null && !lastId.equals(afterId) && !data.isEmpty();
      return more ? page(lastId, models) : Future.succeededFuture(List.copyOf(models));
    });
  }

  private RequestOptions headers(RequestOptions request) {
    if (apiKey != null) {
      request.putHeader("x-api-key", apiKey);
    }
    return request.putHeader("anthropic-version", VERSION)
        .putHeader("accept", "application/json")
        .putHeader("user-agent", "FitCoach");
  }

  /**
   * The Messages API request body. The system prompt and the last tool carry cache breakpoints: tools come before the
   * system prompt in the cached prefix, and both are long and stable between turns and tool rounds.
   */
  static JsonObject body(LlmRequest request) {
    JsonArray messages = new JsonArray();
    for (LlmMessage message : request.messages()) {
      messages.add(new JsonObject().put("role", message.role().wire()).put("content", content(message)));
    }
    JsonObject body = new JsonObject()
        .put("model", request.model())
        .put("max_tokens", request.maxTokens())
        .put("stream", true);
    if (request.system() != null && !request.system().isBlank()) {
      body.put("system", new JsonArray().add(new JsonObject().put("type", "text").put("text", request.system())
          .put("cache_control", ephemeral())));
    }
    if (!request.tools().isEmpty()) {
      JsonArray tools = new JsonArray();
      for (LlmTool tool : request.tools()) {
        tools.add(new JsonObject().put("name", tool.name()).put("description", tool.description())
            .put("input_schema", tool.inputSchema().copy()));
      }
      tools.getJsonObject(tools.size() - 1).put("cache_control", ephemeral());
      body.put("tools", tools);
      if (request.toolsOff()) {
        body.put("tool_choice", new JsonObject().put("type", "none"));
      }
    }
    return body.put("messages", messages);
  }

  /**
   * A plain turn is a string; a turn with tool calls is [text block if any, tool_use blocks]; a results turn is
   * tool_result blocks, {@code is_error} only where a tool failed.
   */
  private static Object content(LlmMessage message) {
    if (!message.toolResults().isEmpty()) {
      JsonArray blocks = new JsonArray();
      for (LlmToolResult result : message.toolResults()) {
        JsonObject block = new JsonObject().put("type", "tool_result").put("tool_use_id", result.toolCallId())
            .put("content", result.content());
        if (result.isError()) {
          block.put("is_error", true);
        }
        blocks.add(block);
      }
      return blocks;
    }
    if (message.toolCalls().isEmpty()) {
      return message.content();
    }
    JsonArray blocks = new JsonArray();
    if (!message.content().isEmpty()) {
      blocks.add(new JsonObject().put("type", "text").put("text", message.content()));
    }
    for (LlmToolCall call : message.toolCalls()) {
      // The API wants the input as an object; arguments the model garbled go back as {} (the result says why).
      JsonObject input = call.argumentsObject();
      blocks.add(new JsonObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
          .put("input", input == null ? new JsonObject() : input));
    }
    return blocks;
  }

  private static JsonObject ephemeral() {
    return new JsonObject().put("type", "ephemeral");
  }

  private static Instant instant(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String trimmed(String url) {
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return trimmed.endsWith("/v1") ? trimmed.substring(0, trimmed.length() - 3) : trimmed;
  }

  private final class Protocol implements StreamProtocol {
    @Override
    public RequestOptions request() {
      return headers(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(baseUrl + "/v1/messages"))
          .putHeader("content-type", "application/json");
    }

    @Override
    public Buffer body(LlmRequest request) {
      return AnthropicClient.body(request).toBuffer();
    }

    @Override
    public StreamDecoder decoder() {
      return new AnthropicStream(errors);
    }

    @Override
    public String requestIdHeader() {
      return "request-id";
    }

    @Override
    public LlmErrors errors() {
      return errors;
    }
  }
}
