package fitcoach.imports;

import fitcoach.activities.ActivityStore;
import fitcoach.analytics.LoadService;
import fitcoach.app.Feature;
import fitcoach.app.UploadHandler;
import fitcoach.auth.AuthHandler;
import fitcoach.metrics.Meters;
import io.vertx.core.Deployable;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Wires imports: the upload routes and the worker that parses and stores files; prepares their folders (blocking). */
public final class ImportModule implements Feature {
  private final ImportRoutes routes;
  private final ImportVerticle worker;

  public ImportModule(Pool pool, ActivityStore store, LoadService load, AuthHandler requireUser, Path dataDir, boolean keepOriginals,
                      long maxUploadBytes, WellnessFiles wellness, Meters meters) {
    ImportRepository repository = new ImportRepository(pool);
    ImportFolders.prepare(dataDir);
    this.routes = new ImportRoutes(repository, requireUser, dataDir,
        new UploadHandler(dataDir.resolve(ImportFolders.UPLOADS), maxUploadBytes));
    this.worker = new ImportVerticle(repository, store, load, dataDir, keepOriginals, java.time.Instant.now(), wellness,
        meters);
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }

  @Override
  public List<Deployable> workers() {
    return List.of(worker);
  }

  @Override
  public Set<String> uploadPaths() {
    return Set.of(ImportRoutes.UPLOAD_PATH);
  }
}
