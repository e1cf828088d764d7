package fitcoach.app;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the SQL migrations from {@code db/} (packaged at classpath:db/migration). Uses JDBC, so it runs before
 * Vert.x serves anything, never on an event loop. A database that already has exactly these migrations is left alone
 * without starting Flyway ({@link SchemaCheck}): that is every restart but the first after an upgrade.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {
  }

  public static void migrate(DatabaseUrl url) {
    java.util.Optional<String> current = SchemaCheck.current(url);
    if (current.isPresent()) {
      LOG.info("Database schema at version {} (current)", current.get());
      return;
    }
    Flyway flyway = Flyway.configure()
        .locations("classpath:" + SchemaCheck.LOCATION)
        .validateMigrationNaming(true)
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .load();
    MigrateResult result = flyway.migrate();
    LOG.info("Database schema at version {} ({} migration(s) applied now)",
        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion, result.migrationsExecuted);
  }
}
