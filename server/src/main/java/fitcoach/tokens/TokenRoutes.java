package fitcoach.tokens;

import fitcoach.app.ApiException;
import fitcoach.app.Json;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.UUID;

/** Access tokens under /api/settings/tokens, for the signed-in athlete (the session cookie, never a token). */
public final class TokenRoutes {
  private final TokenService tokens;
  private final AuthHandler requireUser;

  public TokenRoutes(TokenService tokens, AuthHandler requireUser) {
    this.tokens = tokens;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    router.post("/api/settings/tokens").handler(requireUser).handler(this::create);
    router.get("/api/settings/tokens").handler(requireUser).handler(this::list);
    router.delete("/api/settings/tokens/:id").handler(requireUser).handler(this::revoke);
  }

  private void create(RoutingContext ctx) {
    tokens.create(userId(ctx), Json.body(ctx)).onSuccess(created -> Json.send(ctx, 201, created)).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    tokens.list(userId(ctx)).onSuccess(list -> Json.ok(ctx, Map.of("tokens", list))).onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No such access token");
    }
    tokens.revoke(userId(ctx), id).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }
}
