package fitcoach.backup;

import fitcoach.app.AppConfig.BackupSettings;
import fitcoach.auth.AuthHandler;
import fitcoach.export.ExportService;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Backups: the export zip of each account into {@code $FITCOACH_DATA_DIR/backups}, nightly when enabled, at once when
 * asked (POST /api/backups, or the {@code backup} command through {@link #service()}).
 */
public final class BackupModule implements fitcoach.app.Feature {
  /** How often the scheduler looks at the clock. */
  static final Duration TICK = Duration.ofMinutes(1);
  /** A catch-up backup waits this long after start, so it never competes with start-up. */
  public static final Duration CATCH_UP_DELAY = Duration.ofMinutes(5);
  private final BackupService service;
  private final BackupRoutes routes;
  private final List<Deployable> workers;

  public BackupModule(Vertx vertx, Pool pool, ExportService export, Path dataDir, BackupSettings settings, Clock clock,
                      AuthHandler requireUser) {
    this(new BackupService(vertx, pool, export, dataDir, settings, clock, ZoneId.systemDefault()), requireUser, TICK,
        CATCH_UP_DELAY);
  }

  /** Tests shorten the tick and the catch-up delay, and pick the server's time zone. */
  public BackupModule(BackupService service, AuthHandler requireUser, Duration tick, Duration catchUpDelay) {
    this.service = service;
    this.routes = new BackupRoutes(service, requireUser);
    this.workers = service.settings().enabled() ? List.of(new BackupVerticle(service, tick, catchUpDelay)) : List.of();
  }

  public BackupService service() {
    return service;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }

  @Override
  public Future<Void> start() {
    return service.tidy();
  }

  @Override
  public List<Deployable> workers() {
    return workers;
  }
}
