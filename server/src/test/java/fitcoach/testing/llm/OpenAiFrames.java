package fitcoach.testing.llm;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code chat.completion.chunk} frames as Ollama's OpenAI-compatible endpoint writes them (protocols.md A2.1): only
 * {@code data:} lines, the same id, created time and model on every chunk, {@code data: [DONE]} at the end.
 */
final class OpenAiFrames {
  private final String eol;
  private final String prefix;

  OpenAiFrames(boolean crlf, String id, long created, String model) {
    this.eol = crlf ? "\r\n" : "\n";
    this.prefix = "{\"id\":" + Json.encode(id) + ",\"object\":\"chat.completion.chunk\",\"created\":" + created
        + ",\"model\":" + Json.encode(model) + ",\"system_fingerprint\":\"fp_ollama\",";
  }

  Buffer data(String json) {
    return Buffer.buffer("data: " + json + eol + eol);
  }

  Buffer role() {
    return chunk("{\"role\":\"assistant\",\"content\":\"\"}", null);
  }

  /** Plain concatenation: a benchmark sends a hundred thousand of these. */
  Buffer content(String text, String finishReason) {
    return data(prefix + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + Json.encode(text)
        + "},\"finish_reason\":" + (finishReason == null ? "null" : Json.encode(finishReason)) + "}]}");
  }

  Buffer finish(String finishReason) {
    return chunk("{}", finishReason);
  }

  /** The usage chunk; {@code choices} is "[]" as OpenAI and Ollama send it, "null" or absent as some vLLM versions do. */
  Buffer usage(FakeOpenAi.UsageChoices choices, long promptTokens, long completionTokens) {
    return usage(choices, promptTokens, completionTokens, 0);
  }

  /** {@code cachedTokens} > 0 adds {@code prompt_tokens_details.cached_tokens}, as OpenAI reports prompt caching. */
  Buffer usage(FakeOpenAi.UsageChoices choices, long promptTokens, long completionTokens, long cachedTokens) {
    JsonObject reported = new JsonObject().put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens).put("total_tokens", promptTokens + completionTokens);
    if (cachedTokens > 0) {
      reported.put("prompt_tokens_details", new JsonObject().put("cached_tokens", cachedTokens));
    }
    String usage = "\"usage\":" + reported.encode();
    String choicesField = switch (choices) {
      case EMPTY -> "\"choices\":[],";
      case NULL -> "\"choices\":null,";
      case ABSENT -> "";
    };
    return data(prefix + choicesField + usage + "}");
  }

  /** The first fragment of a tool call: index, id, type and name, arguments empty. */
  Buffer toolCallStart(int index, String id, String name) {
    return chunk(new JsonObject().put("tool_calls", new JsonArray().add(new JsonObject().put("index", index)
        .put("id", id).put("type", "function")
        .put("function", new JsonObject().put("name", name).put("arguments", "")))).encode(), null);
  }

  /** A piece of a tool call's arguments, keyed by the call's index only. */
  Buffer toolCallArguments(int index, String piece) {
    return chunk(new JsonObject().put("tool_calls", new JsonArray().add(new JsonObject().put("index", index)
        .put("function", new JsonObject().put("arguments", piece)))).encode(), null);
  }

  Buffer done() {
    return data("[DONE]");
  }

  Buffer error(String type, String message) {
    return data(new JsonObject().put("error", new JsonObject().put("message", message).put("type", type)
        .putNull("param").putNull("code")).encode());
  }

  /** What the client must skip: a comment, an event with a name, and a delta with only a field it does not know. */
  Buffer unknownThings() {
    return Buffer.buffer(": ping" + eol + eol + "event: future_event" + eol + "data: {}" + eol + eol)
        .appendBuffer(chunk("{\"reasoning\":\"Thinking about zones…\"}", null));
  }

  private Buffer chunk(String delta, String finishReason) {
    JsonArray choices = new JsonArray().add(new JsonObject().put("index", 0).put("delta", new JsonObject(delta))
        .put("finish_reason", finishReason));
    return data(prefix + "\"choices\":" + choices.encode() + "}");
  }
}
