package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which failures answer 503 "database_unavailable" (try again) rather than 500; the killed-server case is in EmbeddedDatabaseTest. */
class DatabaseUnavailableTest {
  @Test
  @DisplayName("A refused connection, no free connection in time and PostgreSQL shutting down or full are the database being away")
  void away() {
    assertThat(ErrorHandler.databaseUnavailable(new ConnectException("Connection refused: /127.0.0.1:5432"))).isTrue();
    assertThat(ErrorHandler.databaseUnavailable(new VertxException("Timeout waiting for connection", true))).isTrue();
    assertThat(ErrorHandler.databaseUnavailable(new VertxException("Connection was closed", true))).isTrue();
    assertThat(ErrorHandler.databaseUnavailable(new PgException("terminating connection due to administrator command",
        "FATAL", "57P01", null))).isTrue();
    assertThat(ErrorHandler.databaseUnavailable(new PgException("sorry, too many clients already", "FATAL", "53300", null)))
        .isTrue();
    assertThat(ErrorHandler.databaseUnavailable(new RuntimeException("wrapped", new ConnectException("refused")))).isTrue();
  }

  @Test
  @DisplayName("A bug, a refused value or a duplicate stays what it is: not a reason to try again")
  void notAway() {
    assertThat(ErrorHandler.databaseUnavailable(new NullPointerException())).isFalse();
    assertThat(ErrorHandler.databaseUnavailable(new PgException("value too long", "ERROR", "22001", null))).isFalse();
    assertThat(ErrorHandler.databaseUnavailable(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
    assertThat(ErrorHandler.databaseUnavailable(new VertxException("Something else"))).isFalse();
    assertThat(ErrorHandler.databaseUnavailable(null)).isFalse();
  }
}
