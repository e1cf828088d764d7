package fitcoach.map;

import fitcoach.app.AppConfig;
import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import java.util.function.Function;

/**
 * Wires maps: the tile settings and the heatmap. {@code hiddenFor} says, per athlete, which positions no map may show
 * (privacy zones); every heatmap route is cut by it before it is simplified or cached.
 */
public final class MapModule implements Feature {
  private final MapRoutes routes;

  public MapModule(Pool pool, AppConfig.MapSettings settings, Function<UUID, Future<HiddenPositions>> hiddenFor,
                   AuthHandler requireUser) {
    this.routes = new MapRoutes(settings, new HeatmapService(new HeatmapRepository(pool), hiddenFor), requireUser);
  }

  /** Maps that hide nothing. */
  public MapModule(Pool pool, AppConfig.MapSettings settings, AuthHandler requireUser) {
    this(pool, settings, userId -> Future.succeededFuture(HiddenPositions.NONE), requireUser);
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
