package fitcoach.app;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds the one reactive PostgreSQL pool shared by every verticle. */
public final class Db {
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
        .setReconnectAttempts(0);
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
