package fitcoach.imports;

import fitcoach.app.ApiException;
import fitcoach.app.EventStream;
import fitcoach.app.Json;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/** Imports under /api/imports: multipart upload of device files, the latest import's report, and live progress. */
public final class ImportRoutes {
  public static final String UPLOAD_PATH = "/api/imports";
  private final ImportRepository repository;
  private final AuthHandler requireUser;
  private final Path dataDir;
  private final long maxUploadBytes;

  ImportRoutes(ImportRepository repository, AuthHandler requireUser, Path dataDir, long maxUploadBytes) {
    this.repository = repository;
    this.requireUser = requireUser;
    this.dataDir = dataDir;
    this.maxUploadBytes = maxUploadBytes;
  }

  public void mount(Router router) {
    // Files stream to disk as they arrive (never held whole in memory); unclaimed ones are deleted when the request ends.
    router.post(UPLOAD_PATH).handler(BodyHandler.create(dataDir.resolve("uploads").toString())
        .setBodyLimit(maxUploadBytes).setDeleteUploadedFilesOnEnd(true).setHandleFileUploads(true));
    router.post(UPLOAD_PATH).handler(requireUser).handler(this::upload);
    router.get("/api/imports/latest").handler(requireUser).handler(this::latest);
    router.get("/api/imports/events").handler(requireUser).handler(this::events);
    router.get("/api/imports/:jobId").handler(requireUser).handler(this::job);
  }

  private void upload(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    List<FileUpload> uploads = ctx.fileUploads();
    if (uploads.isEmpty()) {
      throw ApiException.invalid("files", "required", "Send one or more files as multipart/form-data");
    }
    repository.jobFor(userId).compose(jobId -> {
      Future<Void> chain = Future.succeededFuture();
      for (FileUpload upload : uploads) {
        chain = chain.compose(v -> ctx.vertx().executeBlocking(() -> {
          String relative = "imports/" + jobId + "/" + UUID.randomUUID() + "-" + ImportVerticle.safe(upload.fileName());
          Path target = dataDir.resolve(relative);
          Files.createDirectories(target.getParent());
          Files.move(Path.of(upload.uploadedFileName()), target, StandardCopyOption.REPLACE_EXISTING);
          return relative;
        }, false).compose(relative -> repository.addFile(jobId, userId, upload.fileName(), relative, upload.size())).mapEmpty());
      }
      return chain.map(v -> jobId);
    }).compose(jobId -> {
      ctx.vertx().eventBus().send(ImportVerticle.RUN, new JsonObject().put("jobId", jobId.toString()).put("userId", userId.toString()));
      return repository.job(jobId);
    }).onSuccess(view -> Json.send(ctx, 202, view.orElseThrow())).onFailure(ctx::fail);
  }

  private void latest(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    repository.latestJob(userId)
        .compose(id -> id.isEmpty() ? Future.failedFuture(ApiException.notFound("Nothing has been imported yet")) : repository.job(id.get()))
        .onSuccess(view -> Json.ok(ctx, view.orElseThrow())).onFailure(ctx::fail);
  }

  private void job(RoutingContext ctx) {
    UUID jobId;
    try {
      jobId = UUID.fromString(ctx.pathParam("jobId"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No such import");
    }
    repository.job(jobId)
        .onSuccess(view -> view.ifPresentOrElse(v -> Json.ok(ctx, v), () -> ctx.fail(ApiException.notFound("No such import"))))
        .onFailure(ctx::fail);
  }

  private void events(RoutingContext ctx) {
    EventStream.relay(ctx, ImportVerticle.progressAddress(AuthHandler.signedIn(ctx).userId()), "progress");
  }
}
