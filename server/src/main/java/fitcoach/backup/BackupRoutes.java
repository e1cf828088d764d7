package fitcoach.backup;

import fitcoach.app.Json;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.format.DateTimeFormatter;

/** GET /api/backups shows the nightly backup's state; POST /api/backups starts one now (202, or 409 while one runs). */
public final class BackupRoutes {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private final BackupService service;
  private final AuthHandler requireUser;

  public BackupRoutes(BackupService service, AuthHandler requireUser) {
    this.service = service;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    router.get("/api/backups").handler(requireUser).handler(this::status);
    router.post("/api/backups").handler(requireUser).handler(this::start);
  }

  private void status(RoutingContext ctx) {
    view().onSuccess(view -> Json.ok(ctx, view)).onFailure(ctx::fail);
  }

  /** Answers once the backup has started; it goes on after the answer, and GET shows when it is done. */
  private void start(RoutingContext ctx) {
    if (service.running()) {
      ctx.fail(fitcoach.app.ApiException.conflict("backup_running", "A backup is running already; try again when it is done"));
      return;
    }
    // runNow checks again, atomically: of two requests at once, one gets the 409.
    Future<?> run = service.runNow();
    if (run.failed()) {
      ctx.fail(run.cause());
      return;
    }
    view().onSuccess(view -> Json.send(ctx, 202, view)).onFailure(ctx::fail);
  }

  private Future<BackupStatusView> view() {
    var settings = service.settings();
    return service.latest().map(last -> new BackupStatusView(settings.enabled(), settings.at().format(HH_MM),
        settings.keepDaily(), settings.keepWeekly(), service.folder().toAbsolutePath().toString(),
        last.map(b -> new BackupStatusView.Last(b.name(), b.createdAt(service.zone()), b.bytes())).orElse(null),
        service.next().orElse(null), service.lastError().orElse(null), service.running()));
  }
}
