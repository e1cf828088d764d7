package fitcoach.openapi;

import fitcoach.app.Feature;
import io.vertx.ext.web.Router;

/** Wires the API contract: the OpenAPI document, served to anyone (it describes the API and holds no data). */
public final class OpenApiModule implements Feature {
  private final OpenApiRoutes routes = new OpenApiRoutes(OpenApiRoutes.load());

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
