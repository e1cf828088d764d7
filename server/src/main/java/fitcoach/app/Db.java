package fitcoach.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import java.util.function.Supplier;

/**
 * Builds the one reactive PostgreSQL pool shared by every verticle. A connection the server closed (it crashed or was
 * restarted) leaves the pool; the next query opens a new one, to wherever the database listens by then.
 */
public final class Db {
  /**
   * The longest any one statement may run: no request can keep the database busy without end. Legitimate statements
   * (a bulk insert of an import or the demo, a full recompute) take well under a second.
   */
  public static final int STATEMENT_TIMEOUT_MS = 60_000;

  private Db() {
  }

  public static Pool pool(Vertx vertx, DatabaseUrl url) {
    return PgBuilder.pool().with(poolOptions()).connectingTo(connectOptions(url)).using(vertx).build();
  }

  /** {@code url} is asked for each new connection: the embedded server may come back on another port after a restart. */
  public static Pool pool(Vertx vertx, Supplier<DatabaseUrl> url) {
    Supplier<Future<SqlConnectOptions>> options = () -> Future.succeededFuture(connectOptions(url.get()));
    return PgBuilder.pool().with(poolOptions()).connectingTo(options).using(vertx).build();
  }

  private static PoolOptions poolOptions() {
    return new PoolOptions()
        .setMaxSize(16)
        // The pool's name in metrics (vertx_pool_*{pool_type="sql"}).
        .setName("fitcoach")
        .setShared(false)
        .setConnectionTimeout(5)
        .setIdleTimeout(60);
  }

  public static PgConnectOptions connectOptions(DatabaseUrl url) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        .setPassword(url.password())
        .setCachePreparedStatements(true)
        .setPipeliningLimit(16)
        .setReconnectAttempts(0)
        .addProperty("statement_timeout", Integer.toString(STATEMENT_TIMEOUT_MS));
    String sslmode = url.params().get("sslmode");
    if (sslmode != null) {
      connect.setSslMode(SslMode.of(sslmode));
    }
    return connect;
  }
}
