package fitcoach.app;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.DatabaseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The single failure handler: every error leaves as {@code {"error":{"code","message","field"}}}, unexpected ones logged with the request id. */
public final class ErrorHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      // A stream already started: the connection is all we can still close.
      LOG.warn("Request {} {} failed after its response started: {}", RequestGuard.requestId(ctx), ctx.request().path(),
          ctx.failure() == null ? ctx.statusCode() : ctx.failure().toString());
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException e) {
      if (e.retryAfterSeconds() != null) {
        ctx.response().putHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      }
      send(ctx, e.status(), e.code(), e.getMessage(), e.field());
    } else if (failure instanceof DecodeException) {
      send(ctx, 400, "malformed_json", "The request body is not valid JSON", null);
    } else if (failure instanceof io.netty.handler.codec.DecoderException || thrownByHttpCodec(failure)) {
      // A form or multipart body Netty cannot decode (a broken % escape, a cut-off part).
      send(ctx, 400, "malformed_body", "The request body could not be decoded", null);
    } else if (failure instanceof DatabaseException db && "23505".equals(db.getSqlState())) {
      send(ctx, 409, "conflict", "This would duplicate something that already exists", null);
    } else if (failure instanceof DatabaseException db && refusedValue(db.getSqlState())) {
      // Validation should have caught it first (then nothing was stored); logged so the gap gets closed.
      LOG.warn("Request {} {} {}: the database refused a value ({} {})", RequestGuard.requestId(ctx), ctx.request().method(),
          ctx.request().path(), db.getSqlState(), db.getMessage());
      send(ctx, 422, "invalid_value", "A value in the request is out of range or not storable text", null);
    } else if (databaseUnavailable(failure)) {
      // The database is restarting or overloaded: the request did nothing, and the athlete can simply try again.
      LOG.warn("Request {} {} {}: the database is not answering ({})", RequestGuard.requestId(ctx), ctx.request().method(),
          ctx.request().path(), failure.toString());
      ctx.response().putHeader("Retry-After", "5");
      send(ctx, 503, "database_unavailable", "The database is not answering right now; try again in a few seconds", null);
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      int status = ctx.statusCode();
      switch (status) {
        case 413 -> send(ctx, 413, "payload_too_large", "The request body is larger than this endpoint accepts", null);
        case 404 -> send(ctx, 404, "not_found", "No such endpoint", null);
        case 405 -> send(ctx, 405, "method_not_allowed", "This endpoint does not accept " + ctx.request().method(), null);
        case 415 -> send(ctx, 415, "unsupported_media_type", "Send the body as application/json", null);
        case 401 -> send(ctx, 401, "unauthorized", "Sign in first", null);
        default -> send(ctx, status, "bad_request", "The request could not be processed", null);
      }
    } else {
      LOG.error("Request {} {} {} failed", RequestGuard.requestId(ctx), ctx.request().method(), ctx.request().path(), failure);
      send(ctx, 500, "internal_error", "Something went wrong on the server (request " + RequestGuard.requestId(ctx) + ")", null);
    }
  }

  /**
   * The database cannot be reached or is going away: a refused or dropped connection, no free connection in time, or
   * PostgreSQL's own "shutting down / cannot connect now / too many connections" (SQLSTATE classes 08, 57P, 53300).
   */
  static boolean databaseUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException) {
        return true;
      }
      if (t instanceof DatabaseException db && db.getSqlState() != null
          && (db.getSqlState().startsWith("08") || db.getSqlState().startsWith("57P") || "53300".equals(db.getSqlState()))) {
        return true;
      }
      String message = t.getMessage();
      if (t instanceof io.vertx.core.VertxException && message != null
          && (message.startsWith("Timeout") || message.contains("onnection was closed") || message.contains("onnection closed")
              || message.contains("Connection refused"))) {
        return true;
      }
    }
    return false;
  }

  /** Netty's HTTP codecs throw IllegalArgumentException only for what the client sent (e.g. "%" as a form field name). */
  private static boolean thrownByHttpCodec(Throwable failure) {
    StackTraceElement[] stack = failure == null ? new StackTraceElement[0] : failure.getStackTrace();
    return failure instanceof IllegalArgumentException && stack.length > 0
        && stack[0].getClassName().startsWith("io.netty.handler.codec.http.");
  }

  /** Data exceptions (class 22: bad text, out-of-range numbers and dates) and check violations: the client's values. */
  private static boolean refusedValue(String sqlState) {
    return sqlState != null && (sqlState.startsWith("22") || "23514".equals(sqlState));
  }

  private static void send(RoutingContext ctx, int status, String code, String message, String field) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("field", field);
    Json.send(ctx, status, Map.of("error", error));
  }
}
