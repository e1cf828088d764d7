package fitcoach.activities;

import fitcoach.analytics.LoadService;
import fitcoach.app.ApiException;
import fitcoach.app.Json;
import fitcoach.auth.AuthHandler;
import fitcoach.privacy.PrivacyService;
import fitcoach.settings.ProfileRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Activity routes under /api/activities. Changes go through the store, and each answers once loads and the chart
 * reflect it.
 */
public final class ActivityRoutes {
  private final ActivityRepository activities;
  private final ActivityStore store;
  private final LoadService load;
  private final ProfileRepository profiles;
  private final AuthHandler requireUser;
  private final PrivacyService privacy;

  public ActivityRoutes(ActivityRepository activities, ActivityStore store, LoadService load, ProfileRepository profiles,
                        AuthHandler requireUser, PrivacyService privacy) {
    this.privacy = privacy;
    this.activities = activities;
    this.store = store;
    this.load = load;
    this.profiles = profiles;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    router.route("/api/activities*").handler(requireUser);
    router.get("/api/activities").handler(this::list);
    router.post("/api/activities").handler(this::create);
    router.get("/api/activities/stats").handler(this::stats);
    router.get("/api/activities/:id").handler(this::get);
    router.patch("/api/activities/:id").handler(this::patch);
    router.delete("/api/activities/:id").handler(this::delete);
    router.post("/api/activities/:id/unmerge").handler(this::unmerge);
    router.post("/api/activities/:id/primary").handler(this::makePrimary);
  }

  private void list(RoutingContext ctx) {
    ActivityQuery query = ActivityQuery.from(ctx.queryParams());
    UUID userId = userId(ctx);
    // Pages change only with the data, so each is memoised per data version (every write to activities retires the memo).
    load.series(userId).compose(snapshot -> snapshot.memo("page|" + query, () ->
            snapshot.memo("count|" + ActivityRepository.filterKey(query), () -> activities.count(userId, query))
                .compose(total -> activities.page(userId, query, total))
                .map(Json::encode)))
        .onSuccess(json -> Json.sendEncoded(ctx, 200, json)).onFailure(ctx::fail);
  }

  private void stats(RoutingContext ctx) {
    load.stats(userId(ctx)).onSuccess(s -> Json.ok(ctx, s)).onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    UUID userId = userId(ctx);
    activities.find(userId, id(ctx)).compose(found -> shown(userId, found))
        .onSuccess(found -> found.ifPresentOrElse(a -> Json.ok(ctx, a), () -> ctx.fail(notFound()))).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var body = Json.body(ctx);
    UUID userId = userId(ctx);
    profiles.find(userId).compose(profile -> {
      ManualActivityRequest m = ManualActivityRequest.from(body, profile.timeZone());
      return store.insertNew(userId, List.of(m.toInput())).compose(ActivityStore.Stored::whenSettled);
    }).compose(saved -> activities.find(userId, saved.get(0).id())).compose(found -> shown(userId, found))
        .onSuccess(found -> Json.send(ctx, 201, found.orElseThrow()))
        .onFailure(ctx::fail);
  }

  private void patch(RoutingContext ctx) {
    var body = Json.body(ctx);
    UUID userId = userId(ctx);
    UUID id = id(ctx);
    activities.find(userId, id).compose(found -> {
      ActivityView edited = ActivityPatch.apply(found.orElseThrow(ActivityRoutes::notFound), body);
      return store.write(userId, w -> w.updateEditable(edited)).compose(ActivityStore.Stored::whenSettled);
    }).compose(r -> activities.find(userId, id)).compose(found -> shown(userId, found))
        .onSuccess(found -> Json.ok(ctx, found.orElseThrow(ActivityRoutes::notFound)))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    UUID userId = userId(ctx);
    store.delete(userId, id(ctx)).compose(ActivityStore.Stored::whenSettled)
        .compose(day -> day.isEmpty() ? Future.failedFuture(notFound()) : Future.succeededFuture())
        .onSuccess(r -> Json.ok(ctx, Map.of("ok", true)))
        .onFailure(ctx::fail);
  }

  /** The athlete splits a wrongly merged copy off its group; it stays apart from then on. */
  private void unmerge(RoutingContext ctx) {
    choose(ctx, "separate");
  }

  /** The athlete makes a merged copy the one that represents its workout. */
  private void makePrimary(RoutingContext ctx) {
    choose(ctx, "lead");
  }

  private void choose(RoutingContext ctx, String choice) {
    UUID userId = userId(ctx);
    UUID id = id(ctx);
    store.write(userId, w -> w.choose(id, choice)).compose(ActivityStore.Stored::whenSettled)
        .compose(merged -> merged ? Future.succeededFuture()
            : activities.find(userId, id).compose(found -> Future.failedFuture(found.isEmpty() ? notFound()
                : ApiException.conflict("not_merged", "This activity is not merged into another one"))))
        .compose(r -> activities.find(userId, id)).compose(found -> shown(userId, found))
        .onSuccess(found -> Json.ok(ctx, found.orElseThrow(ActivityRoutes::notFound)))
        .onFailure(ctx::fail);
  }

  /** The activity as handed out: its route without the points inside the athlete's privacy zones. */
  private Future<java.util.Optional<ActivityView>> shown(UUID userId, java.util.Optional<ActivityView> found) {
    if (found.isEmpty() || found.get().summaryPolyline() == null) {
      return Future.succeededFuture(found);
    }
    return privacy.zonesFor(userId).map(zones -> found.map(a -> a.withSummaryPolyline(zones.polyline(a.summaryPolyline()))));
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }

  private static UUID id(RoutingContext ctx) {
    return fitcoach.app.QueryParams.pathId(ctx, "id", "No such activity");
  }

  private static ApiException notFound() {
    return ApiException.notFound("No such activity");
  }
}
