package fitcoach.tokens;

import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** Wires personal access tokens: their Settings routes, and {@link #service()} for the endpoints that accept them (MCP). */
public final class TokenModule implements Feature {
  private final TokenService service;
  private final TokenRoutes routes;

  public TokenModule(Pool pool, AuthHandler requireUser) {
    this.service = new TokenService(new TokenRepository(pool));
    this.routes = new TokenRoutes(service, requireUser);
  }

  public TokenService service() {
    return service;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
