package fitcoach.testing.llm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A scriptable OpenAI-compatible server on 127.0.0.1 ({@code POST /v1/chat/completions}, {@code GET /v1/models}), in
 * the shape Ollama writes (protocols.md A2.1/A2.3): role chunk, content chunks, finish chunk, usage chunk when asked
 * for with {@code stream_options.include_usage}, {@code data: [DONE]}. Flavour switches imitate other servers:
 * {@link #keyless()} (Ollama ignores keys), {@link #sendUsage(boolean)} (servers that ignore {@code stream_options}),
 * {@link #usageChoices} and {@link #finishOnLastContentChunk(boolean)} (llama.cpp, vLLM variants).
 * {@link #baseUrl()} ends in {@code /v1}, like the base URL an athlete configures.
 */
public final class FakeOpenAi extends FakeLlm<FakeOpenAi> {
  public static final String API_KEY = "sk-fake-openai-key-for-tests";
  public static final String COMPLETIONS_PATH = "/v1/chat/completions";
  public static final String MODELS_PATH = "/v1/models";
  public static final List<String> DEFAULT_MODELS = List.of("llama3.2:latest", "qwen2.5:7b", "mistral-nemo:latest");
  private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool", "developer");

  /** How the usage chunk carries {@code choices}. */
  public enum UsageChoices { EMPTY, NULL, ABSENT }

  private volatile String acceptedKey = API_KEY;
  private volatile boolean sendUsage = true;
  private volatile UsageChoices usageChoices = UsageChoices.EMPTY;
  private volatile boolean finishOnLastContentChunk;
  private volatile List<String> models = DEFAULT_MODELS;
  private volatile boolean refuseTools;

  private FakeOpenAi() {
  }

  public static Future<FakeOpenAi> start(Vertx vertx) {
    return start(vertx, 0);
  }

  public static Future<FakeOpenAi> start(Vertx vertx, int port) {
    return new FakeOpenAi().listen(vertx, port);
  }

  /** {@code http://127.0.0.1:<port>/v1}. */
  @Override
  public String baseUrl() {
    return super.baseUrl() + "/v1";
  }

  /** The accepted key, or null when the server is {@link #keyless()}. */
  public String apiKey() {
    return acceptedKey;
  }

  // ---- Flavour

  public FakeOpenAi acceptKey(String key) {
    this.acceptedKey = key;
    return this;
  }

  /** Accepts requests with any key or none, like Ollama. */
  public FakeOpenAi keyless() {
    return acceptKey(null);
  }

  /** false: never sends a usage chunk, even when asked (older llama.cpp and other servers). */
  public FakeOpenAi sendUsage(boolean send) {
    this.sendUsage = send;
    return this;
  }

  public FakeOpenAi usageChoices(UsageChoices choices) {
    this.usageChoices = choices;
    return this;
  }

  /** true: {@code finish_reason} rides on the last content chunk instead of a separate empty-delta chunk. */
  public FakeOpenAi finishOnLastContentChunk(boolean onLast) {
    this.finishOnLastContentChunk = onLast;
    return this;
  }

  /** The model ids the server has; a request may leave out the {@code :latest} tag as with Ollama. */
  public FakeOpenAi models(List<String> ids) {
    this.models = List.copyOf(ids);
    return this;
  }

  /**
   * true: a request that lists tools gets Ollama's 400 for a model without tool support ("… does not support tools")
   * and consumes no scripted reply; requests without tools are answered as usual.
   */
  public FakeOpenAi refuseTools(boolean refuse) {
    this.refuseTools = refuse;
    return this;
  }

  @Override
  protected void resetSettings() {
    refuseTools = false;
    acceptedKey = API_KEY;
    sendUsage = true;
    usageChoices = UsageChoices.EMPTY;
    finishOnLastContentChunk = false;
    models = DEFAULT_MODELS;
  }

  // ---- Routes

  @Override
  protected void mount(Router router) {
    router.post(COMPLETIONS_PATH).handler(this::completions);
    router.get(MODELS_PATH).handler(this::modelList);
    router.route().handler(ctx -> error(ctx, 404, "not_found_error", "404 page not found"));
  }

  private void completions(RoutingContext ctx) {
    if (!authorized(ctx)) {
      return;
    }
    RecordedRequest request = recorded(ctx);
    Optional<String> invalid = invalid(request);
    if (invalid.isPresent()) {
      error(ctx, 400, "invalid_request_error", invalid.get());
      return;
    }
    Optional<String> model = find(request.model());
    if (model.isEmpty()) {
      error(ctx, 404, "not_found_error", "model \"" + request.model() + "\" not found, try pulling it first");
      return;
    }
    if (refuseTools && request.body().getValue("tools") != null) {
      error(ctx, 400, "api_error", "registry.ollama.ai/library/" + model.get() + " does not support tools");
      return;
    }
    Reply reply = replyFor(request);
    Exchange exchange = exchange(ctx);
    HttpServerResponse response = ctx.response().putHeader("x-request-id", requestId("req_"));
    switch (reply.kind) {
      case HTTP_ERROR -> errorReply(ctx, reply);
      case NO_RESPONSE -> {
        // Read and never answered.
      }
      case HANG_AFTER_HEADERS -> eventStreamHeaders(response).writeHead();
      case STREAM -> {
        if (request.streaming()) {
          stream(exchange, reply, request, model.get());
        } else {
          exchange.finish();
          completion(ctx, reply, request, model.get());
        }
      }
    }
  }

  private void stream(Exchange exchange, Reply reply, RecordedRequest request, String model) {
    OpenAiFrames frames = new OpenAiFrames(reply.splitSeed != null, requestId("chatcmpl-"),
        Instant.now().getEpochSecond(), model);
    FrameWriter writer = new FrameWriter(vertx(), exchange, reply.splitSeed);
    eventStreamHeaders(exchange.response());
    String finishReason = reply.stopReason("stop", "tool_calls");
    int count = reply.deltaCount();
    writer.add(frames.role());
    if (reply.unknownEvents) {
      writer.add(frames.unknownThings());
    }
    boolean finishSent = false;
    for (int i = 0; i <= count; i++) {
      if (reply.errorAfter == i || (i == count && reply.errorAfter > count)) {
        writer.add(frames.error(reply.streamErrorType, reply.streamErrorMessage), reply.nextDelayMillis()).play(FrameWriter.Ending.END);
        return;
      }
      if (reply.closeAfter == i) {
        writer.play(FrameWriter.Ending.CLOSE);
        return;
      }
      if (i < count) {
        boolean last = i == count - 1;
        finishSent = finishOnLastContentChunk && last && reply.toolUses.isEmpty();
        writer.add(frames.content(reply.delta(i), finishSent ? finishReason : null), reply.nextDelayMillis());
      }
    }
    writeToolCalls(writer, frames, reply);
    if (!finishSent) {
      writer.add(frames.finish(finishReason));
    }
    if (sendUsage && includeUsage(request)) {
      writer.add(frames.usage(usageChoices, promptTokens(reply, request) + reply.cacheReadTokens,
          reply.outputTokens != null ? reply.outputTokens : count, reply.cacheReadTokens));
    }
    if (!reply.endWithoutStop) {
      writer.add(frames.done());
    }
    writer.play(FrameWriter.Ending.END);
  }

  /**
   * Each call opens with a fragment carrying its index, id, type and name and empty arguments, then its arguments in
   * pieces; {@link Reply#interleaved()} alternates the pieces of all calls, as servers generating calls in parallel do.
   */
  private static void writeToolCalls(FrameWriter writer, OpenAiFrames frames, Reply reply) {
    List<List<String>> pieces = new java.util.ArrayList<>();
    for (int k = 0; k < reply.toolUses.size(); k++) {
      ToolUse call = reply.toolUses.get(k);
      writer.add(frames.toolCallStart(k, call.id(), call.name()), reply.nextDelayMillis());
      pieces.add(call.pieces());
      if (!reply.interleaved) {
        for (String piece : call.pieces()) {
          writer.add(frames.toolCallArguments(k, piece));
        }
      }
    }
    if (reply.interleaved) {
      for (int i = 0; pieces.stream().anyMatch(p -> !p.isEmpty()); i++) {
        for (int k = 0; k < pieces.size(); k++) {
          if (!pieces.get(k).isEmpty()) {
            writer.add(frames.toolCallArguments(k, pieces.get(k).remove(0)));
          }
        }
      }
    }
  }

  private void completion(RoutingContext ctx, Reply reply, RecordedRequest request, String model) {
    long prompt = promptTokens(reply, request);
    long completion = reply.outputTokens != null ? reply.outputTokens : reply.deltaCount();
    JsonObject body = new JsonObject().put("id", requestId("chatcmpl-")).put("object", "chat.completion")
        .put("created", Instant.now().getEpochSecond()).put("model", model)
        .put("system_fingerprint", "fp_ollama")
        .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
            .put("message", new JsonObject().put("role", "assistant").put("content", reply.fullText()))
            .put("finish_reason", reply.stopReason == null ? "stop" : reply.stopReason)))
        .put("usage", new JsonObject().put("prompt_tokens", prompt).put("completion_tokens", completion)
            .put("total_tokens", prompt + completion));
    ctx.response().setStatusCode(200).putHeader("content-type", "application/json").end(body.encode());
  }

  private void modelList(RoutingContext ctx) {
    if (!authorized(ctx)) {
      return;
    }
    JsonArray data = new JsonArray();
    long created = Instant.parse("2026-09-01T08:00:00Z").getEpochSecond();
    for (String id : models) {
      data.add(new JsonObject().put("id", id).put("object", "model").put("created", created).put("owned_by", "library"));
    }
    ctx.response().putHeader("content-type", "application/json")
        .end(new JsonObject().put("object", "list").put("data", data).encode());
  }

  // ---- Validation

  private boolean authorized(RoutingContext ctx) {
    String expected = acceptedKey;
    if (expected == null) {
      return true;
    }
    String header = ctx.request().getHeader("authorization");
    if (header == null || !header.equals("Bearer " + expected)) {
      JsonObject error = new JsonObject().put("message", header == null
              ? "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth."
              : "Incorrect API key provided.")
          .put("type", "invalid_request_error").putNull("param").put("code", "invalid_api_key");
      ctx.response().setStatusCode(401).putHeader("content-type", "application/json")
          .end(new JsonObject().put("error", error).encode());
      return false;
    }
    return true;
  }

  private static Optional<String> invalid(RecordedRequest request) {
    JsonObject body = request.body();
    if (body == null) {
      return Optional.of("invalid request body: expected a JSON object");
    }
    if (!(body.getValue("model") instanceof String)) {
      return Optional.of("model is required");
    }
    if (!(body.getValue("messages") instanceof JsonArray messages) || messages.isEmpty()) {
      return Optional.of("messages is required and must not be empty");
    }
    for (Object entry : messages) {
      if (!(entry instanceof JsonObject message) || !ROLES.contains(message.getString("role"))) {
        return Optional.of("invalid message role: " + (entry instanceof JsonObject m ? m.getValue("role") : entry));
      }
    }
    return ToolRules.openAi(body);
  }

  private Optional<String> find(String name) {
    return models.stream().filter(id -> id.equals(name) || id.equals(name + ":latest")).findFirst();
  }

  private static boolean includeUsage(RecordedRequest request) {
    return request.body().getValue("stream_options") instanceof JsonObject options
        && Boolean.TRUE.equals(options.getValue("include_usage"));
  }

  private static long promptTokens(Reply reply, RecordedRequest request) {
    if (reply.inputTokens != null) {
      return reply.inputTokens;
    }
    long chars = 0;
    for (JsonObject message : request.messages()) {
      chars += Optional.ofNullable(RecordedRequest.content(message)).map(String::length).orElse(0);
    }
    return Math.max(1, chars / 4);
  }

  private static HttpServerResponse eventStreamHeaders(HttpServerResponse response) {
    return response.setChunked(true).putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
  }

  private void errorReply(RoutingContext ctx, Reply reply) {
    HttpServerResponse response = ctx.response();
    if (reply.retryAfter != null) {
      response.putHeader("retry-after", reply.retryAfter);
    }
    if (reply.retryAfterMillis != null) {
      response.putHeader("retry-after-ms", Long.toString(reply.retryAfterMillis));
    }
    if (reply.shouldRetry != null) {
      response.putHeader("x-should-retry", reply.shouldRetry.toString());
    }
    if (reply.html) {
      response.setStatusCode(reply.status).putHeader("content-type", "text/html")
          .end(HtmlErrorPage.of(reply.status, reply.errorMessage));
    } else {
      error(ctx, reply.status, reply.errorType, reply.errorMessage);
    }
  }

  private static void error(RoutingContext ctx, int status, String type, String message) {
    JsonObject error = new JsonObject().put("message", message).put("type", type).putNull("param").putNull("code");
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", error).encode());
  }
}
