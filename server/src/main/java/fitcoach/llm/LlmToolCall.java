package fitcoach.llm;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A tool call the model made: the provider's call id, the tool's name and its arguments exactly as streamed and
 * joined. The arguments may be malformed JSON (models do that); whoever runs the tool reports that back to the model.
 */
public record LlmToolCall(String id, String name, String argumentsJson) {
  public LlmToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    argumentsJson = argumentsJson == null ? "" : argumentsJson;
  }

  /** The arguments as a JSON object, or null when they are not one (empty, malformed, an array…). */
  public JsonObject argumentsObject() {
    String json = argumentsJson.strip();
    if (json.isEmpty()) {
      return null;
    }
    try {
      Object value = io.vertx.core.json.Json.decodeValue(json);
      return value instanceof JsonObject object ? object : null;
    } catch (RuntimeException malformed) {
      return null;
    }
  }
}
