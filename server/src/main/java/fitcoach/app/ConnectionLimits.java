package fitcoach.app;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits against slow and greedy clients, shared by every HTTP verticle. A connection must complete its request
 * headers within the header timeout of opening, or of the end of its previous response: unlike the idle timeout, a
 * trickle of bytes does not extend it (so it also closes keep-alive connections left idle that long). Once headers are
 * in, the request is not timed here: a body still arriving (an upload), a long response (server-sent events,
 * SockJS streaming) or a WebSocket live as long as they need. One client address holds at most so many connections;
 * more are closed as they open.
 */
public final class ConnectionLimits {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);
  private final long headerTimeoutMs;
  private final int maxPerClient;
  private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
  private final Map<HttpConnection, Tracked> connections = new ConcurrentHashMap<>();

  public ConnectionLimits(AppConfig.HttpSettings settings) {
    this.headerTimeoutMs = settings.headerTimeoutSeconds() * 1000L;
    this.maxPerClient = settings.maxConnectionsPerClient();
  }

  /** One open connection: whose it is, and the timer waiting for its next request's headers (-1: none). */
  private static final class Tracked {
    final String client;
    long timer = -1;

    Tracked(String client) {
      this.client = client;
    }
  }

  /**
   * Watches every connection {@code server} accepts. Needs HTTP/1.x set up as the connection opens (h2c disabled):
   * with h2c on, Vert.x waits for the first bytes to choose a protocol before it reports the connection.
   */
  public void watch(Vertx vertx, HttpServer server) {
    server.connectionHandler(conn -> opened(vertx, conn));
  }

  private void opened(Vertx vertx, HttpConnection conn) {
    SocketAddress remote = conn.remoteAddress();
    String client = remote == null || remote.hostAddress() == null ? "-" : remote.hostAddress();
    int open = perClient.merge(client, 1, Integer::sum);
    if (maxPerClient > 0 && open > maxPerClient) {
      release(client);
      LOG.debug("Closed a connection from {}: it already has {} open", client, maxPerClient);
      conn.close();
      return;
    }
    Tracked tracked = new Tracked(client);
    connections.put(conn, tracked);
    Runnable closed = () -> {
      Tracked t = connections.remove(conn);
      if (t != null) {
        vertx.cancelTimer(t.timer);
        release(t.client);
      }
    };
    if (conn instanceof ConnectionBase base) {
      // The channel's own close: the HTTP connection's close handler never runs once it became a WebSocket.
      base.channel().closeFuture().addListener(f -> closed.run());
    } else {
      conn.closeHandler(v -> closed.run());
    }
    arm(vertx, conn, tracked);
  }

  private void release(String client) {
    perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
  }

  private void arm(Vertx vertx, HttpConnection conn, Tracked tracked) {
    vertx.cancelTimer(tracked.timer);
    tracked.timer = vertx.setTimer(headerTimeoutMs, id -> {
      if (tracked.timer == id && connections.containsKey(conn)) {
        LOG.debug("Closed a connection from {}: no complete request headers within {} ms", tracked.client, headerTimeoutMs);
        conn.close();
      }
    });
  }

  /**
   * The first handler of the router: the request's headers are complete, so its connection's timer stops; it starts
   * again when the exchange is over.
   */
  public void requestStarted(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    HttpConnection conn = req.connection();
    Tracked tracked = conn == null ? null : connections.get(conn);
    if (tracked != null) {
      Vertx vertx = ctx.vertx();
      vertx.cancelTimer(tracked.timer);
      tracked.timer = -1;
      ctx.addEndHandler(v -> {
        // A WebSocket (101) lives by its own rules; a response sent before its request was read whole (a refused
        // upload) comes with the connection closing.
        if (ctx.response().getStatusCode() != 101 && req.isEnded() && connections.containsKey(conn)) {
          arm(vertx, conn, tracked);
        }
      });
    }
    ctx.next();
  }
}
