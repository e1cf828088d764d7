package fitcoach.mcp;

import fitcoach.app.ApiException;
import fitcoach.app.RequestGuard;
import fitcoach.tokens.TokenGrant;
import fitcoach.tokens.TokenScope;
import fitcoach.tokens.TokenService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /mcp}: the Model Context Protocol over Streamable HTTP, answered as plain JSON (no SSE stream, no session).
 * Each POST carries one JSON-RPC message or a batch; requests get a JSON response, notifications and client responses
 * 202. Only a Bearer access token of scope {@value TokenScope#MCP} opens it, never the session cookie, and a browser
 * page from a foreign Origin is refused (DNS rebinding, as the MCP spec asks).
 */
public final class McpRoutes {
  public static final String PATH = "/mcp";
  /** Tool arguments are small (a year of planned days is about 15 KB). */
  public static final int MAX_BODY_BYTES = 128 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(McpRoutes.class);
  private static final String GRANT = "mcpGrant";
  private final McpMethods methods;
  private final TokenService tokens;
  private final RequestGuard guard;

  McpRoutes(McpMethods methods, TokenService tokens, RequestGuard guard) {
    this.methods = methods;
    this.tokens = tokens;
    this.guard = guard;
  }

  public void mount(Router router) {
    // The bridge's rule (every method, not only writes): a cookie-less endpoint still answers a rebinding page's reads.
    router.route(PATH).handler(guard::bridgeOrigin);
    // Separate routes: Vert.x wants a body handler first on its route.
    router.post(PATH).handler(McpRoutes::jsonOnly);
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    router.post(PATH).handler(this::authenticate).handler(this::post);
    // No server-initiated stream and no session to end: GET and DELETE are 405, which clients read as "not offered".
    router.route(PATH).handler(ctx -> {
      ctx.response().putHeader("Allow", "POST");
      ctx.fail(405);
    });
  }

  private static void jsonOnly(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.strip().toLowerCase(Locale.ROOT).startsWith("application/json")) {
      ctx.fail(415);
      return;
    }
    ctx.next();
  }

  private void authenticate(RoutingContext ctx) {
    tokens.authenticate(ctx.request().getHeader("Authorization"), TokenScope.MCP).onSuccess(grant -> {
      ctx.put(GRANT, grant);
      ctx.next();
    }).onFailure(e -> {
      if (e instanceof ApiException refused && refused.status() == 403) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + TokenScope.MCP + "\"");
      } else if (e instanceof ApiException) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"fitcoach\"");
      }
      ctx.fail(e);
    });
  }

  private void post(RoutingContext ctx) {
    UUID userId = ctx.<TokenGrant>get(GRANT).userId();
    Object body;
    try {
      Buffer buffer = ctx.body().buffer();
      body = io.vertx.core.json.Json.decodeValue(buffer == null ? Buffer.buffer() : buffer);
    } catch (DecodeException e) {
      send(ctx, 400, JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: the body is not JSON"));
      return;
    }
    String version = ctx.request().getHeader("MCP-Protocol-Version");
    boolean initializing = body instanceof JsonObject o && "initialize".equals(o.getValue("method"));
    // The header names the version agreed at initialize; initialize itself is where it is agreed.
    if (version != null && !initializing && !McpMethods.PROTOCOL_VERSIONS.contains(version.strip())) {
      send(ctx, 400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Unsupported MCP-Protocol-Version '" + version
          + "'; FitCoach speaks " + String.join(", ", McpMethods.PROTOCOL_VERSIONS)));
      return;
    }
    if (body instanceof JsonObject message) {
      Optional<JsonObject> invalid = invalid(message);
      if (invalid.isPresent()) {
        send(ctx, 400, invalid.get());
        return;
      }
      answer(userId, message).onSuccess(response -> answered(ctx, response.orElse(null))).onFailure(ctx::fail);
    } else if (body instanceof JsonArray batch && !batch.isEmpty()) {
      // Batches are 2025-03-26 (removed in 2025-06-18); answered in order, one response per request in the batch.
      List<Future<Optional<JsonObject>>> answers = new ArrayList<>();
      for (Object item : batch) {
        answers.add(item instanceof JsonObject m
            ? invalid(m).map(e -> Future.succeededFuture(Optional.of(e))).orElseGet(() -> answer(userId, m))
            : Future.succeededFuture(Optional.of(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request: not an object"))));
      }
      Future.all(answers).onSuccess(all -> {
        JsonArray responses = new JsonArray();
        answers.forEach(a -> a.result().ifPresent(responses::add));
        answered(ctx, responses.isEmpty() ? null : responses);
      }).onFailure(ctx::fail);
    } else {
      send(ctx, 400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request: send a JSON-RPC message object"));
    }
  }

  /** Why a message is not JSON-RPC 2.0, as the error to send; empty when it is. */
  private static Optional<JsonObject> invalid(JsonObject message) {
    Object id = message.getValue("id");
    boolean idOk = id == null ? !message.containsKey("id") : id instanceof String || id instanceof Number;
    Object replyId = idOk ? id : null;
    if (!"2.0".equals(message.getValue("jsonrpc"))) {
      return Optional.of(JsonRpc.error(replyId, JsonRpc.INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\""));
    }
    if (!idOk) {
      return Optional.of(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request: id must be a string or a number"));
    }
    Object method = message.getValue("method");
    if (method == null && !message.containsKey("method")) {
      boolean clientResponse = id != null && (message.containsKey("result") || message.containsKey("error"));
      return clientResponse ? Optional.empty()
          : Optional.of(JsonRpc.error(replyId, JsonRpc.INVALID_REQUEST, "Invalid Request: no method"));
    }
    if (!(method instanceof String)) {
      return Optional.of(JsonRpc.error(replyId, JsonRpc.INVALID_REQUEST, "Invalid Request: method must be a string"));
    }
    return Optional.empty();
  }

  /** The response to one valid message; empty for a notification or a client's response (nothing to answer). */
  private Future<Optional<JsonObject>> answer(UUID userId, JsonObject message) {
    Object id = message.getValue("id");
    String method = message.getString("method");
    if (method == null || id == null) {
      // notifications/initialized, notifications/cancelled, a response to a request we never send: nothing to say.
      return Future.succeededFuture(Optional.empty());
    }
    Object params = message.getValue("params");
    if (params != null && !(params instanceof JsonObject)) {
      return Future.succeededFuture(Optional.of(JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "params must be an object")));
    }
    JsonObject p = params == null ? new JsonObject() : (JsonObject) params;
    return Future.<Void>succeededFuture().compose(v -> methods.call(userId, method, p))
        .map(result -> Optional.of(JsonRpc.result(id, result)))
        .recover(e -> {
          if (e instanceof JsonRpc.Failure f) {
            return Future.succeededFuture(Optional.of(JsonRpc.error(id, f.code, f.getMessage())));
          }
          LOG.error("MCP {} failed for user {}", method, userId, e);
          return Future.succeededFuture(Optional.of(JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "Internal error")));
        });
  }

  /**
   * Sends what a message (or batch) was answered with, 202 when nothing, after marking the token used: only a request
   * FitCoach accepted counts as a use (a refused one stores nothing).
   */
  private void answered(RoutingContext ctx, Object json) {
    tokens.markUsed(ctx.get(GRANT)).onComplete(marked -> {
      if (json == null) {
        ctx.response().setStatusCode(202).end();
      } else {
        send(ctx, 200, json);
      }
    });
  }

  private static void send(RoutingContext ctx, int status, Object json) {
    Buffer bytes = json instanceof JsonObject o ? o.toBuffer() : ((JsonArray) json).toBuffer();
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(bytes);
  }
}
