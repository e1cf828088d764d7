package fitcoach.app;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * CPU-bound work (the load engine over a history, an activity's analysis, the demo generator) run on a worker thread of
 * the caller's context, so an event loop is never held for its length. Without a Vert.x context (a command run before
 * anything is served, a plain unit test) there is no loop to keep free, and it runs at once.
 */
public final class OffLoop {
  private OffLoop() {
  }

  public static <T> Future<T> run(Callable<T> work) {
    Context context = Vertx.currentContext();
    if (context == null) {
      try {
        return Future.succeededFuture(work.call());
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    }
    return context.executeBlocking(work, false);
  }
}
