package fitcoach.coach.tools;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * One tool call answered, as the model and the athlete see it.
 *
 * @param arguments the arguments as parsed (an empty object when they were not JSON)
 * @param lookup what was looked up, for the athlete (the tool's summary of its arguments; the tool name when invalid)
 * @param content the result the model reads: compact JSON, or an error message when {@code error}
 * @param error whether the call failed (unknown tool, invalid arguments, a result too large, a failure inside)
 * @param summary a short summary of the result for the athlete: "12 activities", or the error
 * @param activityIds the activities the result names
 */
public record ToolReply(String name, JsonObject arguments, String lookup, String content, boolean error, String summary,
                        List<UUID> activityIds) {
  public ToolReply {
    activityIds = List.copyOf(activityIds);
  }

  /** The result's size in bytes (UTF-8), as stored with the answer. */
  public int bytes() {
    return content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
