package fitcoach.settings;

import fitcoach.app.ApiException;
import fitcoach.app.Json;
import fitcoach.app.QueryParams;
import fitcoach.auth.AuthHandler;
import fitcoach.load.ThresholdHistory;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The athlete's thresholds over time under /api/settings/thresholds (the settings feature's sign-in guard covers them):
 * the dated history, its edits, and the suggestions of better values. Every write recomputes loads and the chart from
 * the earliest day whose thresholds it changed, and answers after that.
 */
final class ThresholdRoutes {
  private final Pool pool;
  private final ProfileRepository profiles;
  private final ThresholdRepository thresholds;
  private final ThresholdSuggestions suggestions;
  private final BiFunction<UUID, LocalDate, Future<?>> recompute;

  ThresholdRoutes(Pool pool, ProfileRepository profiles, ThresholdSuggestions suggestions,
                  BiFunction<UUID, LocalDate, Future<?>> recompute) {
    this.pool = pool;
    this.profiles = profiles;
    this.thresholds = profiles.thresholds();
    this.suggestions = suggestions;
    this.recompute = recompute;
  }

  void mount(Router router) {
    router.get("/api/settings/thresholds").handler(this::list);
    router.post("/api/settings/thresholds").handler(this::create);
    router.get("/api/settings/thresholds/suggestions").handler(this::suggestions);
    router.post("/api/settings/thresholds/suggestions/:id/accept").handler(this::accept);
    router.post("/api/settings/thresholds/suggestions/:id/dismiss").handler(this::dismiss);
    router.put("/api/settings/thresholds/:id").handler(this::change);
    router.delete("/api/settings/thresholds/:id").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    UUID userId = userId(ctx);
    Future.all(profiles.find(userId), thresholds.entries(userId)).onSuccess(all -> {
      AthleteProfile today = all.resultAt(0);
      Map<String, Object> current = new LinkedHashMap<>();
      current.put("ftp", today.ftpWatts());
      current.put("lthr", today.lthr());
      current.put("maxHr", today.maxHr());
      current.put("restingHr", today.restingHr());
      current.put("thresholdPace", today.thresholdPaceSPerKm());
      current.put("weight", today.weightKg());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("entries", all.resultAt(1));
      body.put("current", current);
      Json.ok(ctx, body);
    }).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    ThresholdRequest request = ThresholdRequest.create(Json.body(ctx));
    UUID userId = userId(ctx);
    written(userId, () -> thresholds.insert(userId, request.kind(), request.validFrom(), request.value(), "athlete"))
        .onSuccess(entry -> Json.send(ctx, 201, entry)).onFailure(ctx::fail);
  }

  private void change(RoutingContext ctx) {
    UUID userId = userId(ctx);
    UUID id = QueryParams.pathId(ctx, "id", "No such threshold entry");
    var body = Json.body(ctx);
    thresholds.find(userId, id).compose(found -> {
      ThresholdEntry current = found.orElseThrow(() -> ApiException.notFound("No such threshold entry"));
      ThresholdRequest request = ThresholdRequest.change(body, current);
      return written(userId, () -> thresholds.update(userId, id, request.validFrom(), request.value())
          .map(updated -> updated.orElseThrow(() -> ApiException.notFound("No such threshold entry"))));
    }).onSuccess(entry -> Json.ok(ctx, entry)).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    UUID userId = userId(ctx);
    UUID id = QueryParams.pathId(ctx, "id", "No such threshold entry");
    written(userId, () -> thresholds.delete(userId, id).map(deleted -> {
      if (!deleted) {
        throw ApiException.notFound("No such threshold entry");
      }
      return deleted;
    })).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void suggestions(RoutingContext ctx) {
    suggestions.pending(userId(ctx)).onSuccess(list -> Json.ok(ctx, Map.of("suggestions", list))).onFailure(ctx::fail);
  }

  /** Adds the suggested value as the entry of its date (replacing one the kind has on that date). */
  private void accept(RoutingContext ctx) {
    UUID userId = userId(ctx);
    UUID id = QueryParams.pathId(ctx, "id", "No such suggestion");
    SuggestionRepository repository = suggestions.repository();
    repository.find(userId, id).compose(found -> {
      var s = found.orElseThrow(() -> ApiException.notFound("No such suggestion"));
      if (!"pending".equals(s.state())) {
        throw ApiException.conflict("not_pending", "This suggestion was already " + s.state());
      }
      return written(userId, () -> pool.withTransaction(conn -> repository.decide(conn, userId, id, "accepted")
          .compose(decided -> {
            if (!decided) {
              throw ApiException.conflict("not_pending", "This suggestion was decided meanwhile");
            }
            return thresholds.upsertOnDate(conn, userId, s.kind(), s.validFrom(), s.value(), "suggestion");
          })));
    }).onSuccess(entry -> Json.ok(ctx, Map.of("entry", entry))).onFailure(ctx::fail);
  }

  /** Hides the suggestion; dismissing one already dismissed is fine, one already accepted is a 409. */
  private void dismiss(RoutingContext ctx) {
    UUID userId = userId(ctx);
    UUID id = QueryParams.pathId(ctx, "id", "No such suggestion");
    SuggestionRepository repository = suggestions.repository();
    repository.find(userId, id).compose(found -> {
      var s = found.orElseThrow(() -> ApiException.notFound("No such suggestion"));
      if ("accepted".equals(s.state())) {
        throw ApiException.conflict("not_pending", "This suggestion was already accepted");
      }
      return repository.decide(pool, userId, id, "dismissed");
    }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  /**
   * Runs a write, then recomputes loads and the chart from the earliest day whose thresholds differ (none when the
   * write changed no value), and completes with the write's result after that.
   */
  private <T> Future<T> written(UUID userId, java.util.function.Supplier<Future<T>> write) {
    return thresholds.history(userId).compose(before -> write.get().compose(result -> thresholds.history(userId)
        .compose(after -> ThresholdHistory.earliestDifference(before, after)
            .<Future<?>>map(from -> recompute.apply(userId, from)).orElse(Future.succeededFuture()))
        .map(v -> result)));
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }
}
