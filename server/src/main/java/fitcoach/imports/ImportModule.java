package fitcoach.imports;

import fitcoach.activities.ActivityStore;
import fitcoach.analytics.LoadService;
import fitcoach.app.UploadHandler;
import fitcoach.auth.AuthHandler;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;

/** Wires imports: the upload routes and the worker that parses and stores files; prepares their folders (blocking). */
public final class ImportModule {
  private final ImportRoutes routes;
  private final ImportVerticle worker;

  public ImportModule(Pool pool, ActivityStore store, LoadService load, AuthHandler requireUser, Path dataDir, boolean keepOriginals, long maxUploadBytes) {
    ImportRepository repository = new ImportRepository(pool);
    ImportFolders.prepare(dataDir);
    this.routes = new ImportRoutes(repository, requireUser, dataDir,
        new UploadHandler(dataDir.resolve(ImportFolders.UPLOADS), maxUploadBytes));
    this.worker = new ImportVerticle(repository, store, load, dataDir, keepOriginals, java.time.Instant.now());
  }

  public ImportRoutes routes() {
    return routes;
  }

  public ImportVerticle worker() {
    return worker;
  }
}
