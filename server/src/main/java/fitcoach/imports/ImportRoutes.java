package fitcoach.imports;

import fitcoach.app.ApiException;
import fitcoach.app.EventStream;
import fitcoach.app.Json;
import fitcoach.app.PrivateFiles;
import fitcoach.app.UploadHandler;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Imports under /api/imports: multipart upload of device files, the latest import's report, and live progress. */
public final class ImportRoutes {
  public static final String UPLOAD_PATH = "/api/imports";
  private final ImportRepository repository;
  private final AuthHandler requireUser;
  private final Path dataDir;
  private final UploadHandler uploads;

  ImportRoutes(ImportRepository repository, AuthHandler requireUser, Path dataDir, UploadHandler uploads) {
    this.repository = repository;
    this.requireUser = requireUser;
    this.dataDir = dataDir;
    this.uploads = uploads;
  }

  public void mount(Router router) {
    // Files stream to disk as they arrive (never held whole in memory), once the athlete is known; unclaimed ones are
    // deleted when the request ends.
    uploads.mount(router, UPLOAD_PATH, "files", UploadHandler.MAX_FILES, requireUser, this::upload);
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
    repository.jobFor(userId).compose(jobId -> ctx.vertx().executeBlocking(() -> keep(jobId, uploads), false)
        .compose(files -> repository.addFiles(jobId, userId, files).recover(err -> ctx.vertx()
            .executeBlocking(() -> discard(files), false).transform(v -> Future.failedFuture(err))))
        .map(jobId)
    ).compose(jobId -> {
      ctx.vertx().eventBus().send(ImportVerticle.RUN, new JsonObject().put("jobId", jobId.toString()).put("userId", userId.toString()));
      return repository.job(userId, jobId);
    }).onSuccess(view -> Json.send(ctx, 202, view.orElseThrow())).onFailure(ctx::fail);
  }

  /** Moves the uploads into the job's folder; if one cannot be moved, those already moved go again: all or nothing. */
  private List<ImportRepository.NewFile> keep(UUID jobId, List<FileUpload> uploads) throws IOException {
    PrivateFiles.directory(dataDir.resolve("imports").resolve(jobId.toString()));
    List<ImportRepository.NewFile> kept = new ArrayList<>();
    try {
      for (FileUpload upload : uploads) {
        String relative = "imports/" + jobId + "/" + UUID.randomUUID() + "-" + ImportVerticle.safe(upload.fileName());
        Files.move(Path.of(upload.uploadedFileName()), dataDir.resolve(relative));
        kept.add(new ImportRepository.NewFile(upload.fileName(), relative, upload.size(), null));
      }
    } catch (IOException | RuntimeException e) {
      discard(kept);
      throw e;
    }
    return kept;
  }

  private Void discard(List<ImportRepository.NewFile> files) throws IOException {
    for (ImportRepository.NewFile f : files) {
      Files.deleteIfExists(dataDir.resolve(f.storedPath()));
    }
    return null;
  }

  private void latest(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    // Nothing imported yet is an expected state of a new account, not an error: 200 with null.
    repository.latestJob(userId)
        .compose(id -> id.isEmpty() ? Future.succeededFuture(java.util.Optional.<Object>empty())
            : repository.job(userId, id.get()).map(view -> view.<Object>map(v -> v)))
        .onSuccess(view -> Json.ok(ctx, view.orElse(null))).onFailure(ctx::fail);
  }

  private void job(RoutingContext ctx) {
    UUID jobId = fitcoach.app.QueryParams.pathId(ctx, "jobId", "No such import");
    repository.job(AuthHandler.signedIn(ctx).userId(), jobId)
        .onSuccess(view -> view.ifPresentOrElse(v -> Json.ok(ctx, v), () -> ctx.fail(ApiException.notFound("No such import"))))
        .onFailure(ctx::fail);
  }

  private void events(RoutingContext ctx) {
    EventStream.relay(ctx, ImportVerticle.progressAddress(AuthHandler.signedIn(ctx).userId()), "progress");
  }
}
