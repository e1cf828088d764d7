package fitcoach.mcp;

import fitcoach.app.Feature;
import fitcoach.app.RequestGuard;
import fitcoach.coach.tools.ToolRegistry;
import fitcoach.tokens.TokenService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * Serves the coach's tools to other AI apps (Claude Desktop, Open WebUI, any MCP client) at {@code /mcp}, for the
 * athlete whose access token the app presents. {@code today} is the athlete's today, as the tools count days.
 */
public final class McpModule implements Feature {
  private final McpRoutes routes;

  public McpModule(ToolRegistry tools, Function<UUID, Future<LocalDate>> today, TokenService tokens, RequestGuard guard) {
    String version = java.util.Optional.ofNullable(McpModule.class.getPackage().getImplementationVersion()).orElse("dev");
    this.routes = new McpRoutes(new McpMethods(tools, today, version), tokens, guard);
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
