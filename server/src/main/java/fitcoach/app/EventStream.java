package fitcoach.app;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Relays a user-scoped event-bus address to the browser as server-sent events, with a heartbeat for proxies. */
public final class EventStream {
  private static final long HEARTBEAT_MS = 15_000;

  private EventStream() {
  }

  /** Starts the stream and returns the response, so the caller can write a first frame (e.g. the current state). */
  public static HttpServerResponse relay(RoutingContext ctx, String address, String event) {
    HttpServerResponse res = open(ctx.response());
    res.write(": connected\n\n");
    MessageConsumer<JsonObject> consumer = ctx.vertx().eventBus().consumer(address, msg -> frame(res, event, msg.body()));
    long heartbeat = ctx.vertx().setPeriodic(HEARTBEAT_MS, id -> res.write(": heartbeat\n\n"));
    res.closeHandler(v -> {
      consumer.unregister();
      ctx.vertx().cancelTimer(heartbeat);
    });
    return res;
  }

  /** The headers of every event stream FitCoach sends; returns the response, chunked, for the first frame. */
  public static HttpServerResponse open(HttpServerResponse res) {
    return res.setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no")
        // Frames are tiny and must leave at once: compressing them costs CPU and risks holding them back.
        .putHeader(io.vertx.core.http.HttpHeaders.CONTENT_ENCODING, io.vertx.core.http.HttpHeaders.IDENTITY);
  }

  public static void frame(HttpServerResponse res, String event, JsonObject data) {
    if (!res.closed()) {
      res.write("event: " + event + "\ndata: " + data.encode() + "\n\n");
    }
  }
}
