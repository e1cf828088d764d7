package fitcoach.llm;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The {@code type} and {@code message} of a provider's error body, read defensively: Anthropic's
 * {@code {"type":"error","error":{"type","message"}}}, OpenAI's {@code {"error":{"message","type","code"}}}, Ollama's
 * {@code {"error":"…"}}, or nothing at all when the body is not JSON (a 413 from Cloudflare is HTML).
 */
record UpstreamError(String type, String message) {
  static final UpstreamError NONE = new UpstreamError(null, null);

  static UpstreamError parse(Buffer body) {
    if (body == null || body.length() == 0) {
      return NONE;
    }
    try {
      return from(new JsonObject(body));
    } catch (RuntimeException notJsonObject) {
      return NONE;
    }
  }

  static UpstreamError from(JsonObject json) {
    Object error = json.getValue("error");
    if (error instanceof JsonObject object) {
      return new UpstreamError(text(object.getValue("type")), text(object.getValue("message")));
    }
    if (error instanceof String message) {
      return new UpstreamError(null, message);
    }
    return new UpstreamError(null, text(json.getValue("message")));
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
