package fitcoach.boot;

import fitcoach.app.ApiException;
import fitcoach.app.BridgeSubscriptions;
import fitcoach.app.RequestGuard;
import fitcoach.auth.AuthHandler;
import fitcoach.auth.AuthService;
import fitcoach.auth.Session;
import io.vertx.core.Vertx;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SockJS event-bus bridge at /eventbus for signed-in browsers of FitCoach's own origins: outbound only, and a
 * browser may register only addresses under its own {@code fitcoach.user.<id>.} prefix. A socket lives no longer
 * than the session that opened it: it closes when that session signs out or expires.
 */
final class EventBusBridge {
  /** The bridge's inbound frames are register, unregister and ping: tiny. */
  static final int MAX_FRAME_BYTES = 64 * 1024;

  private EventBusBridge() {
  }

  static void mount(Vertx vertx, Router router, RequestGuard guard, AuthHandler requireUser,
                    List<BridgeSubscriptions> subscriptions) {
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("fitcoach\\.user\\.[0-9a-f-]{36}\\..+"));
    OpenSockets open = new OpenSockets(vertx);
    router.route("/eventbus/*").handler(guard::bridgeOrigin);
    router.route("/eventbus/*").handler(requireUser);
    // The SockJS send transports (xhr_send, jsonp_send) read their frames from the routing context's body.
    router.post("/eventbus/*").handler(BodyHandler.create(false).setBodyLimit(MAX_FRAME_BYTES));
    router.post("/eventbus/*").handler(EventBusBridge::framesGiven);
    // No JSESSIONID (it only serves sticky load balancers): inserting it echoes the request's Cookie header back as
    // Set-Cookie, which would re-set the session cookie without HttpOnly, SameSite or its lifetime.
    SockJSHandlerOptions sockJs = new SockJSHandlerOptions().setInsertJSESSIONID(false);
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, sockJs).bridge(options, event -> {
      SockJSSocket socket = event.socket();
      switch (event.type()) {
        case SOCKET_CREATED -> open.add(socket, AuthHandler.signedIn(socket.routingContext()).session());
        case REGISTER -> {
          String address = event.getRawMessage() == null ? null : event.getRawMessage().getString("address");
          String own = "fitcoach.user." + AuthHandler.signedIn(socket.routingContext()).userId() + ".";
          boolean allowed = address != null && address.startsWith(own);
          // Told before the consumer exists, so a feature that publishes only while someone subscribes starts in time.
          if (allowed) {
            subscriptions.forEach(s -> s.registered(socket, address));
          }
          event.complete(allowed);
          return;
        }
        case UNREGISTER -> {
          if (event.getRawMessage() != null) {
            String address = event.getRawMessage().getString("address");
            subscriptions.forEach(s -> s.unregistered(socket, address));
          }
        }
        case SOCKET_CLOSED -> {
          open.remove(socket);
          subscriptions.forEach(s -> s.closed(socket));
        }
        case SOCKET_ERROR -> open.remove(socket);
        default -> {
        }
      }
      event.complete(true);
    }));
  }

  /**
   * This verticle's open bridge sockets by session. Sign-out is announced on the event bus (every HTTP verticle
   * holds its own sockets); expiry closes a socket by a timer set when it opened.
   */
  private static final class OpenSockets {
    private final Vertx vertx;
    private final Map<SockJSSocket, Long> expiryTimers = new ConcurrentHashMap<>();
    private final Map<SockJSSocket, UUID> sessions = new ConcurrentHashMap<>();

    OpenSockets(Vertx vertx) {
      this.vertx = vertx;
      vertx.eventBus().<String>localConsumer(AuthService.SESSION_ENDED, message -> {
        UUID ended = UUID.fromString(message.body());
        sessions.forEach((socket, session) -> {
          if (session.equals(ended)) {
            socket.close();
          }
        });
      });
    }

    void add(SockJSSocket socket, Session session) {
      sessions.put(socket, session.id());
      long delay = Math.max(1, session.expiresAt().toEpochMilli() - Instant.now().toEpochMilli());
      expiryTimers.put(socket, vertx.setTimer(delay, id -> socket.close()));
    }

    void remove(SockJSSocket socket) {
      sessions.remove(socket);
      Long timer = expiryTimers.remove(socket);
      if (timer != null) {
        vertx.cancelTimer(timer);
      }
    }
  }

  /**
   * SockJS answers a send without frames, or with frames that are not a JSON array, with a 500 ("Payload expected",
   * "Broken JSON encoding"). That is the client's mistake, so it gets a 400 here before SockJS sees it.
   */
  private static void framesGiven(io.vertx.ext.web.RoutingContext ctx) {
    String path = ctx.request().path();
    if (!path.endsWith("/xhr_send") && !path.endsWith("/jsonp_send")) {
      ctx.next();
      return;
    }
    io.vertx.core.buffer.Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      ctx.fail(ApiException.badRequest("payload_expected", "A SockJS send needs its frames in the body"));
      return;
    }
    if (path.endsWith("/xhr_send")) {
      try {
        if (!(io.vertx.core.json.Json.decodeValue(body) instanceof io.vertx.core.json.JsonArray)) {
          ctx.fail(ApiException.badRequest("broken_frames", "A SockJS send carries a JSON array of frames"));
          return;
        }
      } catch (io.vertx.core.json.DecodeException e) {
        ctx.fail(ApiException.badRequest("broken_frames", "A SockJS send carries a JSON array of frames"));
        return;
      }
    }
    ctx.next();
  }
}
