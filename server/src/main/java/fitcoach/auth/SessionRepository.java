package fitcoach.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for signed-in sessions. */
public final class SessionRepository {
  private static final String INSERT = """
      INSERT INTO sessions (id, user_id, expires_at, user_agent) VALUES (#{id}, #{userId}, #{expiresAt}, #{userAgent})
      """;
  private static final String FIND = """
      SELECT id, user_id, expires_at FROM sessions WHERE id = #{id} AND expires_at > now()
      """;
  private static final String DELETE = "DELETE FROM sessions WHERE id = #{id}";
  private static final String PURGE = "DELETE FROM sessions WHERE expires_at < now()";

  private static final RowMapper<Session> SESSION = (Row row) -> new Session(
      row.getUUID("id"), row.getUUID("user_id"), row.getOffsetDateTime("expires_at").toInstant());

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> insert;
  private final SqlTemplate<Map<String, Object>, RowSet<Session>> find;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> delete;

  public SessionRepository(Pool pool) {
    this.pool = pool;
    this.insert = SqlTemplate.forUpdate(pool, INSERT);
    this.find = SqlTemplate.forQuery(pool, FIND).mapTo(SESSION);
    this.delete = SqlTemplate.forUpdate(pool, DELETE);
  }

  public Future<Void> insert(Session session, String userAgent) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", session.id());
    params.put("userId", session.userId());
    params.put("expiresAt", session.expiresAt().atOffset(ZoneOffset.UTC));
    params.put("userAgent", userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length())));
    return insert.execute(params).mapEmpty();
  }

  public Future<Optional<Session>> find(UUID id) {
    return find.execute(Map.of("id", id)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    });
  }

  public Future<Void> delete(UUID id) {
    return delete.execute(Map.of("id", id)).mapEmpty();
  }

  public Future<Integer> purgeExpired() {
    return pool.query(PURGE).execute().map(RowSet::rowCount);
  }
}
