package fitcoach.plan;

import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** Wires the athlete's plan: its routes, and {@link #service()} for the features that read it (chart, coach). */
public final class PlanModule implements Feature {
  private final PlanService service;
  private final PlanRoutes routes;

  public PlanModule(Pool pool, AuthHandler requireUser) {
    this.service = new PlanService(new PlanRepository(pool));
    this.routes = new PlanRoutes(service, requireUser);
  }

  public PlanService service() {
    return service;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
