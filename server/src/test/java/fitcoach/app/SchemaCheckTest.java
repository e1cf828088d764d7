package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fitcoach.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A restart skips Flyway only when the database has exactly the shipped migrations; every other state goes to Flyway.
 * Runs on a database of its own: it damages Flyway's history on purpose.
 */
class SchemaCheckTest {
  private static EmbeddedPostgres pg;
  private static DatabaseUrl url;

  @BeforeAll
  static void start() {
    pg = TestDatabase.embedded();
    url = TestDatabase.urlOf(pg);
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @Test
  void skipsFlywayOnlyForExactlyTheShippedSchema() throws Exception {
    assertThat(SchemaCheck.current(url)).as("empty database").isEmpty();
    Migrations.migrate(url);

    // Flyway's stored checksums are the ones this check computes, script by script.
    Map<String, Integer> stored = new HashMap<>();
    try (ResultSet rows = sql("SELECT version, checksum FROM flyway_schema_history")) {
      while (rows.next()) {
        stored.put(rows.getString(1), rows.getInt(2));
      }
    }
    Map<String, Integer> computed = new HashMap<>();
    SchemaCheck.shipped().forEach((version, script) -> computed.put(version, script.checksum()));
    assertThat(computed).hasSizeGreaterThanOrEqualTo(19).isEqualTo(stored);
    assertThat(SchemaCheck.current(url)).contains(SchemaCheck.shipped().lastKey());

    // A script changed after it was applied: Flyway must see it (and refuses to start, as before).
    update("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '001'");
    assertThat(SchemaCheck.current(url)).isEmpty();
    assertThatThrownBy(() -> Migrations.migrate(url)).hasMessageContaining("checksum");
    update("UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '001'");
    assertThat(SchemaCheck.current(url)).isPresent();

    // A failed migration, and a newer build's migration unknown to this one, both go to Flyway.
    update("UPDATE flyway_schema_history SET success = false WHERE version = '020'");
    assertThat(SchemaCheck.current(url)).isEmpty();
    update("UPDATE flyway_schema_history SET success = true WHERE version = '020'");
    update("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
        + " installed_by, execution_time, success) VALUES (999, '999', 'future', 'SQL', 'V999__future.sql', 1, 'x', 1, true)");
    assertThat(SchemaCheck.current(url)).isEmpty();
    update("DELETE FROM flyway_schema_history WHERE version = '999'");

    // A migration this build ships but the database lacks: Flyway applies it again.
    update("DELETE FROM flyway_schema_history WHERE version = (SELECT max(version) FROM flyway_schema_history)");
    assertThat(SchemaCheck.current(url)).isEmpty();
  }

  @Test
  void checksumIgnoresLineEndingsAndByteOrderMark() throws Exception {
    int unix = SchemaCheck.checksum(stream("SELECT 1;\nSELECT 2;\n"));
    assertThat(SchemaCheck.checksum(stream("SELECT 1;\r\nSELECT 2;\r\n"))).isEqualTo(unix);
    assertThat(SchemaCheck.checksum(stream("\uFEFFSELECT 1;\nSELECT 2;"))).isEqualTo(unix);
    assertThat(SchemaCheck.checksum(stream("SELECT 1;\nSELECT 3;\n"))).isNotEqualTo(unix);
  }

  @Test
  void unreachableDatabaseIsNotCurrent() {
    assertThat(SchemaCheck.current(new DatabaseUrl("127.0.0.1", 1, "postgres", "postgres", "", Map.of()))).isEmpty();
  }

  private static java.io.InputStream stream(String text) {
    return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static ResultSet sql(String query) throws Exception {
    Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    Statement s = c.createStatement();
    s.closeOnCompletion();
    return s.executeQuery(query);
  }

  private static void update(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }
}
