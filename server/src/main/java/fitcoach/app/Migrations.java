package fitcoach.app;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the SQL migrations from {@code db/} (packaged at classpath:db/migration). Uses JDBC, so it must run off the event loop. */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {
  }

  public static void migrate(DatabaseUrl url) {
    MigrateResult result = Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .validateMigrationNaming(true)
        .load()
        .migrate();
    LOG.info("Database schema at version {} ({} migration(s) applied)", result.targetSchemaVersion, result.migrationsExecuted);
  }
}
