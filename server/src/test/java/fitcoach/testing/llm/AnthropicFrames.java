package fitcoach.testing.llm;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Messages API's SSE frames (protocols.md A.4/A.5), written by hand so that a benchmark's thousands of deltas cost
 * a string concatenation each, and padded with whitespace in places like the real server's JSON.
 */
final class AnthropicFrames {
  private static final Map<String, Buffer> GENERATED_DELTAS = new ConcurrentHashMap<>();
  private final String eol;

  /** {@code crlf} ends lines with CRLF instead of LF (both are valid SSE). */
  AnthropicFrames(boolean crlf) {
    this.eol = crlf ? "\r\n" : "\n";
  }

  Buffer event(String name, String json) {
    return Buffer.buffer("event: " + name + eol + "data: " + json + eol + eol);
  }

  Buffer messageStart(String id, String model, long inputTokens) {
    return messageStart(id, model, inputTokens, 0, 0);
  }

  Buffer messageStart(String id, String model, long inputTokens, long cacheWrites, long cacheReads) {
    JsonObject usage = new JsonObject().put("input_tokens", inputTokens).put("cache_creation_input_tokens", cacheWrites)
        .put("cache_read_input_tokens", cacheReads)
        .put("cache_creation", new JsonObject().put("ephemeral_5m_input_tokens", cacheWrites)
            .put("ephemeral_1h_input_tokens", 0))
        .put("output_tokens", 1).put("service_tier", "standard");
    JsonObject message = new JsonObject().put("model", model).put("id", id).put("type", "message")
        .put("role", "assistant").put("content", new io.vertx.core.json.JsonArray()).putNull("stop_reason")
        .putNull("stop_sequence").put("usage", usage);
    String json = new JsonObject().put("type", "message_start").put("message", message).encode();
    return event("message_start", json.substring(0, json.length() - 1) + "   }");
  }

  Buffer contentBlockStart() {
    return event("content_block_start",
        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}     }");
  }

  /** A tool_use block opens with its id and name and an empty input; the input follows as input_json_delta pieces. */
  Buffer toolUseStart(int index, String id, String name) {
    return event("content_block_start", new JsonObject().put("type", "content_block_start").put("index", index)
        .put("content_block", new JsonObject().put("type", "tool_use").put("id", id).put("name", name)
            .put("input", new JsonObject())).encode());
  }

  Buffer inputJsonDelta(int index, String partialJson) {
    return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
        + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + Json.encode(partialJson) + "}}");
  }

  Buffer contentBlockStop(int index) {
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
  }

  Buffer ping() {
    return event("ping", "{\"type\": \"ping\"}");
  }

  Buffer textDelta(String text) {
    return event("content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" + Json.encode(text)
            + "}}");
  }

  /** Deltas of {@link Reply#tokens(int)} come from a small vocabulary: encode each once per process. */
  Buffer generatedDelta(String text) {
    return eol.equals("\n") ? GENERATED_DELTAS.computeIfAbsent(text, this::textDelta) : textDelta(text);
  }

  Buffer contentBlockStop() {
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0        }");
  }

  Buffer messageDelta(String stopReason, long inputTokens, long outputTokens) {
    return messageDelta(stopReason, inputTokens, outputTokens, 0, 0);
  }

  Buffer messageDelta(String stopReason, long inputTokens, long outputTokens, long cacheWrites, long cacheReads) {
    return event("message_delta", new JsonObject().put("type", "message_delta")
        .put("delta", new JsonObject().put("stop_reason", stopReason).putNull("stop_sequence"))
        .put("usage", new JsonObject().put("input_tokens", inputTokens).put("cache_creation_input_tokens", cacheWrites)
            .put("cache_read_input_tokens", cacheReads).put("output_tokens", outputTokens))
        .encode());
  }

  Buffer messageStop() {
    return event("message_stop", "{\"type\":\"message_stop\"              }");
  }

  Buffer error(String type, String message) {
    return event("error", new JsonObject().put("type", "error")
        .put("error", new JsonObject().put("type", type).put("message", message)).encode());
  }

  /** What a newer API might send: an event type and a delta type this client was written before. */
  Buffer unknownEvent() {
    return event("future_event", "{\"type\":\"future_event\",\"detail\":{\"anything\":[1,2,3]}}");
  }

  Buffer unknownDelta() {
    return event("content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"future_delta\",\"text\":\"NOT TEXT\"}}");
  }

  Buffer comment() {
    return Buffer.buffer(": keep-alive comment" + eol + eol);
  }
}
