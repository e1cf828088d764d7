package fitcoach.llm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads an OpenAI-compatible {@code chat.completion.chunk} stream (protocols.md A2.1): text from
 * {@code choices[0].delta.content}, {@code finish_reason} as stop reason, usage from the optional usage chunk (whose
 * {@code choices} may be empty, null or absent), done at {@code data: [DONE]}. A {@code data: {"error":…}} chunk is an
 * in-stream error. Servers that end the stream after a finish reason but without {@code [DONE]} are tolerated.
 *
 * <p>Tool calls come as {@code delta.tool_calls[]} fragments keyed by {@code index}: the first carries id and
 * function name, later ones pieces of {@code function.arguments}; several calls may interleave. Ollama sends each call
 * whole in one fragment, and some servers leave out {@code index}: then a new id starts a new call. The finish reason
 * is {@code tool_calls}, though the calls are returned whatever it says.
 *
 * <p>Usage: {@code prompt_tokens} includes cached input; cache reads ({@code prompt_tokens_details.cached_tokens}) are
 * reported apart and taken out of the input. OpenAI-compatible servers report no cache writes.
 */
final class OpenAiStream implements StreamDecoder {
  private final LlmErrors errors;
  private String model;
  private String finishReason;
  private LlmUsage usage = LlmUsage.NONE;
  private final Map<Integer, ToolCallBuilder> calls = new TreeMap<>();
  private int lastIndex = -1;

  OpenAiStream(LlmErrors errors) {
    this.errors = errors;
  }

  @Override
  public LlmResult onEvent(SseEvent event, Consumer<String> onText) {
    String data = event.data().strip();
    if (data.startsWith("[DONE]")) {
      return result();
    }
    if (data.isEmpty()) {
      return null;
    }
    JsonObject chunk;
    try {
      chunk = new JsonObject(data);
    } catch (RuntimeException e) {
      throw errors.malformed("unreadable chunk", false);
    }
    if (chunk.getValue("error") != null) {
      throw errors.inStream(UpstreamError.from(chunk), false);
    }
    if (chunk.getValue("model") instanceof String name) {
      model = name;
    }
    if (chunk.getValue("usage") instanceof JsonObject reported) {
      long prompt = number(reported, "prompt_tokens");
      long cached = reported.getValue("prompt_tokens_details") instanceof JsonObject details
          ? Math.min(prompt, number(details, "cached_tokens")) : 0;
      usage = new LlmUsage(prompt - cached, number(reported, "completion_tokens"), 0, cached);
    }
    if (chunk.getValue("choices") instanceof JsonArray choices) {
      for (Object entry : choices) {
        // One answer was asked for; a server echoing more choices is only read for index 0.
        if (entry instanceof JsonObject choice && choice.getInteger("index", 0) == 0) {
          if (choice.getValue("delta") instanceof JsonObject delta) {
            if (delta.getValue("content") instanceof String text) {
              onText.accept(text);
            }
            if (delta.getValue("tool_calls") instanceof JsonArray fragments) {
              fragments.forEach(this::toolFragment);
            }
          }
          if (choice.getValue("finish_reason") instanceof String reason) {
            finishReason = reason;
          }
        }
      }
    }
    return null;
  }

  private void toolFragment(Object entry) {
    if (!(entry instanceof JsonObject fragment)) {
      return;
    }
    String id = fragment.getValue("id") instanceof String s && !s.isEmpty() ? s : null;
    JsonObject function = fragment.getValue("function") instanceof JsonObject f ? f : new JsonObject();
    String name = function.getValue("name") instanceof String s && !s.isEmpty() ? s : null;
    int index;
    if (fragment.getValue("index") instanceof Number n) {
      index = n.intValue();
    } else if (id != null && (lastIndex < 0 || !id.equals(calls.get(lastIndex).id()))) {
      index = lastIndex + 1;
    } else {
      index = Math.max(lastIndex, 0);
    }
    ToolCallBuilder call = calls.get(index);
    if (call == null) {
      call = new ToolCallBuilder(id, name);
      calls.put(index, call);
    } else {
      call.fill(id, name);
    }
    lastIndex = Math.max(lastIndex, index);
    Object arguments = function.getValue("arguments");
    if (arguments instanceof String piece) {
      call.append(piece);
    } else if (arguments instanceof JsonObject object) {
      // A few servers send the arguments as an object instead of a JSON string.
      call.append(object.encode());
    }
  }

  @Override
  public int toolCallsStarted() {
    return calls.size();
  }

  @Override
  public LlmUsage usage() {
    return usage;
  }

  @Override
  public LlmResult atEnd() {
    return finishReason != null ? result() : null;
  }

  private LlmResult result() {
    List<LlmToolCall> made = new ArrayList<>();
    for (Map.Entry<Integer, ToolCallBuilder> call : calls.entrySet()) {
      LlmToolCall built = call.getValue().build("call_" + call.getKey());
      if (built == null) {
        throw errors.malformed("a tool call without a function name", false);
      }
      made.add(built);
    }
    return new LlmResult(model, finishReason, usage, made, 0, false);
  }

  private static long number(JsonObject json, String field) {
    return json.getValue(field) instanceof Number n ? n.longValue() : 0;
  }
}
