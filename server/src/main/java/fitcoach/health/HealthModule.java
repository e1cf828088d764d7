package fitcoach.health;

import fitcoach.app.EmbeddedDatabase;
import fitcoach.app.Feature;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.function.Supplier;

/** Wires health: the probe of the database, and of the embedded PostgreSQL when FitCoach runs one. */
public final class HealthModule implements Feature {
  private final HealthRoutes routes;

  public HealthModule(Pool pool, Supplier<Optional<EmbeddedDatabase.Status>> embedded) {
    this.routes = new HealthRoutes(pool, embedded);
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
