package fitcoach.coach;

import fitcoach.coach.tools.ToolRegistry;
import fitcoach.coach.tools.ToolScope;
import fitcoach.llm.LlmToolCall;
import fitcoach.llm.LlmToolResult;
import fitcoach.llm.ToolLoop;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The lookups of one answer: each tool call the model makes is announced ({@code tool} frame), run through the
 * registry under the answer's scope (the data policy in force), answered ({@code tool_done} frame) and traced, and
 * the activities its result names are collected for the answer's {@code contextActivityIds}. Calls arrive one at a time
 * on the answer's context, so the lists need no locking.
 */
final class ToolSession implements ToolLoop.Tools {
  private final ToolRegistry registry;
  private final ToolScope scope;
  private final Consumer<JsonObject> frames;
  private final List<ToolTrace> traces = new ArrayList<>();
  private final Set<UUID> activityIds = new LinkedHashSet<>();

  /** @param frames where the {@code tool} and {@code tool_done} frames go (the answer's stream) */
  ToolSession(ToolRegistry registry, ToolScope scope, Consumer<JsonObject> frames) {
    this.registry = registry;
    this.scope = scope;
    this.frames = frames;
  }

  @Override
  public Future<LlmToolResult> run(LlmToolCall call) {
    String id = call.id() == null ? "" : call.id();
    JsonObject parsed = parsed(call.argumentsJson());
    frames.accept(new JsonObject().put("type", "tool").put("id", id).put("name", call.name()).put("arguments", parsed)
        .put("summary", registry.lookup(call.name(), parsed)));
    return registry.call(scope, call.name(), call.argumentsJson()).map(reply -> {
      traces.add(new ToolTrace(id, reply.name(), reply.arguments().getMap(), reply.lookup(), !reply.error(), reply.summary(),
          reply.bytes()));
      activityIds.addAll(reply.activityIds());
      frames.accept(new JsonObject().put("type", "tool_done").put("id", id).put("name", reply.name()).put("ok", !reply.error())
          .put("summary", reply.summary()).put("bytes", reply.bytes()));
      return new LlmToolResult(id, reply.content(), reply.error());
    });
  }

  List<ToolTrace> traces() {
    return List.copyOf(traces);
  }

  /** Every activity a lookup returned, in the order first seen. */
  List<UUID> activityIds() {
    return List.copyOf(activityIds);
  }

  private static JsonObject parsed(String json) {
    try {
      return json == null || json.isBlank() ? new JsonObject() : new JsonObject(json);
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }
}
