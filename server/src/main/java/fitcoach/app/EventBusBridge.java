package fitcoach.app;

import fitcoach.auth.AuthHandler;
import io.vertx.core.Vertx;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;

/**
 * The SockJS event-bus bridge at /eventbus for signed-in browsers: outbound only, and a browser may register only
 * addresses under its own {@code fitcoach.user.<id>.} prefix.
 */
final class EventBusBridge {
  private EventBusBridge() {
  }

  static void mount(Vertx vertx, Router router, AuthHandler requireUser, BridgeSubscriptions subscriptions) {
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("fitcoach\\.user\\.[0-9a-f-]{36}\\..+"));
    router.route("/eventbus/*").handler(requireUser);
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx).bridge(options, event -> {
      if (event.type() == BridgeEventType.REGISTER) {
        String address = event.getRawMessage() == null ? null : event.getRawMessage().getString("address");
        String own = "fitcoach.user." + AuthHandler.signedIn(event.socket().routingContext()).userId() + ".";
        boolean allowed = address != null && address.startsWith(own);
        // Told before the consumer exists, so a feature that publishes only while someone subscribes starts in time.
        if (allowed) {
          subscriptions.registered(event.socket(), address);
        }
        event.complete(allowed);
      } else {
        if (event.type() == BridgeEventType.UNREGISTER && event.getRawMessage() != null) {
          subscriptions.unregistered(event.socket(), event.getRawMessage().getString("address"));
        } else if (event.type() == BridgeEventType.SOCKET_CLOSED) {
          subscriptions.closed(event.socket());
        }
        event.complete(true);
      }
    }));
  }
}
