package fitcoach.progress;

import fitcoach.activities.ActivityStore;
import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Wires the stored analysis: the worker that keeps activity_curves up to date with every activity's streams (deployed
 * once; poked by the activity store's change signal, see {@link #poking}), and the range API under /api/analysis.
 */
public final class ProgressModule implements Feature {
  private final CurveRepository repository;
  private final AnalysisProgress progress = new AnalysisProgress();
  private final RangeMemo memo = new RangeMemo();
  private final ProgressService service;
  private final ProgressRoutes routes;
  private final ModelSuggestions suggestions;

  /**
   * {@code today}: the athlete's today (their time zone); {@code thresholds}: those in force on each date; {@code offer}:
   * where a recent eFTP above the FTP in force is offered.
   */
  public ProgressModule(Pool pool, ThresholdsInForce thresholds, Function<UUID, Future<LocalDate>> today,
                        ModelSuggestions.Offer offer, AuthHandler requireUser) {
    this.repository = new CurveRepository(pool);
    this.service = new ProgressService(repository, thresholds, memo);
    this.suggestions = new ModelSuggestions(service, today, offer);
    this.routes = new ProgressRoutes(service, repository, progress, memo, today, requireUser);
  }

  /**
   * The store's change signal that also pokes the worker for the athlete: every write of streams (file import, Strava
   * export, streams fetch, restore, demo) goes through the store and signals, so none is missed.
   */
  public ActivityStore.Changes poking(Vertx vertx, ActivityStore.Changes inner) {
    return new ActivityStore.Changes() {
      @Override
      public Future<?> changed(UUID userId, LocalDate earliest) {
        poke(vertx, userId);
        return inner.changed(userId, earliest);
      }

      @Override
      public void changedInBulk(UUID userId, LocalDate earliest) {
        poke(vertx, userId);
        inner.changedInBulk(userId, earliest);
      }
    };
  }

  /** Memoised ranges go stale at once (a deletion has reached the rows by cascade), and the worker looks for work. */
  private void poke(Vertx vertx, UUID userId) {
    memo.changed(userId);
    vertx.eventBus().send(AnalysisProgress.POKE, userId.toString());
  }

  /** The season best an activity's analysis shows (GET /api/activities/:id/analysis, "seasonBest"). */
  public Future<Optional<Map<String, Object>>> seasonBest(UUID userId, UUID activityId) {
    return service.seasonBest(userId, activityId);
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }

  @Override
  public List<Deployable> workers() {
    return List.of(new AnalysisWorker(repository, progress, memo, suggestions::analysed));
  }
}
