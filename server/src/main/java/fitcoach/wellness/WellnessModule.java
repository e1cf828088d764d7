package fitcoach.wellness;

import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** Wires the athlete's wellness entries: their routes, and {@link #service()} for the features that read them. */
public final class WellnessModule implements Feature {
  private final WellnessService service;
  private final WellnessRoutes routes;

  public WellnessModule(Pool pool, AuthHandler requireUser) {
    this.service = new WellnessService(new WellnessRepository(pool));
    this.routes = new WellnessRoutes(service, requireUser);
  }

  public WellnessService service() {
    return service;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
