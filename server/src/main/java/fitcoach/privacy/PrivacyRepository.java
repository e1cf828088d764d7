package fitcoach.privacy;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for privacy_zones, its only owner. */
final class PrivacyRepository {
  private static final String COLUMNS = "id, name, lat, lon, radius_m";
  private static final String LIST = "SELECT " + COLUMNS + " FROM privacy_zones WHERE user_id = $1 ORDER BY created_at, id";
  /** Taken before counting, so two zones added at once cannot both pass the limit. */
  private static final String LOCK_ATHLETE = "SELECT 1 FROM users WHERE id = $1 FOR UPDATE";
  private static final String COUNT = "SELECT count(*) AS n FROM privacy_zones WHERE user_id = $1";
  private static final String INSERT = "INSERT INTO privacy_zones (id, user_id, name, lat, lon, radius_m) "
      + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS;
  private static final String UPDATE = "UPDATE privacy_zones SET name = $3, lat = $4, lon = $5, radius_m = $6, updated_at = now() "
      + "WHERE id = $1 AND user_id = $2 RETURNING " + COLUMNS;
  private static final String DELETE = "DELETE FROM privacy_zones WHERE id = $1 AND user_id = $2";

  private final Pool pool;

  PrivacyRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<PrivacyZone>> list(UUID userId) {
    return pool.preparedQuery(LIST).execute(Tuple.of(userId)).map(PrivacyRepository::zones);
  }

  /** The new zone, or empty when the athlete already has {@code limit} zones. */
  Future<Optional<PrivacyZone>> insert(UUID userId, PrivacyZoneRequest z, int limit) {
    return pool.withTransaction(c -> c.preparedQuery(LOCK_ATHLETE).execute(Tuple.of(userId))
        .compose(locked -> c.preparedQuery(COUNT).execute(Tuple.of(userId)))
        .compose(count -> count.iterator().next().getLong("n") >= limit
            ? Future.succeededFuture(Optional.<PrivacyZone>empty())
            : c.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), userId, z.name(), z.lat(), z.lon(), z.radiusM()))
                .map(rows -> Optional.of(zone(rows.iterator().next())))));
  }

  /** The changed zone, or empty when the athlete has no zone with this id. */
  Future<Optional<PrivacyZone>> update(UUID userId, UUID id, PrivacyZoneRequest z) {
    return pool.preparedQuery(UPDATE).execute(Tuple.of(id, userId, z.name(), z.lat(), z.lon(), z.radiusM()))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(zone(rows.iterator().next())));
  }

  Future<Boolean> delete(UUID userId, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, userId)).map(rows -> rows.rowCount() > 0);
  }

  private static List<PrivacyZone> zones(RowSet<Row> rows) {
    List<PrivacyZone> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(zone(r)));
    return out;
  }

  private static PrivacyZone zone(Row r) {
    return new PrivacyZone(r.getUUID("id"), r.getString("name"), r.getDouble("lat"), r.getDouble("lon"), r.getInteger("radius_m"));
  }
}
