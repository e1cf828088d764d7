package fitcoach.privacy;

import fitcoach.app.Json;
import fitcoach.app.QueryParams;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.UUID;

/** Privacy zones under /api/settings/privacy-zones, for the signed-in athlete. */
final class PrivacyRoutes {
  static final String PATH = "/api/settings/privacy-zones";
  private final PrivacyService privacy;
  private final AuthHandler requireUser;

  PrivacyRoutes(PrivacyService privacy, AuthHandler requireUser) {
    this.privacy = privacy;
    this.requireUser = requireUser;
  }

  void mount(Router router) {
    router.get(PATH).handler(requireUser).handler(this::list);
    router.post(PATH).handler(requireUser).handler(this::create);
    router.put(PATH + "/:id").handler(requireUser).handler(this::replace);
    router.delete(PATH + "/:id").handler(requireUser).handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    privacy.list(userId(ctx)).onSuccess(zones -> Json.ok(ctx, Map.of("zones", zones))).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    privacy.create(userId(ctx), Json.body(ctx)).onSuccess(zone -> Json.send(ctx, 201, zone)).onFailure(ctx::fail);
  }

  private void replace(RoutingContext ctx) {
    UUID id = QueryParams.pathId(ctx, "id", PrivacyService.notFound());
    privacy.replace(userId(ctx), id, Json.body(ctx)).onSuccess(zone -> Json.ok(ctx, zone)).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    UUID id = QueryParams.pathId(ctx, "id", PrivacyService.notFound());
    privacy.delete(userId(ctx), id).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }
}
