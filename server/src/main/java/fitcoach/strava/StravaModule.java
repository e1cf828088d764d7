package fitcoach.strava;

import fitcoach.activities.ActivityStore;
import fitcoach.analytics.LoadService;
import fitcoach.app.AppConfig;
import fitcoach.app.Feature;
import fitcoach.app.SecretBox;
import fitcoach.auth.AuthHandler;
import fitcoach.auth.AuthService;
import fitcoach.metrics.Meters;
import fitcoach.privacy.PrivacyService;
import fitcoach.settings.DataPolicyRepository;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Wires the Strava feature: one rate limiter per application (Strava's budget is per app), its routes and its worker. */
public final class StravaModule implements Feature {
  private final StravaRoutes routes;
  private final SyncVerticle worker;
  private final RefreshVerticle refresher;

  /** {@code privacy}: the zones whose positions the streams route hides. {@code calendar}: what day it is for the copies' age and the API host (see FitCoachApp.start); tests move it. */
  public StravaModule(Vertx vertx, Pool pool, AppConfig config, Clock calendar, SecretBox secretBox, LoadService load,
                      ActivityStore store, DataPolicyRepository policies, AuthService auth, AuthHandler requireUser,
                      PrivacyService privacy, Meters meters) {
    Clock clock = Clock.systemUTC();
    RateLimiter limiter = new RateLimiter(clock, config.strava().rateWindowSeconds());
    StravaRepository repository = new StravaRepository(pool);
    StravaClient client = new StravaClient(vertx, config, limiter, calendar);
    StravaTokens tokens = new StravaTokens(repository, client, secretBox, clock);
    StravaService service = new StravaService(vertx, config, repository, new StravaCopies(store), client, tokens, limiter, clock,
        calendar, policies);
    this.routes = new StravaRoutes(service, config, auth, requireUser, privacy);
    this.worker = new SyncVerticle(repository, store, client, tokens, limiter, load, config.strava().pageSize(),
        config.strava().retryBaseMs(), meters);
    this.refresher = new RefreshVerticle(repository, store, client, tokens, limiter, load, calendar, config.strava().pageSize(),
        config.strava().retryBaseMs(), meters);
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }

  @Override
  public List<Deployable> workers() {
    return List.of(worker, refresher);
  }

  /** Strava's webhook events are under 1 KB: a larger body is refused instead of being buffered up to 1 MiB. */
  @Override
  public Map<String, Integer> bodyLimits() {
    return Map.of(StravaRoutes.WEBHOOK_PATH, StravaRoutes.WEBHOOK_MAX_BYTES);
  }
}
