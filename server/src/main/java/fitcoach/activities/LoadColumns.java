package fitcoach.activities;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * Writes the load engine's results into activities. Part of the store (the only writer of the table), apart from
 * {@link ActivityStore} because a computed load is not a change to the activity: nothing is regrouped or signalled.
 */
public final class LoadColumns {
  /** One activity's computed load, the method behind it, whether it rests on an estimated threshold, and its family. */
  public record Computed(UUID id, double load, String method, boolean estimated, String family) {
  }

  private final Pool pool;

  public LoadColumns(Pool pool) {
    this.pool = pool;
  }

  /** Stores one athlete's computed loads, in turn with the store's writes for that athlete (see LOCK_ATHLETE). */
  public Future<Void> save(UUID userId, List<Computed> computed) {
    if (computed.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = computed.size();
    UUID[] ids = new UUID[n];
    Double[] loads = new Double[n];
    String[] methods = new String[n];
    Boolean[] estimated = new Boolean[n];
    String[] families = new String[n];
    for (int i = 0; i < n; i++) {
      Computed c = computed.get(i);
      ids[i] = c.id();
      loads[i] = c.load();
      methods[i] = c.method();
      estimated[i] = c.estimated();
      families[i] = c.family();
    }
    return pool.withTransaction(conn -> conn.preparedQuery(ActivityStoreSql.LOCK_ATHLETE).execute(Tuple.of(userId.toString()))
        .compose(v -> conn.preparedQuery(ActivityStoreSql.SAVE_LOADS).execute(Tuple.of(ids, loads, methods, estimated, families))))
        .mapEmpty();
  }
}
