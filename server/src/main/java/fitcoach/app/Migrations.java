package fitcoach.app;

import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the SQL migrations from {@code db/} (packaged at classpath:db/migration). Uses JDBC, so it runs before
 * Vert.x serves anything, never on an event loop.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private final CompletableFuture<FluentConfiguration> configuration;

  private Migrations() {
    // Flyway's plugin discovery takes most of its start-up time; it can run while the database is still starting.
    this.configuration = CompletableFuture.supplyAsync(() -> Flyway.configure()
        .locations("classpath:db/migration")
        .validateMigrationNaming(true));
  }

  /** Starts preparing Flyway in the background; call {@link #migrate(DatabaseUrl)} once the database is up. */
  public static Migrations prepare() {
    return new Migrations();
  }

  public static void migrate(DatabaseUrl url) {
    prepare().run(url);
  }

  public void run(DatabaseUrl url) {
    Flyway flyway = configuration.join().dataSource(url.jdbcUrl(), url.user(), url.password()).load();
    MigrateResult result = flyway.migrate();
    LOG.info("Database schema at version {} ({} migration(s) applied now)",
        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion, result.migrationsExecuted);
  }
}
