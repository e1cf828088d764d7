package fitcoach.analytics;

import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/**
 * Wires the load and analytics reads: /api/load (PMC and its settings), /api/analytics (weekly, by sport) and one
 * activity's analysis (/api/activities/:id/analysis).
 */
public final class AnalyticsModule implements Feature {
  private final LoadRoutes load;
  private final AnalyticsRoutes analytics;
  private final ActivityAnalysisRoutes activityAnalysis;

  /**
   * {@code load} is the one {@link LoadService} of the app, shared with every feature that changes activities;
   * {@code plans} is the athlete's plan the chart projects ({@link PlanSource#NONE}: the future is rest).
   */
  public AnalyticsModule(Pool pool, LoadService load, PlanSource plans, ActivityAnalysisRoutes.SeasonBest seasonBest,
                         AuthHandler requireUser) {
    this.load = new LoadRoutes(load, plans, requireUser);
    this.analytics = new AnalyticsRoutes(pool, load, requireUser);
    this.activityAnalysis = new ActivityAnalysisRoutes(pool, load, seasonBest, requireUser);
  }

  @Override
  public void mount(Router router) {
    load.mount(router);
    analytics.mount(router);
    activityAnalysis.mount(router);
  }
}
