package fitcoach.map;

import fitcoach.app.AppConfig;
import fitcoach.privacy.PrivacyService;
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

  /** The heatmap leaves out every position inside the athlete's privacy zones (the zones are read once a request). */
  public MapModule(Pool pool, AppConfig.MapSettings settings, PrivacyService privacy, AuthHandler requireUser) {
    this(pool, settings, userId -> privacy.zonesFor(userId).map(ZoneHiddenPositions::of), requireUser);
  }

  MapModule(Pool pool, AppConfig.MapSettings settings, Function<UUID, Future<HiddenPositions>> hiddenFor,
            AuthHandler requireUser) {
    this.routes = new MapRoutes(settings, new HeatmapService(new HeatmapRepository(pool), hiddenFor), requireUser);
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
