package fitcoach.usage;

import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/** Wires the AI cost ledger: one {@link AiLedger} (the coach records calls and checks budgets through it) and its routes. */
public final class UsageModule implements Feature {
  private final AiLedger ledger;
  private final UsageRoutes routes;

  public UsageModule(Pool pool, Clock clock, AuthHandler requireUser) {
    this.ledger = new AiLedger(pool, clock);
    this.routes = new UsageRoutes(ledger, requireUser);
  }

  public AiLedger ledger() {
    return ledger;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
