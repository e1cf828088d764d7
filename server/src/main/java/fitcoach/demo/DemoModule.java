package fitcoach.demo;

import fitcoach.activities.ActivityStore;
import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** Wires the demo athlete: /api/demo, and the service the {@code demo} command uses. */
public final class DemoModule implements Feature {
  private final DemoService service;
  private final DemoRoutes routes;

  public DemoModule(Pool pool, ActivityStore store, AuthHandler requireUser) {
    this.service = new DemoService(pool, store);
    this.routes = new DemoRoutes(service, requireUser);
  }

  public DemoService service() {
    return service;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
