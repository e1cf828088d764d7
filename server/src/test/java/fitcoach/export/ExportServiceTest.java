package fitcoach.export;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.app.Db;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExportServiceTest extends ApiTest {

  @Test
  @DisplayName("The export zip, which holds everything the athlete owns, is readable by its owner only, in an owner-only folder")
  void privateExportFile() throws Exception {
    signedIn();
    UUID userId = UUID.fromString(client.get("/api/auth/me").json().getString("id"));
    Path dataDir = app.config().dataDir();
    Pool pool = Db.pool(app.vertx(), TestDatabase.url());
    try {
      Path zip = new ExportService(app.vertx(), pool, dataDir).build(userId).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip.getParent()))).isEqualTo("rwx------");
      assertThat(zip.getParent()).isEqualTo(dataDir.resolve("exports"));
      Files.delete(zip);
    } finally {
      pool.close();
    }
  }
}
