package fitcoach.export;

import fitcoach.app.UploadHandler;
import fitcoach.auth.AuthHandler;
import fitcoach.privacy.PrivacyService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.UUID;

/**
 * GET /api/export downloads everything the athlete owns as a zip ({@code ?privacy=on}: without the positions inside
 * the athlete's privacy zones); POST /api/export/restore (multipart, field "file")
 * puts such a zip back into an account with no data yet.
 */
public final class ExportRoutes {
  public static final String RESTORE_PATH = "/api/export/restore";
  private final ExportService export;
  private final RestoreService restore;
  private final AuthHandler requireUser;
  private final UploadHandler uploads;
  private final PrivacyService privacy;

  public ExportRoutes(ExportService export, RestoreService restore, AuthHandler requireUser, java.nio.file.Path dataDir,
                      long maxUploadBytes, PrivacyService privacy) {
    this.export = export;
    this.privacy = privacy;
    this.restore = restore;
    this.requireUser = requireUser;
    this.uploads = new UploadHandler(dataDir.resolve("uploads"), maxUploadBytes);
  }

  public void mount(Router router) {
    router.get("/api/export").handler(requireUser).handler(this::download);
    // Streamed to disk like imports, once the athlete is known; the upload is deleted when the request ends.
    uploads.mount(router, RESTORE_PATH, "file", 1, requireUser, this::restore);
  }

  private void restore(RoutingContext ctx) {
    var files = ctx.fileUploads();
    if (files.size() != 1) {
      throw fitcoach.app.ApiException.invalid("file", "one_file", "Send exactly one FitCoach export zip as the form field 'file'");
    }
    restore.restore(AuthHandler.signedIn(ctx).userId(), java.nio.file.Path.of(files.get(0).uploadedFileName()))
        .onSuccess(result -> fitcoach.app.Json.ok(ctx, result)).onFailure(ctx::fail);
  }

  private void download(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    // Off by default: the export is the athlete's own backup and restores losslessly; ?privacy=on is for sharing it.
    boolean hide = PrivacyService.requested(ctx.queryParams(), false);
    (hide ? privacy.zonesFor(userId).compose(zones -> export.buildHiding(userId, zones)) : export.build(userId))
        .onSuccess(file -> ctx.response()
        .putHeader("Content-Type", "application/zip")
        .putHeader("Content-Disposition", "attachment; filename=\"fitcoach-export-" + LocalDate.now() + ".zip\"")
        .putHeader("Cache-Control", "no-store")
        .sendFile(file.toString())
        .onComplete(sent -> ctx.vertx().fileSystem().delete(file.toString())))
        .onFailure(ctx::fail);
  }
}
