package fitcoach.plan;

import fitcoach.app.ApiException;
import fitcoach.app.Json;
import fitcoach.app.QueryParams;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** The plan under /api/plan, for the signed-in athlete: planned workouts, events, and the calendar that shows them. */
public final class PlanRoutes {
  private static final String NO_WORKOUT = "No such planned workout";
  private static final String NO_EVENT = "No such event";
  private final PlanService plan;
  private final AuthHandler requireUser;

  PlanRoutes(PlanService plan, AuthHandler requireUser) {
    this.plan = plan;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    router.get("/api/plan/calendar").handler(requireUser).handler(this::calendar);
    router.get("/api/plan/workouts").handler(requireUser).handler(this::workouts);
    router.post("/api/plan/workouts").handler(requireUser).handler(this::create);
    router.post("/api/plan/workouts/batch").handler(requireUser).handler(this::createAll);
    router.get("/api/plan/workouts/:id").handler(requireUser).handler(this::workout);
    router.put("/api/plan/workouts/:id").handler(requireUser).handler(this::replace);
    router.delete("/api/plan/workouts/:id").handler(requireUser).handler(this::delete);
    router.put("/api/plan/workouts/:id/link").handler(requireUser).handler(this::link);
    router.delete("/api/plan/workouts/:id/link").handler(requireUser).handler(this::autoLink);
    router.post("/api/plan/proposals").handler(requireUser).handler(this::propose);
    router.get("/api/plan/events").handler(requireUser).handler(this::events);
    router.post("/api/plan/events").handler(requireUser).handler(this::createEvent);
    router.put("/api/plan/events/:id").handler(requireUser).handler(this::replaceEvent);
    router.delete("/api/plan/events/:id").handler(requireUser).handler(this::deleteEvent);
  }

  private void calendar(RoutingContext ctx) {
    reply(ctx, plan.calendar(userId(ctx), required(ctx, "from"), required(ctx, "to")));
  }

  private void workouts(RoutingContext ctx) {
    LocalDate from = required(ctx, "from");
    LocalDate to = required(ctx, "to");
    reply(ctx, plan.workouts(userId(ctx), from, to).map(ws -> Map.of("from", from, "to", to, "workouts", ws)));
  }

  private void workout(RoutingContext ctx) {
    reply(ctx, plan.workout(userId(ctx), QueryParams.pathId(ctx, "id", NO_WORKOUT)));
  }

  private void create(RoutingContext ctx) {
    created(ctx, plan.create(userId(ctx), Json.body(ctx)));
  }

  private void createAll(RoutingContext ctx) {
    created(ctx, plan.createAll(userId(ctx), Json.body(ctx)).map(ws -> Map.of("workouts", ws)));
  }

  /** A drafted plan with the engine's numbers; nothing is stored (its {@code workouts} go to the batch route). */
  private void propose(RoutingContext ctx) {
    reply(ctx, plan.propose(userId(ctx), Json.body(ctx)));
  }

  private void replace(RoutingContext ctx) {
    UUID id = QueryParams.pathId(ctx, "id", NO_WORKOUT);
    reply(ctx, plan.replace(userId(ctx), id, Json.body(ctx)));
  }

  private void delete(RoutingContext ctx) {
    noContent(ctx, plan.delete(userId(ctx), QueryParams.pathId(ctx, "id", NO_WORKOUT)));
  }

  private void link(RoutingContext ctx) {
    UUID id = QueryParams.pathId(ctx, "id", NO_WORKOUT);
    reply(ctx, plan.link(userId(ctx), id, Json.body(ctx)));
  }

  private void autoLink(RoutingContext ctx) {
    reply(ctx, plan.autoLink(userId(ctx), QueryParams.pathId(ctx, "id", NO_WORKOUT)));
  }

  private void events(RoutingContext ctx) {
    LocalDate from = required(ctx, "from");
    LocalDate to = required(ctx, "to");
    reply(ctx, plan.events(userId(ctx), from, to).map(es -> Map.of("from", from, "to", to, "events", es)));
  }

  private void createEvent(RoutingContext ctx) {
    created(ctx, plan.createEvent(userId(ctx), Json.body(ctx)));
  }

  private void replaceEvent(RoutingContext ctx) {
    UUID id = QueryParams.pathId(ctx, "id", NO_EVENT);
    reply(ctx, plan.replaceEvent(userId(ctx), id, Json.body(ctx)));
  }

  private void deleteEvent(RoutingContext ctx) {
    noContent(ctx, plan.deleteEvent(userId(ctx), QueryParams.pathId(ctx, "id", NO_EVENT)));
  }

  private static void reply(RoutingContext ctx, Future<?> result) {
    result.onSuccess(body -> Json.ok(ctx, body)).onFailure(ctx::fail);
  }

  private static void created(RoutingContext ctx, Future<?> result) {
    result.onSuccess(body -> Json.send(ctx, 201, body)).onFailure(ctx::fail);
  }

  private static void noContent(RoutingContext ctx, Future<Void> result) {
    result.onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private static LocalDate required(RoutingContext ctx, String name) {
    LocalDate date = QueryParams.date(ctx.queryParams(), name, null);
    if (date == null) {
      throw ApiException.invalid(name, "required", "'" + name + "' is required (a date like 2026-12-07)");
    }
    return date;
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }
}
