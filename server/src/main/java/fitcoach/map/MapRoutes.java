package fitcoach.map;

import fitcoach.activities.Sports;
import fitcoach.app.ApiException;
import fitcoach.app.AppConfig;
import fitcoach.app.DateWindow;
import fitcoach.app.Json;
import fitcoach.app.OffLoop;
import fitcoach.app.QueryParams;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** /api/map: the tile settings the browser's maps use, and the heatmap of every route. */
final class MapRoutes {
  /** OpenStreetMap's standard tiles go to zoom 19; a template of one's own is assumed to as well. */
  static final int MAX_ZOOM = 19;
  private final AppConfig.MapSettings settings;
  private final HeatmapService heatmap;
  private final AuthHandler requireUser;

  MapRoutes(AppConfig.MapSettings settings, HeatmapService heatmap, AuthHandler requireUser) {
    this.settings = settings;
    this.heatmap = heatmap;
    this.requireUser = requireUser;
  }

  void mount(Router router) {
    router.route("/api/map/*").handler(requireUser);
    router.get("/api/map/settings").handler(this::settings);
    router.get("/api/map/heatmap").handler(this::heatmap);
  }

  private void settings(RoutingContext ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tiles", settings.tiles().orElse(null));
    body.put("attribution", settings.attribution());
    body.put("maxZoom", MAX_ZOOM);
    Json.ok(ctx, body);
  }

  private void heatmap(RoutingContext ctx) {
    var q = ctx.queryParams();
    LocalDate from = QueryParams.date(q, "from", null);
    LocalDate to = QueryParams.date(q, "to", null);
    DateWindow.requireRange("from", from, "to", to);
    String family = family(q.get("sport"));
    // A decade of routes is a megabyte or two of JSON: encoded on a worker thread too.
    heatmap.heatmap(AuthHandler.signedIn(ctx).userId(), from, to, family)
        .compose(map -> OffLoop.run(() -> Json.encode(map)))
        .onSuccess(json -> Json.sendEncoded(ctx, 200, json)).onFailure(ctx::fail);
  }

  /** null for every sport ("all" or absent), else a sport family FitCoach knows. */
  private static String family(String value) {
    String s = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.equals("all")) {
      return null;
    }
    if (!Sports.isFamily(s)) {
      throw ApiException.invalid("sport", "invalid_value", "'sport' must be all or a sport family (ride, run, walk, ...)");
    }
    return s;
  }
}
