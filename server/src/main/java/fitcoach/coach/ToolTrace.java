package fitcoach.coach;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One lookup the coach made for an answer, as stored with it and shown to the athlete: the tool and its arguments,
 * what was looked up, whether it worked, a summary and the size of what came back (never the result itself: it is
 * recomputed from the athlete's data on demand, and may hold data the policy later excludes).
 */
public record ToolTrace(String id, String name, java.util.Map<String, Object> arguments, String summary, boolean ok,
                        String resultSummary, int bytes) {
  public ToolTrace {
    arguments = arguments == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("arguments", new JsonObject(new java.util.LinkedHashMap<>(arguments))).put("summary", summary)
        .put("ok", ok).put("resultSummary", resultSummary).put("bytes", bytes);
  }

  static JsonArray toJson(List<ToolTrace> traces) {
    JsonArray array = new JsonArray();
    traces.forEach(t -> array.add(t.toJson()));
    return array;
  }

  /** The stored array (jsonb) back as traces; unreadable entries are skipped, null or absent gives none. */
  static List<ToolTrace> fromJson(Object stored) {
    if (!(stored instanceof JsonArray array)) {
      return List.of();
    }
    java.util.ArrayList<ToolTrace> list = new java.util.ArrayList<>(array.size());
    for (Object entry : array) {
      if (entry instanceof JsonObject j && j.getValue("name") instanceof String name) {
        list.add(new ToolTrace(j.getString("id", ""), name, j.getValue("arguments") instanceof JsonObject a ? a.getMap() : null,
            j.getString("summary", name), j.getBoolean("ok", false), j.getString("resultSummary", ""), j.getInteger("bytes", 0)));
      }
    }
    return List.copyOf(list);
  }
}
