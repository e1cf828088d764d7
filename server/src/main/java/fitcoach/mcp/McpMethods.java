package fitcoach.mcp;

import fitcoach.coach.tools.CoachTool;
import fitcoach.coach.tools.ToolRegistry;
import fitcoach.coach.tools.ToolReply;
import fitcoach.coach.tools.ToolScope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The MCP methods FitCoach answers, for one athlete: {@code initialize}, {@code ping}, {@code tools/list} and
 * {@code tools/call} over the coach's read-only tools. A tool runs with Strava API data excluded, whatever the coach's
 * data policy says: Strava's API Policy forbids serving its data to other AI apps.
 */
final class McpMethods {
  /** Newest first: the version answered when a client asks for one FitCoach does not speak. */
  static final List<String> PROTOCOL_VERSIONS = List.of("2025-06-18", "2025-03-26");
  private static final String INSTRUCTIONS = "FitCoach holds this athlete's training: activities, training load "
      + "(fitness, fatigue, form), performance curves and profile. Every number comes from FitCoach's own engine; quote "
      + "them rather than estimating. Data from the Strava API is never available here (only files, exports and manual "
      + "entries).";

  private final ToolRegistry tools;
  private final Function<UUID, Future<LocalDate>> today;
  private final String version;

  McpMethods(ToolRegistry tools, Function<UUID, Future<LocalDate>> today, String version) {
    this.tools = tools;
    this.today = today;
    this.version = version;
  }

  /** The result of {@code method}; fails with {@link JsonRpc.Failure} for an unknown method or bad params. */
  Future<JsonObject> call(UUID userId, String method, JsonObject params) {
    switch (method) {
      case "initialize":
        return Future.succeededFuture(initialize(params));
      case "ping":
        return Future.succeededFuture(new JsonObject());
      case "tools/list":
        return Future.succeededFuture(list());
      case "tools/call":
        return callTool(userId, params);
      default:
        return Future.failedFuture(new JsonRpc.Failure(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method));
    }
  }

  private JsonObject initialize(JsonObject params) {
    Object asked = params.getValue("protocolVersion");
    if (!(asked instanceof String)) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "initialize needs params.protocolVersion (a string)");
    }
    String agreed = PROTOCOL_VERSIONS.contains(asked) ? (String) asked : PROTOCOL_VERSIONS.get(0);
    return new JsonObject()
        .put("protocolVersion", agreed)
        .put("capabilities", new JsonObject().put("tools", new JsonObject().put("listChanged", false)))
        .put("serverInfo", new JsonObject().put("name", "fitcoach").put("title", "FitCoach").put("version", version))
        .put("instructions", INSTRUCTIONS);
  }

  private JsonObject list() {
    JsonArray list = new JsonArray();
    for (CoachTool tool : tools.tools()) {
      list.add(new JsonObject()
          .put("name", tool.name())
          .put("description", tool.description())
          .put("inputSchema", tool.inputSchema().copy())
          .put("annotations", new JsonObject().put("readOnlyHint", true).put("destructiveHint", false)
              .put("idempotentHint", true).put("openWorldHint", false)));
    }
    return new JsonObject().put("tools", list);
  }

  private Future<JsonObject> callTool(UUID userId, JsonObject params) {
    Object name = params.getValue("name");
    Object arguments = params.getValue("arguments");
    if (!(name instanceof String)) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "tools/call needs params.name (a string)");
    }
    if (arguments != null && !(arguments instanceof JsonObject)) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "params.arguments must be an object");
    }
    if (tools.tools().stream().noneMatch(t -> t.name().equals(name))) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "Unknown tool: " + name);
    }
    return today.apply(userId)
        .compose(day -> tools.call(new ToolScope(userId, false, day), (String) name, (JsonObject) arguments))
        .map(McpMethods::toolResult);
  }

  /** A failed tool call (bad arguments, a result too large) is a result the model reads, not a protocol error. */
  private static JsonObject toolResult(ToolReply reply) {
    return new JsonObject()
        .put("content", new JsonArray().add(new JsonObject().put("type", "text").put("text", reply.content())))
        .put("isError", reply.error());
  }
}
