package fitcoach.llm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An OpenAI-compatible server ({@code POST {baseUrl}/chat/completions}, protocols.md A2.1): Ollama, llama.cpp, vLLM or
 * OpenAI itself. {@code baseUrl} includes the version path, e.g. {@code http://localhost:11434/v1}. Local servers
 * often need no key; then no {@code Authorization} header is sent.
 */
public final class OpenAiClient implements LlmClient {
  private final Vertx vertx;
  private final HttpClient http;
  private final String apiKey;
  private final String baseUrl;
  private final boolean openAiItself;
  private final LlmOptions options;
  private final LlmErrors errors;
  private final JsonGet json;
  private final StreamProtocol protocol;

  public OpenAiClient(Vertx vertx, HttpClient http, String apiKey, String baseUrl, LlmOptions options) {
    this.vertx = vertx;
    this.http = http;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    String host = hostOf(this.baseUrl);
    this.openAiItself = host.equals("api.openai.com");
    this.options = options;
    this.errors = new LlmErrors(openAiItself ? "OpenAI" : "the AI server at " + host, this.apiKey != null);
    this.json = new JsonGet(vertx, http, options, errors, "x-request-id");
    this.protocol = new Protocol();
  }

  @Override
  public LlmCall stream(LlmRequest request, Consumer<String> onDelta) {
    return new StreamingCall(vertx, http, protocol, options, request, onDelta).start();
  }

  /** {@code GET {baseUrl}/models}, in the server's order; OpenAI-style lists have no display names. */
  @Override
  public Future<List<LlmModel>> models() {
    return json.get(() -> authorized(new RequestOptions().setAbsoluteURI(baseUrl + "/models"))).map(list -> {
      List<LlmModel> models = new ArrayList<>();
      JsonArray data = list.getValue("data") instanceof JsonArray array ? array : new JsonArray();
      for (Object entry : data) {
        if (entry instanceof JsonObject model && model.getString("id") != null) {
          Instant created = model.getValue("created") instanceof Number n && n.longValue() > 0
              ? Instant.ofEpochSecond(n.longValue()) : null;
          models.add(new LlmModel(model.getString("id"), null, created));
        }
      }
      return List.copyOf(models);
    });
  }

  /**
   * The chat request: the system prompt as the first message, usage requested in the stream. OpenAI's newer models
   * refuse {@code max_tokens} in favour of {@code max_completion_tokens}, which local servers do not all know yet.
   */
  JsonObject body(LlmRequest request) {
    JsonArray messages = new JsonArray();
    if (request.system() != null && !request.system().isBlank()) {
      messages.add(new JsonObject().put("role", "system").put("content", request.system()));
    }
    for (LlmMessage message : request.messages()) {
      addMessage(messages, message);
    }
    JsonObject body = new JsonObject()
        .put("model", request.model())
        .put("messages", messages)
        .put("stream", true)
        .put("stream_options", new JsonObject().put("include_usage", true))
        .put(openAiItself ? "max_completion_tokens" : "max_tokens", request.maxTokens());
    if (!request.tools().isEmpty()) {
      JsonArray tools = new JsonArray();
      for (LlmTool tool : request.tools()) {
        tools.add(new JsonObject().put("type", "function").put("function", new JsonObject().put("name", tool.name())
            .put("description", tool.description()).put("parameters", tool.inputSchema().copy())));
      }
      body.put("tools", tools);
      if (request.toolsOff()) {
        body.put("tool_choice", "none");
      }
    }
    return body;
  }

  /**
   * An assistant turn with calls: content null when it had no text, calls with their arguments as streamed. A results
   * turn becomes one {@code tool} message per result; the format has no error flag, so a failure says so in words.
   */
  private static void addMessage(JsonArray messages, LlmMessage message) {
    if (!message.toolResults().isEmpty()) {
      for (LlmToolResult result : message.toolResults()) {
        messages.add(new JsonObject().put("role", "tool").put("tool_call_id", result.toolCallId())
            .put("content", result.isError() ? "Error: " + result.content() : result.content()));
      }
      return;
    }
    JsonObject json = new JsonObject().put("role", message.role().wire());
    if (message.toolCalls().isEmpty()) {
      messages.add(json.put("content", message.content()));
      return;
    }
    json.put("content", message.content().isEmpty() ? null : message.content());
    JsonArray calls = new JsonArray();
    for (LlmToolCall call : message.toolCalls()) {
      calls.add(new JsonObject().put("id", call.id()).put("type", "function").put("function", new JsonObject()
          .put("name", call.name()).put("arguments", call.argumentsJson().isBlank() ? "{}" : call.argumentsJson())));
    }
    messages.add(json.put("tool_calls", calls));
  }

  private RequestOptions authorized(RequestOptions request) {
    if (apiKey != null) {
      request.putHeader("authorization", "Bearer " + apiKey);
    }
    return request.putHeader("accept", "application/json").putHeader("user-agent", "FitCoach");
  }

  private static String hostOf(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private final class Protocol implements StreamProtocol {
    @Override
    public RequestOptions request() {
      return authorized(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(baseUrl + "/chat/completions"))
          .putHeader("content-type", "application/json");
    }

    @Override
    public Buffer body(LlmRequest request) {
      return OpenAiClient.this.body(request).toBuffer();
    }

    @Override
    public StreamDecoder decoder() {
      return new OpenAiStream(errors);
    }

    @Override
    public String requestIdHeader() {
      return "x-request-id";
    }

    @Override
    public LlmErrors errors() {
      return errors;
    }
  }
}
