package fitcoach.testing.llm;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One request as a fake LLM server received it. {@code body} is the parsed JSON object, or null when the body was
 * empty or not a JSON object ({@code rawBody} has the text). Headers and query are case-insensitive copies.
 */
public record RecordedRequest(int index, String method, String path, MultiMap query, MultiMap headers,
    JsonObject body, String rawBody) {

  public String header(String name) {
    return headers.get(name);
  }

  /** The requested model, or null. */
  public String model() {
    return body == null ? null : body.getString("model");
  }

  public boolean streaming() {
    return body != null && Boolean.TRUE.equals(body.getValue("stream"));
  }

  /**
   * The system prompt in either wire format: Anthropic's top-level {@code system} (a string or text blocks, joined) or
   * the OpenAI-style first {@code system} message; null when there is none.
   */
  public String system() {
    if (body == null) {
      return null;
    }
    Object system = body.getValue("system");
    if (system instanceof String text) {
      return text;
    }
    if (system instanceof JsonArray blocks) {
      return text(blocks);
    }
    for (JsonObject message : messages()) {
      if ("system".equals(message.getString("role"))) {
        return content(message);
      }
    }
    return null;
  }

  /** The conversation turns (OpenAI-style system messages excluded), oldest first. */
  public List<JsonObject> turns() {
    List<JsonObject> turns = new ArrayList<>();
    for (JsonObject message : messages()) {
      if (!"system".equals(message.getString("role"))) {
        turns.add(message);
      }
    }
    return turns;
  }

  /** The text of the last user turn, or null. */
  public String lastUserText() {
    List<JsonObject> turns = turns();
    for (int i = turns.size() - 1; i >= 0; i--) {
      if ("user".equals(turns.get(i).getString("role"))) {
        return content(turns.get(i));
      }
    }
    return null;
  }

  /** A tool result the client sent back, in either wire format (OpenAI has no error flag: "Error: " marks one). */
  public record SentToolResult(String toolCallId, String content, boolean isError) {}

  /**
   * The tool results at the end of the conversation: the last user turn's {@code tool_result} blocks (Anthropic) or
   * the trailing {@code tool} messages (OpenAI); empty when the conversation does not end with results.
   */
  public List<SentToolResult> toolResults() {
    List<JsonObject> turns = turns();
    List<SentToolResult> results = new ArrayList<>();
    int i = turns.size() - 1;
    while (i >= 0 && "tool".equals(turns.get(i).getString("role"))) {
      i--;
    }
    if (i < turns.size() - 1) {
      for (JsonObject message : turns.subList(i + 1, turns.size())) {
        String content = String.valueOf(message.getValue("content"));
        results.add(new SentToolResult(message.getString("tool_call_id"), content, content.startsWith("Error: ")));
      }
      return results;
    }
    if (i >= 0 && turns.get(i).getValue("content") instanceof JsonArray blocks) {
      for (Object entry : blocks) {
        if (entry instanceof JsonObject block && "tool_result".equals(block.getValue("type"))) {
          Object content = block.getValue("content");
          results.add(new SentToolResult(block.getString("tool_use_id"),
              content instanceof JsonArray parts ? text(parts) : String.valueOf(content),
              Boolean.TRUE.equals(block.getValue("is_error"))));
        }
      }
    }
    return results;
  }

  /** The names of the tools the request declared, in order (either wire format); empty when none. */
  public List<String> toolNames() {
    List<String> names = new ArrayList<>();
    if (body != null && body.getValue("tools") instanceof JsonArray tools) {
      for (Object entry : tools) {
        if (entry instanceof JsonObject tool) {
          JsonObject function = tool.getValue("function") instanceof JsonObject f ? f : tool;
          names.add(function.getString("name"));
        }
      }
    }
    return names;
  }

  /** Whether the request forbade tool calls ({@code tool_choice} none in either format). */
  public boolean toolsOff() {
    Object choice = body == null ? null : body.getValue("tool_choice");
    return "none".equals(choice) || choice instanceof JsonObject object && "none".equals(object.getValue("type"));
  }

  /** Every message object of the body, including OpenAI-style system messages. */
  public List<JsonObject> messages() {
    List<JsonObject> messages = new ArrayList<>();
    if (body != null && body.getValue("messages") instanceof JsonArray array) {
      for (Object entry : array) {
        if (entry instanceof JsonObject message) {
          messages.add(message);
        }
      }
    }
    return messages;
  }

  /** A message's content as text: the string, or its text blocks joined. */
  public static String content(JsonObject message) {
    Object content = message.getValue("content");
    if (content instanceof String text) {
      return text;
    }
    return content instanceof JsonArray blocks ? text(blocks) : null;
  }

  private static String text(JsonArray blocks) {
    StringBuilder text = new StringBuilder();
    for (Object block : blocks) {
      if (block instanceof JsonObject object && object.getValue("text") instanceof String part) {
        text.append(part);
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    // Keys stay out of test output.
    return "RecordedRequest[#" + index + " " + method + " " + path + ", model=" + model() + "]";
  }
}
