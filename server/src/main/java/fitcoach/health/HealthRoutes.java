package fitcoach.health;

import fitcoach.app.EmbeddedDatabase;
import fitcoach.app.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * GET /api/health: 200 when the database answers, 503 when it does not, so a supervisor can tell. With the embedded
 * database it also says whether FitCoach is restarting it and what happened to it since start-up.
 */
public final class HealthRoutes {
  private final Pool pool;
  private final Supplier<Optional<EmbeddedDatabase.Status>> embedded;

  public HealthRoutes(Pool pool) {
    this(pool, Optional::empty);
  }

  public HealthRoutes(Pool pool, Supplier<Optional<EmbeddedDatabase.Status>> embedded) {
    this.pool = pool;
    this.embedded = embedded;
  }

  public void mount(Router router) {
    router.get("/api/health").handler(this::health);
  }

  private void health(RoutingContext ctx) {
    Optional<EmbeddedDatabase.Status> status = embedded.get();
    if (status.isPresent() && status.get().state() == EmbeddedDatabase.State.RESTARTING) {
      Json.send(ctx, 503, body("unavailable", "restarting", status));
      return;
    }
    pool.query("SELECT 1").execute()
        .onSuccess(rows -> Json.ok(ctx, body("ok", "up", status)))
        .onFailure(err -> Json.send(ctx, 503, body("unavailable", "down", status)));
  }

  private static Map<String, Object> body(String overall, String database, Optional<EmbeddedDatabase.Status> embedded) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", overall);
    body.put("database", database);
    embedded.ifPresent(s -> body.put("embeddedDatabase", describe(s)));
    return body;
  }

  /**
   * {"state":"running","restarts":1,"lastStop":"killed by signal 9 at …","lastRestart":"restarted at … after killed by
   * signal 9"}; while restarting, also how many attempts failed so far and the last one's error.
   */
  private static Map<String, Object> describe(EmbeddedDatabase.Status s) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("state", s.state() == EmbeddedDatabase.State.RUNNING ? "running" : "restarting");
    view.put("restarts", s.restarts());
    if (s.lastStopAt() != null) {
      view.put("lastStop", s.lastStop() + " at " + s.lastStopAt());
    }
    if (s.lastRestartAt() != null) {
      view.put("lastRestart", "restarted at " + s.lastRestartAt() + " after " + s.lastStop());
    }
    if (s.state() == EmbeddedDatabase.State.RESTARTING && s.failedAttempts() > 0) {
      view.put("failedAttempts", s.failedAttempts());
      view.put("lastError", s.lastError());
    }
    return view;
  }
}
