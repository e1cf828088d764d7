package fitcoach.app;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds the one reactive PostgreSQL pool shared by every verticle. */
public final class Db {
  /**
   * The longest any one statement may run: no request can keep the database busy without end. Legitimate statements
   * (a bulk insert of an import or the demo, a full recompute) take well under a second.
   */
  public static final int STATEMENT_TIMEOUT_MS = 60_000;

  private Db() {
  }

  public static Pool pool(Vertx vertx, DatabaseUrl url) {
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
    PoolOptions pool = new PoolOptions()
        .setMaxSize(16)
        .setShared(false)
        .setConnectionTimeout(5)
        .setIdleTimeout(60);
    return PgBuilder.pool().with(pool).connectingTo(connect).using(vertx).build();
  }
}
