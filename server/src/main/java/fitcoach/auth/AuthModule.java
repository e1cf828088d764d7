package fitcoach.auth;

import fitcoach.app.AppConfig;
import fitcoach.app.Feature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires auth: accounts, sessions and the setup code. Built before the other features, which take its
 * {@link #requireUser()} to guard their routes.
 */
public final class AuthModule implements Feature {
  private static final Logger LOG = LoggerFactory.getLogger(AuthModule.class);
  private static final long PURGE_INTERVAL_MS = 3_600_000;
  private final Vertx vertx;
  private final SessionRepository sessions;
  private final AuthService service;
  private final AuthHandler requireUser;
  private final AuthRoutes routes;

  public AuthModule(Vertx vertx, Pool pool, AppConfig config) {
    this.vertx = vertx;
    this.sessions = new SessionRepository(pool);
    SessionTokens tokens = new SessionTokens(vertx, config.jwtSecret().orElseThrow(), config.secureCookies());
    this.service = new AuthService(new UserRepository(pool), sessions, new PasswordHasher(vertx),
        tokens, new LoginThrottle(Clock.systemUTC()),
        SetupCode.forListening(config.listensBeyondLoopback(), "HOST=" + config.host()), vertx.eventBus());
    this.requireUser = new AuthHandler(service);
    this.routes = new AuthRoutes(service, tokens, requireUser, config.access().trustedProxies());
  }

  public AuthService service() {
    return service;
  }

  /** The handler that lets only a signed-in athlete through. */
  public AuthHandler requireUser() {
    return requireUser;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }

  /** Announces the setup code while there is no account yet, and purges expired sessions hourly. */
  @Override
  public Future<Void> start() {
    return service.announceSetupCode().onSuccess(v -> vertx.setPeriodic(PURGE_INTERVAL_MS, id -> sessions.purgeExpired()
        .onFailure(err -> LOG.warn("Purging expired sessions failed: {}", err.getMessage()))));
  }
}
