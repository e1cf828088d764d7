package fitcoach.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one place responses are serialised (records to camelCase JSON, instants as ISO-8601) and request bodies are read. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      // Generated accessors instead of reflection: serialisation is a large share of the cost of read endpoints.
      .registerModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .setSerializationInclusion(JsonInclude.Include.ALWAYS);

  private Json() {
  }

  public static void send(RoutingContext ctx, int status, Object body) {
    try {
      Buffer bytes = Buffer.buffer(MAPPER.writeValueAsBytes(body));
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(bytes);
    } catch (JsonProcessingException e) {
      ctx.fail(e);
    }
  }

  /**
   * Builds the serialisers of the common shapes before any request: their first construction (class loading,
   * introspection) can hold an event loop for a few hundred milliseconds on a busy two-core machine.
   */
  public static void warmUp() {
    encode(java.util.Map.of("error", new java.util.LinkedHashMap<>(java.util.Map.of("code", "x", "message", "y"))));
    encode(new fitcoach.auth.UserView(java.util.UUID.randomUUID(), "warm@up", java.time.Instant.now()));
    encode(java.util.Map.of("ok", true, "at", java.time.LocalDate.now(), "list", java.util.List.of(1.5, 2)));
  }

  /** Serialises once, for answers that are memoised and sent many times. */
  public static Buffer encode(Object body) {
    try {
      return Buffer.buffer(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  public static void sendEncoded(RoutingContext ctx, int status, Buffer json) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(json);
  }

  /** A record as a Vert.x JsonObject, serialised by this mapper (instants as ISO-8601), for the event bus. */
  public static JsonObject toJsonObject(Object value) {
    return new JsonObject(encode(value));
  }

  public static void ok(RoutingContext ctx, Object body) {
    send(ctx, 200, body);
  }

  /** The request body as a JSON object; anything else (empty, malformed, an array) is a 400 the client can fix. */
  public static JsonObject body(RoutingContext ctx) {
    Buffer buffer = ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      throw ApiException.badRequest("empty_body", "The request needs a JSON object body");
    }
    try {
      Object value = io.vertx.core.json.Json.decodeValue(buffer);
      if (value instanceof JsonObject object) {
        JsonFields.requireText(object, null);
        return object;
      }
    } catch (DecodeException e) {
      throw ApiException.badRequest("malformed_json", "The request body is not valid JSON");
    }
    throw ApiException.badRequest("malformed_json", "The request body must be a JSON object");
  }
}
