package fitcoach.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL 17 server FitCoach runs itself when no DATABASE_URL is given; its data lives in {@code $FITCOACH_DATA_DIR/pg}. */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private final EmbeddedPostgres postgres;
  private final DatabaseUrl url;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.url = new DatabaseUrl("127.0.0.1", postgres.getPort(), "postgres", "postgres", "", Map.of());
  }

  /** Starts (and on first use initialises) the embedded server. Blocking: call it before Vert.x starts or on a worker. */
  public static EmbeddedDatabase start(Path dataDir) {
    Path pgDir = dataDir.resolve("pg");
    try {
      Files.createDirectories(pgDir);
      long t0 = System.nanoTime();
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(pgDir)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("listen_addresses", "127.0.0.1")
          // Main's shutdown hook stops the server after Vert.x, in order; a second hook of the library's own would race it,
          // and registering one fails outright when a SIGTERM arrives during start-up.
          .setRegisterShutdownHook(false)
          .start();
      LOG.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms)",
          pg.getPort(), pgDir, (System.nanoTime() - t0) / 1_000_000);
      return new EmbeddedDatabase(pg);
    } catch (IOException e) {
      throw new ConfigException("Cannot start the embedded PostgreSQL in " + pgDir + ": " + e.getMessage()
          + " (or set DATABASE_URL to use your own PostgreSQL server)");
    }
  }

  public DatabaseUrl url() {
    return url;
  }

  @Override
  public void close() {
    try {
      postgres.close();
      LOG.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
