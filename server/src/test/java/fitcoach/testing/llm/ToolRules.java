package fitcoach.testing.llm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How each provider checks tools in a request, worded like its 400 answers: declared tools with a name and a schema,
 * and for every tool call of an assistant turn a result right after it (Anthropic: {@code tool_result} blocks in the
 * next user message; OpenAI: {@code tool} messages with a matching {@code tool_call_id}). A client that forgets one
 * result, or answers a call that was never made, fails here as it would against the real API.
 */
final class ToolRules {
  private static final Pattern ANTHROPIC_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,128}$");
  private static final Pattern OPENAI_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
  private static final Set<String> ANTHROPIC_CHOICES = Set.of("auto", "any", "tool", "none");
  private static final Set<String> OPENAI_CHOICES = Set.of("auto", "none", "required");

  private ToolRules() {
  }

  // ---- Anthropic Messages API

  static Optional<String> anthropic(JsonObject body) {
    Object toolsValue = body.getValue("tools");
    Set<String> names = new HashSet<>();
    if (toolsValue != null) {
      if (!(toolsValue instanceof JsonArray tools)) {
        return Optional.of("tools: Input should be a valid list");
      }
      for (int i = 0; i < tools.size(); i++) {
        if (!(tools.getValue(i) instanceof JsonObject tool)) {
          return Optional.of("tools." + i + ": Input should be a valid dictionary");
        }
        String name = tool.getValue("name") instanceof String s ? s : "";
        if (!ANTHROPIC_NAME.matcher(name).matches()) {
          return Optional.of("tools." + i + ".custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'");
        }
        if (!(tool.getValue("input_schema") instanceof JsonObject schema)) {
          return Optional.of("tools." + i + ".custom.input_schema: Field required");
        }
        if (!"object".equals(schema.getValue("type"))) {
          return Optional.of("tools." + i + ".custom.input_schema.type: Input should be 'object'");
        }
        if (tool.getValue("description") != null && !(tool.getValue("description") instanceof String)) {
          return Optional.of("tools." + i + ".custom.description: Input should be a valid string");
        }
        if (!names.add(name)) {
          return Optional.of("tools: Tool names must be unique.");
        }
      }
    }
    Object choice = body.getValue("tool_choice");
    if (choice != null && !(choice instanceof JsonObject object && ANTHROPIC_CHOICES.contains(object.getValue("type")))) {
      return Optional.of("tool_choice: Input tag does not match any of the expected tags: 'auto', 'any', 'tool', 'none'");
    }
    JsonArray messages = body.getJsonArray("messages");
    Set<String> pending = new LinkedHashSet<>();
    boolean toolBlocks = false;
    for (int i = 0; i < messages.size(); i++) {
      JsonObject message = messages.getJsonObject(i);
      JsonArray blocks = message.getValue("content") instanceof JsonArray array ? array : new JsonArray();
      Set<String> answered = new HashSet<>();
      Set<String> called = new LinkedHashSet<>();
      for (int j = 0; j < blocks.size(); j++) {
        if (!(blocks.getValue(j) instanceof JsonObject block)) {
          return Optional.of("messages." + i + ".content." + j + ": Input should be a valid dictionary");
        }
        String where = "messages." + i + ".content." + j;
        String type = block.getString("type", "");
        if ("tool_use".equals(type)) {
          toolBlocks = true;
          if (!"assistant".equals(message.getString("role"))) {
            return Optional.of(where + ": tool_use blocks can only be in assistant messages");
          }
          if (!(block.getValue("id") instanceof String id) || !(block.getValue("name") instanceof String name)) {
            return Optional.of(where + ".tool_use: id and name are required");
          }
          if (!(block.getValue("input") instanceof JsonObject)) {
            return Optional.of(where + ".tool_use.input: Input should be a valid dictionary");
          }
          if (!names.isEmpty() && !names.contains(name)) {
            return Optional.of(where + ".tool_use.name: the tool " + name + " is not defined in tools");
          }
          called.add(id);
        } else if ("tool_result".equals(type)) {
          toolBlocks = true;
          if (!(block.getValue("tool_use_id") instanceof String id)) {
            return Optional.of(where + ".tool_result.tool_use_id: Field required");
          }
          if (!pending.contains(id)) {
            return Optional.of(where + ": unexpected `tool_use_id` found in `tool_result` blocks: " + id
                + ". Each `tool_result` block must have a corresponding `tool_use` block in the previous message.");
          }
          Object content = block.getValue("content");
          if (content != null && !(content instanceof String) && !(content instanceof JsonArray)) {
            return Optional.of(where + ".tool_result.content: Input should be a valid string or list");
          }
          if (block.getValue("is_error") != null && !(block.getValue("is_error") instanceof Boolean)) {
            return Optional.of(where + ".tool_result.is_error: Input should be a valid boolean");
          }
          answered.add(id);
        }
      }
      if (!pending.isEmpty()) {
        pending.removeAll(answered);
        if (!pending.isEmpty()) {
          return Optional.of("messages." + i + ": `tool_use` ids were found without `tool_result` blocks immediately "
              + "after: " + String.join(", ", pending) + ". Each `tool_use` block must have a corresponding "
              + "`tool_result` block in the next message.");
        }
      }
      pending = called;
    }
    if (!pending.isEmpty()) {
      return Optional.of("messages: the conversation ends with `tool_use` ids that have no `tool_result`: "
          + String.join(", ", pending));
    }
    if (toolBlocks && names.isEmpty()) {
      return Optional.of("Requests which include `tool_use` or `tool_result` blocks must define tools.");
    }
    return Optional.empty();
  }

  // ---- OpenAI chat completions

  static Optional<String> openAi(JsonObject body) {
    Object toolsValue = body.getValue("tools");
    Set<String> names = new HashSet<>();
    if (toolsValue != null) {
      if (!(toolsValue instanceof JsonArray tools)) {
        return Optional.of("Invalid type for 'tools': expected an array");
      }
      for (int i = 0; i < tools.size(); i++) {
        JsonObject tool = tools.getValue(i) instanceof JsonObject object ? object : new JsonObject();
        JsonObject function = tool.getValue("function") instanceof JsonObject f ? f : null;
        if (!"function".equals(tool.getValue("type")) || function == null) {
          return Optional.of("Invalid value for 'tools[" + i + "]': expected {\"type\": \"function\", \"function\": …}");
        }
        String name = function.getValue("name") instanceof String s ? s : "";
        if (!OPENAI_NAME.matcher(name).matches()) {
          return Optional.of("Invalid 'tools[" + i + "].function.name': string does not match pattern. Expected a "
              + "string that matches the pattern '^[a-zA-Z0-9_-]+$'.");
        }
        if (function.getValue("parameters") != null && !(function.getValue("parameters") instanceof JsonObject)) {
          return Optional.of("Invalid type for 'tools[" + i + "].function.parameters': expected an object");
        }
        names.add(name);
      }
    }
    Object choice = body.getValue("tool_choice");
    if (choice != null && !(choice instanceof JsonObject) && !OPENAI_CHOICES.contains(choice)) {
      return Optional.of("Invalid value for 'tool_choice': must be 'none', 'auto', 'required' or a named function");
    }
    JsonArray messages = body.getJsonArray("messages");
    List<String> pending = new ArrayList<>();
    Set<String> answerable = new HashSet<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonObject message = messages.getJsonObject(i);
      String role = message.getString("role");
      if ("tool".equals(role)) {
        Object id = message.getValue("tool_call_id");
        if (!(id instanceof String callId) || !answerable.contains(callId)) {
          return Optional.of("Invalid parameter: messages with role 'tool' must be a response to a preceeding message "
              + "with 'tool_calls'.");
        }
        if (!(message.getValue("content") instanceof String)) {
          return Optional.of("Invalid type for 'messages[" + i + "].content': expected a string");
        }
        pending.remove(callId);
        continue;
      }
      if (!pending.isEmpty()) {
        return Optional.of("An assistant message with 'tool_calls' must be followed by tool messages responding to "
            + "each 'tool_call_id'. The following tool_call_ids did not have response messages: "
            + String.join(", ", pending));
      }
      answerable.clear();
      if ("assistant".equals(role) && message.getValue("tool_calls") != null) {
        if (!(message.getValue("tool_calls") instanceof JsonArray calls) || calls.isEmpty()) {
          return Optional.of("Invalid 'messages[" + i + "].tool_calls': empty array. Expected an array with minimum "
              + "length 1");
        }
        for (int j = 0; j < calls.size(); j++) {
          String where = "messages[" + i + "].tool_calls[" + j + "]";
          JsonObject call = calls.getValue(j) instanceof JsonObject object ? object : new JsonObject();
          JsonObject function = call.getValue("function") instanceof JsonObject f ? f : new JsonObject();
          if (!(call.getValue("id") instanceof String id) || !"function".equals(call.getValue("type"))) {
            return Optional.of("Missing required parameter: '" + where + ".id' or '" + where + ".type'.");
          }
          if (!(function.getValue("arguments") instanceof String)) {
            return Optional.of("Invalid type for '" + where + ".function.arguments': expected a string");
          }
          if (!names.contains(function.getString("name", ""))) {
            return Optional.of("Invalid '" + where + ".function.name': the tool is not defined in tools");
          }
          pending.add(id);
          answerable.add(id);
        }
        Object content = message.getValue("content");
        if (content != null && !(content instanceof String)) {
          return Optional.of("Invalid type for 'messages[" + i + "].content': expected a string or null");
        }
      }
    }
    if (!pending.isEmpty()) {
      return Optional.of("An assistant message with 'tool_calls' must be followed by tool messages responding to "
          + "each 'tool_call_id'. The following tool_call_ids did not have response messages: "
          + String.join(", ", pending));
    }
    return Optional.empty();
  }
}
