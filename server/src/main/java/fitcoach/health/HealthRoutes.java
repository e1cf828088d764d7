package fitcoach.health;

import fitcoach.app.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Map;

/** GET /api/health: 200 when the database answers, 503 when it does not, so a supervisor can tell. */
public final class HealthRoutes {
  private final Pool pool;

  public HealthRoutes(Pool pool) {
    this.pool = pool;
  }

  public void mount(Router router) {
    router.get("/api/health").handler(this::health);
  }

  private void health(RoutingContext ctx) {
    pool.query("SELECT 1").execute()
        .onSuccess(rows -> Json.ok(ctx, Map.of("status", "ok", "database", "up")))
        .onFailure(err -> Json.send(ctx, 503, Map.of("status", "unavailable", "database", "down")));
  }
}
