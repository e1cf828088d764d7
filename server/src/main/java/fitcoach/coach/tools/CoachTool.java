package fitcoach.coach.tools;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * One read-only tool over the athlete's data, a plain function of (scope, arguments). Its name and arguments are a
 * public contract (the coach and MCP clients both call it). Arguments reach {@link #run} already checked against
 * {@link #inputSchema()}; anything else wrong with them is a {@link ToolArgumentException}.
 */
public interface CoachTool {

  String name();

  /** What the tool does and when to use it, for the model. */
  String description();

  /** JSON Schema (draft 2020-12) of the arguments: an object, with {@code additionalProperties: false}. */
  JsonObject inputSchema();

  /** What is being looked up, for the athlete, from valid arguments: e.g. "runs since 2024-01-01 by distance". */
  String summary(JsonObject arguments);

  Future<ToolOutput> run(ToolScope scope, JsonObject arguments);
}
