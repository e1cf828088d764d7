package fitcoach.llm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * Reads an OpenAI-compatible {@code chat.completion.chunk} stream (protocols.md A2.1): text from
 * {@code choices[0].delta.content}, {@code finish_reason} as stop reason, usage from the optional usage chunk (whose
 * {@code choices} may be empty, null or absent), done at {@code data: [DONE]}. A {@code data: {"error":…}} chunk is an
 * in-stream error. Servers that end the stream after a finish reason but without {@code [DONE]} are tolerated.
 */
final class OpenAiStream implements StreamDecoder {
  private final LlmErrors errors;
  private String model;
  private String finishReason;
  private LlmUsage usage = LlmUsage.NONE;

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
      usage = new LlmUsage(number(reported, "prompt_tokens"), number(reported, "completion_tokens"));
    }
    if (chunk.getValue("choices") instanceof JsonArray choices) {
      for (Object entry : choices) {
        // One answer was asked for; a server echoing more choices is only read for index 0.
        if (entry instanceof JsonObject choice && choice.getInteger("index", 0) == 0) {
          if (choice.getValue("delta") instanceof JsonObject delta && delta.getValue("content") instanceof String text) {
            onText.accept(text);
          }
          if (choice.getValue("finish_reason") instanceof String reason) {
            finishReason = reason;
          }
        }
      }
    }
    return null;
  }

  @Override
  public LlmResult atEnd() {
    return finishReason != null ? result() : null;
  }

  private LlmResult result() {
    return new LlmResult(model, finishReason, usage);
  }

  private static long number(JsonObject json, String field) {
    return json.getValue(field) instanceof Number n ? n.longValue() : 0;
  }
}
