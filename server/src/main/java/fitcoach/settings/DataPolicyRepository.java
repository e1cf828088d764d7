package fitcoach.settings;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.UUID;

/** SQL for data_policies. */
public final class DataPolicyRepository {
  private static final String FIND = """
      SELECT allow_strava_api, strava_api_acknowledged_at, strava_retention, updated_at FROM data_policies WHERE user_id = $1""";
  private static final String SAVE = """
      INSERT INTO data_policies (user_id, allow_strava_api, strava_api_acknowledged_at, strava_retention)
      VALUES ($1, $2, CASE WHEN $2 THEN now() ELSE NULL END, $3)
      ON CONFLICT (user_id) DO UPDATE SET allow_strava_api = EXCLUDED.allow_strava_api,
        strava_api_acknowledged_at = CASE WHEN EXCLUDED.allow_strava_api
          THEN coalesce(CASE WHEN data_policies.allow_strava_api THEN data_policies.strava_api_acknowledged_at END, now()) END,
        strava_retention = EXCLUDED.strava_retention, updated_at = now()
      RETURNING allow_strava_api, strava_api_acknowledged_at, strava_retention, updated_at""";

  private final Pool pool;

  public DataPolicyRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<DataPolicy> find(UUID userId) {
    return pool.preparedQuery(FIND).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? DataPolicy.defaults() : map(rows.iterator().next()));
  }

  public Future<DataPolicy> save(UUID userId, boolean allowStravaApi, String retention) {
    return pool.preparedQuery(SAVE).execute(Tuple.of(userId, allowStravaApi, retention)).map(rows -> map(rows.iterator().next()));
  }

  private static DataPolicy map(Row r) {
    OffsetDateTime ack = r.getOffsetDateTime("strava_api_acknowledged_at");
    return new DataPolicy(r.getBoolean("allow_strava_api"), ack == null ? null : ack.toInstant(), r.getString("strava_retention"),
        r.getOffsetDateTime("updated_at").toInstant());
  }
}
