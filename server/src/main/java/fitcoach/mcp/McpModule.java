package fitcoach.mcp;

import fitcoach.analytics.LoadService;
import fitcoach.app.Feature;
import fitcoach.app.RequestGuard;
import fitcoach.coach.tools.ToolRegistry;
import fitcoach.tokens.TokenService;
import io.vertx.ext.web.Router;

/**
 * Serves the coach's tools to other AI apps (Claude Desktop, Open WebUI, any MCP client) at {@code /mcp}, for the
 * athlete whose access token the app presents. Tools count days from the athlete's today (their time zone's), as the
 * chart does.
 */
public final class McpModule implements Feature {
  private final McpRoutes routes;

  public McpModule(ToolRegistry tools, LoadService load, TokenService tokens, RequestGuard guard) {
    String version = java.util.Optional.ofNullable(McpModule.class.getPackage().getImplementationVersion()).orElse("dev");
    this.routes = new McpRoutes(new McpMethods(tools, userId -> load.series(userId).map(s -> s.series().today()), version),
        tokens, guard);
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
