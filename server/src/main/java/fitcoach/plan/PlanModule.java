package fitcoach.plan;

import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import fitcoach.load.DatedThresholds;
import fitcoach.load.PmcSeries;
import fitcoach.tokens.TokenService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import java.util.function.Function;

/** Wires the athlete's plan: its routes, and {@link #service()} for the features that read it (chart, coach). */
public final class PlanModule implements Feature {
  private final PlanService service;
  private final PlanRoutes routes;
  private final PlanFileRoutes files;

  public PlanModule(Pool pool, TokenService tokens, Function<UUID, Future<DatedThresholds>> thresholds,
                    Function<UUID, Future<PmcSeries>> chart, AuthHandler requireUser) {
    this.service = new PlanService(new PlanRepository(pool), chart);
    this.routes = new PlanRoutes(service, requireUser);
    this.files = new PlanFileRoutes(service, tokens, thresholds, requireUser);
  }

  public PlanService service() {
    return service;
  }

  @Override
  public void mount(Router router) {
    files.mount(router);
    routes.mount(router);
  }
}
