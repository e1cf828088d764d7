package fitcoach.settings;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.app.DatabaseUrl;
import fitcoach.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * V009 on a database at V008 with data: each single profile value becomes one 'migrated' entry from the athlete's first
 * activity (or the profile's date without activities), and the profile's columns are gone. Runs in a database of its own
 * on the test server, so the shared schema is untouched.
 */
class ThresholdMigrationTest {

  @Test
  @DisplayName("Migrating from V008 turns the profile's single values into one entry each, from the first activity's local date")
  void singleValuesBecomeEntries() throws Exception {
    DatabaseUrl shared = TestDatabase.url();
    String name = "migration_v009_" + System.nanoTime();
    try (Connection admin = DriverManager.getConnection(shared.jdbcUrl(), shared.user(), shared.password());
         Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    DatabaseUrl db = new DatabaseUrl(shared.host(), shared.port(), name, shared.user(), shared.password(), shared.params());
    try {
      Flyway.configure().locations("classpath:db/migration").target("8").dataSource(db.jdbcUrl(), db.user(), db.password())
          .load().migrate();
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
        // Two athletes at V008 (the single-account index is dropped for the while): one with activities, one without.
        s.execute("DROP INDEX users_single_account");
        s.execute("""
            INSERT INTO users (id, email, password_hash) VALUES
              ('00000000-0000-4000-8000-000000000001', 'a@example.com', 'x'),
              ('00000000-0000-4000-8000-000000000002', 'b@example.com', 'x')""");
        s.execute("""
            INSERT INTO athlete_profiles (user_id, weight_kg, max_hr, resting_hr, lthr, ftp_watts, threshold_pace_s_per_km,
                                          time_zone, updated_at)
            VALUES ('00000000-0000-4000-8000-000000000001', 71.5, 190, 48, 170, 265, 270, 'Europe/Berlin', '2026-05-05T10:00Z'),
                   ('00000000-0000-4000-8000-000000000002', null, 185, null, null, null, null, 'UTC', '2026-04-01T23:30Z')""");
        s.execute("""
            INSERT INTO activities (user_id, source, external_id, sport_type, start_date, start_date_local) VALUES
              ('00000000-0000-4000-8000-000000000001', 'manual', 'm2', 'Run', '2024-06-02T06:00Z', '2024-06-02T08:00'),
              ('00000000-0000-4000-8000-000000000001', 'manual', 'm1', 'Ride', '2023-12-31T23:30Z', '2024-01-01T00:30')""");
      }

      Flyway.configure().locations("classpath:db/migration").dataSource(db.jdbcUrl(), db.user(), db.password()).load().migrate();

      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
            SELECT right(user_id::text, 1), kind, valid_from, value, source FROM threshold_history ORDER BY 1, 2""")) {
          while (rs.next()) {
            rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getDouble(4) + " " + rs.getString(5));
          }
        }
        assertThat(rows).containsExactly(
            "1 ftp 2024-01-01 265.0 migrated",
            "1 lthr 2024-01-01 170.0 migrated",
            "1 max_hr 2024-01-01 190.0 migrated",
            "1 resting_hr 2024-01-01 48.0 migrated",
            "1 threshold_pace 2024-01-01 270.0 migrated",
            "1 weight 2024-01-01 71.5 migrated",
            "2 max_hr 2026-04-01 185.0 migrated");
        try (ResultSet rs = s.executeQuery("""
            SELECT count(*) FROM information_schema.columns WHERE table_name = 'athlete_profiles'
              AND column_name IN ('ftp_watts', 'lthr', 'max_hr', 'resting_hr', 'threshold_pace_s_per_km', 'weight_kg')""")) {
          rs.next();
          assertThat(rs.getInt(1)).as("one source of truth: the profile's columns are dropped").isZero();
        }
      }
    } finally {
      try (Connection admin = DriverManager.getConnection(shared.jdbcUrl(), shared.user(), shared.password());
           Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }
}
