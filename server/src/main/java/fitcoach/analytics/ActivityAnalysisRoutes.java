package fitcoach.analytics;

import fitcoach.app.ApiException;
import fitcoach.app.Json;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * GET /api/activities/:id/analysis: curves, NP/IF/EF, decoupling, zone times and best efforts of one activity, computed
 * on request from its stored streams with the thresholds in force on its local date, and its stored laps
 * ({@link LapRepository}). Never fetches streams from Strava (the /streams route does that); without stored streams it
 * answers {@code streams: false}.
 */
public final class ActivityAnalysisRoutes {
  /** The season best the response carries (fitcoach.progress): empty for an activity not the athlete's. */
  @FunctionalInterface
  public interface SeasonBest {
    Future<java.util.Optional<java.util.Map<String, Object>>> of(UUID userId, UUID activityId);
  }

  private final SeasonBest seasonBest;
  private final ActivityAnalysisRepository repository;
  private final LapRepository laps;
  private final LoadService load;
  private final AuthHandler requireUser;

  ActivityAnalysisRoutes(Pool pool, LoadService load, SeasonBest seasonBest, AuthHandler requireUser) {
    this.seasonBest = seasonBest;
    this.repository = new ActivityAnalysisRepository(pool);
    this.laps = new LapRepository(pool);
    this.load = load;
    this.requireUser = requireUser;
  }

  void mount(Router router) {
    router.get("/api/activities/:id/analysis").handler(requireUser).handler(this::analysis);
  }

  private void analysis(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    UUID id = id(ctx);
    Future.all(repository.find(userId, id), load.dated(userId), laps.laps(userId, id), seasonBest.of(userId, id))
        .compose(all -> {
      var found = all.<java.util.Optional<ActivityAnalysisRepository.Found>>resultAt(0)
          .orElseThrow(ActivityAnalysisRoutes::notFound);
      var thresholds = all.<fitcoach.load.DatedThresholds>resultAt(1).inForce(found.localDate());
      java.util.List<java.util.Map<String, Object>> stored = all.resultAt(2);
      // Gunzip, parsing and the 1 Hz grid take milliseconds to tens of them for a long ride: never on the event loop.
      return ctx.vertx().executeBlocking(() -> {
        try {
          var season = all.<java.util.Optional<java.util.Map<String, Object>>>resultAt(3)
              .map(java.util.LinkedHashMap::new).orElse(null);
          // The CP model behind the W′ balance travels with the season best; it is shown as the balance's basis.
          @SuppressWarnings("unchecked")
          var criticalPower = season == null ? null : (java.util.Map<String, Object>) season.remove("criticalPower");
          java.util.Map<String, Object> out = ActivityAnalysis.of(id, found.sportFamily(), found.gzippedStreams(), thresholds,
              criticalPower);
          out.put("laps", stored);
          out.put("seasonBest", season);
          return Json.encode(out);
        } catch (UncheckedIOException e) {
          throw ApiException.invalid(null, "streams_unreadable", "The stored streams of this activity cannot be read");
        } catch (IllegalArgumentException e) {
          // OneHertz refuses an activity spanning more than 7 days, so no stored stream can grow the grid without end.
          throw ApiException.invalid(null, "streams_not_analysable", "The streams cannot be analysed: " + e.getMessage());
        }
      }, false);
    }).onSuccess(json -> Json.sendEncoded(ctx, 200, json)).onFailure(ctx::fail);
  }

  private static UUID id(RoutingContext ctx) {
    return fitcoach.app.QueryParams.pathId(ctx, "id", "No such activity");
  }

  private static ApiException notFound() {
    return ApiException.notFound("No such activity");
  }
}
