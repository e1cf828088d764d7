package fitcoach.llm;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A tool the model may call: its name, what it does (the model reads this to choose), and a JSON Schema of its
 * arguments. Both providers take the same three things, each in its own envelope.
 */
public record LlmTool(String name, String description, JsonObject inputSchema) {
  public LlmTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
  }
}
