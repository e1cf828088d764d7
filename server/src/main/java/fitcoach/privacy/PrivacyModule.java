package fitcoach.privacy;

import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/**
 * Wires privacy zones: the Settings routes, and {@link #service()} for the features that hand out positions (activity
 * streams and routes, maps, the export), which ask {@link PrivacyService#zonesFor} and then {@link PrivacyZones#hides}.
 */
public final class PrivacyModule implements Feature {
  private final PrivacyService service;
  private final PrivacyRoutes routes;

  public PrivacyModule(Pool pool, AuthHandler requireUser) {
    this.service = new PrivacyService(pool);
    this.routes = new PrivacyRoutes(service, requireUser);
  }

  public PrivacyService service() {
    return service;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
