package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DbTest {

  @Test
  @DisplayName("Every connection of the pool limits a statement to a minute, so no request keeps the database busy for ever")
  void statementTimeout() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = Db.pool(vertx, TestDatabase.url());
      String value = pool.query("SHOW statement_timeout").execute().map(rows -> rows.iterator().next().getString(0))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(value).isEqualTo("1min");
      pool.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
