package fitcoach.demo;

import fitcoach.app.Json;
import fitcoach.app.JsonFields;
import fitcoach.auth.AuthHandler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** POST /api/demo loads the demo athlete into an empty instance; DELETE /api/demo removes every demo activity. */
public final class DemoRoutes {
  private final DemoService demo;
  private final AuthHandler requireUser;

  public DemoRoutes(DemoService demo, AuthHandler requireUser) {
    this.demo = demo;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    router.route("/api/demo").handler(requireUser);
    router.post("/api/demo").handler(this::create);
    router.delete("/api/demo").handler(this::remove);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = ctx.body().buffer() == null || ctx.body().buffer().length() == 0 ? new JsonObject() : Json.body(ctx);
    JsonFields f = new JsonFields(body, "years", "sessionsPerWeek");
    Integer years = f.optionalInt("years", 1, 10);
    Integer perWeek = f.optionalInt("sessionsPerWeek", 3, 50);
    demo.create(AuthHandler.signedIn(ctx).userId(), years == null ? 2 : years, perWeek == null ? 6 : perWeek)
        .onSuccess(r -> Json.send(ctx, 201, DemoService.view(r)))
        .onFailure(ctx::fail);
  }

  private void remove(RoutingContext ctx) {
    demo.remove(AuthHandler.signedIn(ctx).userId())
        .onSuccess(n -> Json.ok(ctx, Map.of("removed", n)))
        .onFailure(ctx::fail);
  }
}
