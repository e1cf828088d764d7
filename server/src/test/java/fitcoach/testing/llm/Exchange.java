package fitcoach.testing.llm;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * One completion request being answered. Knows whether the fake finished its answer, so that a connection closing
 * before that counts as the client going away (cancel, timeout) and not as the fake's own doing.
 */
final class Exchange {
  private final RoutingContext ctx;
  private final Runnable onClientGone;
  private boolean finished;
  private boolean clientGone;

  Exchange(RoutingContext ctx, Runnable onClientGone) {
    this.ctx = ctx;
    this.onClientGone = onClientGone;
    ctx.response().closeHandler(v -> {
      if (!finished && !clientGone) {
        clientGone = true;
        onClientGone.run();
      }
    });
  }

  HttpServerResponse response() {
    return ctx.response();
  }

  boolean clientGone() {
    return clientGone;
  }

  /** Everything the fake meant to send is on its way; a close from now on is expected. */
  void finish() {
    finished = true;
  }

  void closeConnection() {
    finished = true;
    ctx.request().connection().close();
  }
}
