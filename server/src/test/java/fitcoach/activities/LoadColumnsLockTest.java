package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The load engine writes an athlete's loads in turn with the store's writes for that athlete. Without it, a store
 * write deleting many rows (a disconnect removing Strava copies) and a recompute updating the same rows took row locks
 * in different orders, and PostgreSQL broke the deadlock by failing the disconnect with a 500.
 */
class LoadColumnsLockTest extends ApiTest {

  @Test
  @DisplayName("Load writes wait while a store write holds the athlete's lock, and go through once it is released")
  void loadWritesTakeTheAthletesLock() throws Exception {
    signedIn();
    Instant start = Instant.now().minus(Duration.ofDays(2));
    Workouts.store(app, Workouts.copy(ActivitySource.FILE, "run.fit", "Run", "Run", start, 3600, 10_000.0, 150.0));
    String userId = TestDatabase.query("SELECT id::text FROM users", rs -> {
      rs.next();
      return rs.getString(1);
    });
    // Loads the engine must write again.
    TestDatabase.query("UPDATE activities SET load = NULL", rs -> null);

    var db = TestDatabase.url();
    try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SELECT pg_advisory_xact_lock(hashtextextended('" + userId + "', 1207))");
      CompletableFuture<Integer> recompute = CompletableFuture.supplyAsync(() -> client.post("/api/load/recompute", null).status());

      // Held for as long as the store's write would be: the recompute cannot write its loads meanwhile.
      assertThat(recompute).failsWithin(Duration.ofSeconds(2)).withThrowableThat()
          .isInstanceOf(java.util.concurrent.TimeoutException.class);
      assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE load IS NULL")).isEqualTo(1);

      c.commit();
      assertThat(recompute.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE load IS NULL")).isZero();
  }
}
