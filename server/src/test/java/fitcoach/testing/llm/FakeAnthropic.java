package fitcoach.testing.llm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A scriptable Anthropic Messages API on 127.0.0.1 speaking the wire protocol of protocols.md part A exactly enough
 * for the official SDK to talk to it: {@code POST /v1/messages} (streaming and not), {@code GET /v1/models} with
 * pagination and {@code GET /v1/models/{id}}. It validates like the real API (A.10: 401, 400
 * {@code invalid_request_error}, 404 {@code not_found_error}) before playing the scripted {@link Reply}.
 *
 * <pre>{@code
 * FakeAnthropic fake = FakeAnthropic.start(vertx).await();   // or compose the future
 * String url = fake.baseUrl();  String key = fake.apiKey();
 * fake.next(Reply.rateLimited().retryAfterMillis(20), 2);    // two 429s, then the default answer
 * fake.replyWith(req -> Reply.text("You said: " + req.lastUserText()));
 * fake.requests("/v1/messages");  fake.awaitClientDisconnects(1);
 * }</pre>
 */
public final class FakeAnthropic extends FakeLlm<FakeAnthropic> {
  /** The key the fake accepts unless {@link #acceptKey(String)} changed it. */
  public static final String API_KEY = "sk-ant-api03-fake-key-for-tests-0000";
  public static final String MESSAGES_PATH = "/v1/messages";
  public static final String MODELS_PATH = "/v1/models";

  private volatile String acceptedKey = API_KEY;
  private volatile List<AnthropicModels.Model> models = AnthropicModels.CURRENT;
  private volatile int maxPageSize = 1000;

  private FakeAnthropic() {
  }

  /** Listens on a free loopback port. */
  public static Future<FakeAnthropic> start(Vertx vertx) {
    return start(vertx, 0);
  }

  public static Future<FakeAnthropic> start(Vertx vertx, int port) {
    return new FakeAnthropic().listen(vertx, port);
  }

  public String apiKey() {
    return acceptedKey;
  }

  // ---- Settings

  public FakeAnthropic acceptKey(String key) {
    this.acceptedKey = key;
    return this;
  }

  /** Replaces the model list (which also decides which models the Messages API knows). */
  public FakeAnthropic models(List<AnthropicModels.Model> models) {
    this.models = List.copyOf(models);
    return this;
  }

  /** Caps the {@code limit} of a models page (the real cap is 1000), so a test can force pagination. */
  public FakeAnthropic maxPageSize(int size) {
    this.maxPageSize = size;
    return this;
  }

  @Override
  protected void resetSettings() {
    acceptedKey = API_KEY;
    models = AnthropicModels.CURRENT;
    maxPageSize = 1000;
  }

  // ---- Routes

  @Override
  protected void mount(Router router) {
    router.post(MESSAGES_PATH).handler(this::messages);
    router.get(MODELS_PATH).handler(this::modelList);
    router.get(MODELS_PATH + "/:id").handler(this::oneModel);
    router.route().handler(ctx -> error(ctx, 404, "not_found_error", "Not Found"));
  }

  private void messages(RoutingContext ctx) {
    if (!authorized(ctx)) {
      return;
    }
    RecordedRequest request = recorded(ctx);
    Optional<String> invalid = invalid(request);
    if (invalid.isPresent()) {
      error(ctx, 400, "invalid_request_error", invalid.get());
      return;
    }
    Optional<AnthropicModels.Model> model = find(request.model());
    if (model.isEmpty()) {
      error(ctx, 404, "not_found_error", "model: " + request.model());
      return;
    }
    Reply reply = replyFor(request);
    Exchange exchange = exchange(ctx);
    HttpServerResponse response = ctx.response().putHeader("request-id", requestId("req_011Fake"));
    switch (reply.kind) {
      case HTTP_ERROR -> errorReply(ctx, reply);
      case NO_RESPONSE -> {
        // Read and never answered.
      }
      case HANG_AFTER_HEADERS -> eventStreamHeaders(response).writeHead();
      case STREAM -> {
        if (request.streaming()) {
          stream(exchange, reply, request, model.get().id());
        } else {
          exchange.finish();
          message(ctx, reply, request, model.get().id());
        }
      }
    }
  }

  private void stream(Exchange exchange, Reply reply, RecordedRequest request, String model) {
    AnthropicFrames frames = new AnthropicFrames(reply.splitSeed != null);
    FrameWriter writer = new FrameWriter(vertx(), exchange, reply.splitSeed);
    eventStreamHeaders(exchange.response());
    long input = inputTokens(reply, request);
    int count = reply.deltaCount();
    // A turn that only calls tools has no text block; the tool_use blocks follow the text block, if any.
    boolean textBlock = count > 0 || reply.toolUses.isEmpty();
    writer.add(frames.messageStart(requestId("msg_01Fake"), model, input, reply.cacheWriteTokens,
        reply.cacheReadTokens));
    if (textBlock) {
      writer.add(frames.contentBlockStart());
    }
    writer.add(frames.ping());
    if (reply.unknownEvents) {
      writer.add(frames.comment()).add(frames.unknownEvent());
    }
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
        String text = reply.delta(i);
        if (reply.stamped) {
          writer.add(() -> frames.textDelta(System.nanoTime() + " "), reply.nextDelayMillis());
        } else {
          writer.add(reply.generatedTokens > 0 ? frames.generatedDelta(text) : frames.textDelta(text), reply.nextDelayMillis());
        }
        if (reply.unknownEvents && i == 0) {
          writer.add(frames.unknownDelta()).add(frames.ping());
        }
      }
    }
    long output = reply.outputTokens != null ? reply.outputTokens : count;
    if (textBlock) {
      writer.add(frames.contentBlockStop());
    }
    int index = textBlock ? 1 : 0;
    for (ToolUse call : reply.toolUses) {
      writer.add(frames.toolUseStart(index, call.id(), call.name()), reply.nextDelayMillis());
      for (String piece : call.pieces()) {
        writer.add(frames.inputJsonDelta(index, piece));
      }
      writer.add(frames.contentBlockStop(index));
      index++;
      if (reply.outputTokens == null) {
        output += 10;
      }
    }
    writer.add(frames.messageDelta(reply.stopReason("end_turn", "tool_use"), input, output, reply.cacheWriteTokens,
        reply.cacheReadTokens));
    if (!reply.endWithoutStop) {
      writer.add(frames.messageStop());
    }
    writer.play(FrameWriter.Ending.END);
  }

  /** The non-streaming answer: one Message object. */
  private void message(RoutingContext ctx, Reply reply, RecordedRequest request, String model) {
    long input = inputTokens(reply, request);
    long output = reply.outputTokens != null ? reply.outputTokens : reply.deltaCount();
    JsonArray content = new JsonArray();
    if (!reply.fullText().isEmpty() || reply.toolUses.isEmpty()) {
      content.add(new JsonObject().put("type", "text").put("text", reply.fullText()));
    }
    for (ToolUse call : reply.toolUses) {
      content.add(new JsonObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
          .put("input", new JsonObject(call.argumentsJson())));
    }
    JsonObject message = new JsonObject().put("model", model).put("id", requestId("msg_01Fake"))
        .put("type", "message").put("role", "assistant")
        .put("content", content)
        .put("stop_reason", reply.stopReason("end_turn", "tool_use")).putNull("stop_sequence")
        .put("usage", new JsonObject().put("input_tokens", input).put("cache_creation_input_tokens", reply.cacheWriteTokens)
            .put("cache_read_input_tokens", reply.cacheReadTokens).put("output_tokens", output)
            .put("service_tier", "standard"));
    rateLimitHeaders(ctx.response()).putHeader("content-type", "application/json").end(message.encode());
  }

  private void modelList(RoutingContext ctx) {
    if (!authorized(ctx)) {
      return;
    }
    int limit;
    try {
      limit = Integer.parseInt(Optional.ofNullable(ctx.queryParams().get("limit")).orElse("20"));
    } catch (NumberFormatException e) {
      error(ctx, 400, "invalid_request_error", "limit: Input should be a valid integer");
      return;
    }
    if (limit < 1 || limit > 1000) {
      error(ctx, 400, "invalid_request_error", "limit: Input should be between 1 and 1000");
      return;
    }
    limit = Math.min(limit, maxPageSize);
    List<AnthropicModels.Model> all = models;
    String afterId = ctx.queryParams().get("after_id");
    String beforeId = ctx.queryParams().get("before_id");
    int from;
    int to;
    if (afterId != null) {
      from = indexOf(all, afterId) + 1;
      to = Math.min(all.size(), from + limit);
    } else if (beforeId != null) {
      to = indexOf(all, beforeId);
      from = Math.max(0, to - limit);
    } else {
      from = 0;
      to = Math.min(all.size(), limit);
    }
    if (from == 0 && afterId != null || to < 0) {
      error(ctx, 400, "invalid_request_error", "Unknown model id in after_id/before_id");
      return;
    }
    List<AnthropicModels.Model> page = all.subList(from, to);
    JsonArray data = new JsonArray();
    page.forEach(model -> data.add(model.json()));
    boolean hasMore = beforeId != null ? from > 0 : to < all.size();
    JsonObject body = new JsonObject().put("data", data).put("has_more", hasMore)
        .put("first_id", page.isEmpty() ? null : page.get(0).id())
        .put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id());
    json(ctx, 200, body);
  }

  private static int indexOf(List<AnthropicModels.Model> all, String id) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private void oneModel(RoutingContext ctx) {
    if (!authorized(ctx)) {
      return;
    }
    String id = ctx.pathParam("id");
    find(id).ifPresentOrElse(model -> json(ctx, 200, model.json()),
        () -> error(ctx, 404, "not_found_error", "model: " + id));
  }

  // ---- Validation (A.10)

  /**
   * The key may come as {@code x-api-key} (our client, SDKs before 3.0) or as {@code Authorization: Bearer} (the Java
   * SDK 3.x, which also sends {@code anthropic-version: 2026-10-21}); any version value is accepted, none is not.
   */
  private boolean authorized(RoutingContext ctx) {
    String key = ctx.request().getHeader("x-api-key");
    String authorization = ctx.request().getHeader("authorization");
    if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = authorization.substring(7).trim();
    }
    if (key == null) {
      error(ctx, 401, "authentication_error", "x-api-key header is required");
      return false;
    }
    if (!key.equals(acceptedKey)) {
      error(ctx, 401, "authentication_error", "invalid x-api-key");
      return false;
    }
    if (ctx.request().getHeader("anthropic-version") == null) {
      error(ctx, 400, "invalid_request_error", "anthropic-version: header is required");
      return false;
    }
    return true;
  }

  private static Optional<String> invalid(RecordedRequest request) {
    JsonObject body = request.body();
    if (body == null) {
      return Optional.of("There was an error parsing the body of your request: expected a JSON object");
    }
    if (!(body.getValue("model") instanceof String)) {
      return Optional.of("model: Field required");
    }
    if (!(body.getValue("max_tokens") instanceof Number)) {
      return Optional.of("max_tokens: Field required");
    }
    if (!(body.getValue("messages") instanceof JsonArray messages)) {
      return Optional.of("messages: Field required");
    }
    if (messages.isEmpty()) {
      return Optional.of("messages: at least one message is required");
    }
    for (int i = 0; i < messages.size(); i++) {
      if (!(messages.getValue(i) instanceof JsonObject message)) {
        return Optional.of("messages." + i + ": Input should be a valid dictionary");
      }
      String role = message.getString("role");
      if (!"user".equals(role) && !"assistant".equals(role)) {
        return Optional.of("messages." + i + ".role: Input should be 'user' or 'assistant'");
      }
      if (message.getValue("content") == null) {
        return Optional.of("messages." + i + ".content: Field required");
      }
    }
    Object system = body.getValue("system");
    if (system != null && !(system instanceof String) && !(system instanceof JsonArray)) {
      return Optional.of("system: Input should be a valid string or a list of text blocks");
    }
    return ToolRules.anthropic(body);
  }

  private Optional<AnthropicModels.Model> find(String name) {
    return models.stream().filter(model -> model.answersTo(name)).findFirst();
  }

  // ---- Wire helpers

  /** A rough but deterministic token count: request text characters / 4, at least 1. */
  private static long inputTokens(Reply reply, RecordedRequest request) {
    if (reply.inputTokens != null) {
      return reply.inputTokens;
    }
    long chars = Optional.ofNullable(request.system()).map(String::length).orElse(0);
    for (JsonObject turn : request.turns()) {
      chars += Optional.ofNullable(RecordedRequest.content(turn)).map(String::length).orElse(0);
    }
    return Math.max(1, chars / 4);
  }

  private static HttpServerResponse eventStreamHeaders(HttpServerResponse response) {
    return rateLimitHeaders(response).setChunked(true)
        .putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-cache");
  }

  private static HttpServerResponse rateLimitHeaders(HttpServerResponse response) {
    String reset = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
    return response
        .putHeader("anthropic-ratelimit-requests-limit", "1000")
        .putHeader("anthropic-ratelimit-requests-remaining", "999")
        .putHeader("anthropic-ratelimit-requests-reset", reset)
        .putHeader("anthropic-ratelimit-input-tokens-limit", "80000")
        .putHeader("anthropic-ratelimit-input-tokens-remaining", "78000")
        .putHeader("anthropic-ratelimit-input-tokens-reset", reset)
        .putHeader("anthropic-ratelimit-output-tokens-limit", "16000")
        .putHeader("anthropic-ratelimit-output-tokens-remaining", "16000")
        .putHeader("anthropic-ratelimit-output-tokens-reset", reset)
        .putHeader("anthropic-ratelimit-tokens-limit", "96000")
        .putHeader("anthropic-ratelimit-tokens-remaining", "94000")
        .putHeader("anthropic-ratelimit-tokens-reset", reset);
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
      response.setStatusCode(reply.status).putHeader("content-type", "text/html").putHeader("server", "cloudflare")
          .end(HtmlErrorPage.of(reply.status, reply.errorMessage));
    } else {
      error(ctx, reply.status, reply.errorType, reply.errorMessage);
    }
  }

  private void error(RoutingContext ctx, int status, String type, String message) {
    HttpServerResponse response = ctx.response();
    String requestId = response.headers().get("request-id");
    if (requestId == null) {
      requestId = requestId("req_011Fake");
      response.putHeader("request-id", requestId);
    }
    json(ctx, status, new JsonObject().put("type", "error")
        .put("error", new JsonObject().put("type", type).put("message", message)).put("request_id", requestId));
  }

  private void json(RoutingContext ctx, int status, JsonObject body) {
    HttpServerResponse response = ctx.response();
    if (response.headers().get("request-id") == null) {
      response.putHeader("request-id", requestId("req_011Fake"));
    }
    response.setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
