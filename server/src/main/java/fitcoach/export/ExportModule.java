package fitcoach.export;

import fitcoach.activities.ActivityStore;
import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import fitcoach.privacy.PrivacyService;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.Set;

/** Wires export and restore: the zip download, and the restore upload that streams to disk. */
public final class ExportModule implements Feature {
  private final ExportService export;
  private final ExportRoutes routes;

  public ExportModule(Vertx vertx, Pool pool, ActivityStore store, AuthHandler requireUser, Path dataDir,
                      long maxUploadBytes, PrivacyService privacy) {
    this.export = new ExportService(vertx, pool, dataDir);
    this.routes = new ExportRoutes(export, new RestoreService(vertx, pool, store), requireUser, dataDir, maxUploadBytes, privacy);
  }

  /** The zip builder, shared with the nightly backup so both write the same archive. */
  public ExportService service() {
    return export;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }

  @Override
  public Set<String> uploadPaths() {
    return Set.of(ExportRoutes.RESTORE_PATH);
  }
}
