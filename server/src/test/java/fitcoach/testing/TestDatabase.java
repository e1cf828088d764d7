package fitcoach.testing;

import fitcoach.app.DatabaseUrl;
import fitcoach.app.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL every test talks to: one per test run, migrated once, emptied before each test.
 * Embedded (zonky) by default; {@code FITCOACH_TEST_DATABASE_URL} points at an external server;
 * {@code FITCOACH_TEST_DB=testcontainers} starts one in Docker where an engine exists.
 */
public final class TestDatabase {
  private static DatabaseUrl url;

  private TestDatabase() {
  }

  public static synchronized DatabaseUrl url() {
    if (url == null) {
      url = start();
      Migrations.migrate(url);
    }
    return url;
  }

  private static DatabaseUrl start() {
    String external = System.getenv("FITCOACH_TEST_DATABASE_URL");
    if (external != null && !external.isBlank()) {
      return DatabaseUrl.parse(external);
    }
    if ("testcontainers".equalsIgnoreCase(System.getenv("FITCOACH_TEST_DB"))) {
      return Testcontainers.start();
    }
    EmbeddedPostgres pg = embedded();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
    return urlOf(pg);
  }

  /** A fresh embedded server of its own, for tests that stop their database on purpose. */
  public static EmbeddedPostgres embedded() {
    try {
      return EmbeddedPostgres.builder()
          .setDataDirectory(Files.createTempDirectory("fitcoach-test-pg"))
          .setCleanDataDirectory(true)
          .start();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start embedded PostgreSQL for tests", e);
    }
  }

  public static DatabaseUrl urlOf(EmbeddedPostgres pg) {
    return new DatabaseUrl("127.0.0.1", pg.getPort(), "postgres", "postgres", "", Map.of());
  }

  /** Empties every application table (not Flyway's history), so each test starts from a new instance's state. */
  public static void truncateAll() {
    // Background work of the previous test (the analysis worker, a load recompute) may still hold row locks: the
    // TRUNCATE then deadlocks with it, Postgres aborts the TRUNCATE, and trying again once that work is done succeeds.
    for (int attempt = 1; ; attempt++) {
      try {
        truncateOnce();
        return;
      } catch (IllegalStateException e) {
        boolean deadlock = e.getCause() instanceof java.sql.SQLException sql && "40P01".equals(sql.getSQLState());
        if (!deadlock || attempt == 5) {
          throw e;
        }
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static void truncateOnce() {
    DatabaseUrl db = url();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'")) {
        while (rs.next()) {
          tables.add('"' + rs.getString(1) + '"');
        }
      }
      if (!tables.isEmpty()) {
        s.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot empty the test database", e);
    }
  }

  /** Runs one SQL statement over JDBC from the test thread (for checks the API cannot make). */
  public static <T> T query(String sql, ResultReader<T> reader, Object... params) {
    DatabaseUrl db = url();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      if (ps.execute()) {
        try (ResultSet rs = ps.getResultSet()) {
          return reader.read(rs);
        }
      }
      return reader.read(null);
    } catch (Exception e) {
      throw new IllegalStateException("Test query failed: " + sql, e);
    }
  }

  /**
   * Runs {@code check} while the row {@code id} of {@code table} belongs to a second account, then deletes the row and
   * that account. FitCoach allows one account (the {@code users_single_account} index), so the index is dropped for the
   * while and made again after: the way to show that one account cannot reach another's data by id.
   */
  public static void inSecondAccount(String table, java.util.UUID id, Runnable check) {
    query("DROP INDEX users_single_account", rs -> null);
    try {
      java.util.UUID other = query("INSERT INTO users (email, password_hash) VALUES ('second@example.com', 'x') RETURNING id",
          rs -> {
            rs.next();
            return (java.util.UUID) rs.getObject(1);
          });
      query("UPDATE " + table + " SET user_id = ? WHERE id = ?", rs -> null, other, id);
      check.run();
    } finally {
      query("DELETE FROM " + table + " WHERE id = ?", rs -> null, id);
      query("DELETE FROM users WHERE email = 'second@example.com'", rs -> null);
      query("CREATE UNIQUE INDEX users_single_account ON users ((true))", rs -> null);
    }
  }

  /** The single number a {@code SELECT count(*) ...} returns. */
  public static long count(String sql, Object... params) {
    Long n = query(sql, rs -> {
      rs.next();
      return rs.getLong(1);
    }, params);
    return n;
  }

  /** The values a column's CHECK constraint ({@code column IN ('a', 'b')}) allows, read from the migrated schema. */
  public static java.util.Set<String> checkValues(String table, String column) {
    String definition = query("""
        SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid
        WHERE c.conrelid = ?::regclass AND c.contype = 'c' AND a.attname = ? AND c.conkey = ARRAY[a.attnum]""", rs -> {
      if (!rs.next()) {
        throw new AssertionError("No CHECK constraint on " + table + "." + column);
      }
      return rs.getString(1);
    }, table, column);
    java.util.Set<String> values = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'").matcher(definition);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  public interface ResultReader<T> {
    T read(ResultSet rs) throws Exception;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // the JVM is exiting
    }
  }

  /** Kept apart so the Testcontainers classes load only when that mode is chosen. */
  private static final class Testcontainers {
    static DatabaseUrl start() {
      var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:17");
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
      return new DatabaseUrl(container.getHost(), container.getFirstMappedPort(), container.getDatabaseName(),
          container.getUsername(), container.getPassword(), Map.of());
    }
  }
}
