package fitcoach.activities;

import fitcoach.analytics.LoadService;
import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import fitcoach.settings.ProfileRepository;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** Wires activities: the athlete's list, detail, manual entries, edits and merges under /api/activities. */
public final class ActivityModule implements Feature {
  private final ActivityRoutes routes;

  public ActivityModule(Pool pool, LoadService load, ProfileRepository profiles, AuthHandler requireUser) {
    this.routes = new ActivityRoutes(new ActivityRepository(pool), load, profiles, requireUser);
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
