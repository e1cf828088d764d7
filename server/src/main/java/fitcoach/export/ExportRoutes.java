package fitcoach.export;

import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;

/** GET /api/export: download everything the athlete owns as a zip. */
public final class ExportRoutes {
  private final ExportService export;
  private final AuthHandler requireUser;

  public ExportRoutes(ExportService export, AuthHandler requireUser) {
    this.export = export;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    router.get("/api/export").handler(requireUser).handler(this::download);
  }

  private void download(RoutingContext ctx) {
    export.build(AuthHandler.signedIn(ctx).userId()).onSuccess(file -> ctx.response()
        .putHeader("Content-Type", "application/zip")
        .putHeader("Content-Disposition", "attachment; filename=\"fitcoach-export-" + LocalDate.now() + ".zip\"")
        .putHeader("Cache-Control", "no-store")
        .sendFile(file.toString())
        .onComplete(sent -> ctx.vertx().fileSystem().delete(file.toString())))
        .onFailure(ctx::fail);
  }
}
