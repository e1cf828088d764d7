package fitcoach.tokens;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for access_tokens (the only owner of that table). */
public final class TokenRepository {
  private static final String COLUMNS = "id, name, scope, created_at, last_used_at";
  private static final String LIST = "SELECT " + COLUMNS + " FROM access_tokens WHERE user_id = #{userId} ORDER BY created_at, id";
  /** The athlete's row is locked first, so two creations at once cannot both pass the limit. */
  private static final String LOCK_USER = "SELECT id FROM users WHERE id = #{userId} FOR UPDATE";
  private static final String INSERT = """
      INSERT INTO access_tokens (user_id, name, scope, token_hash)
      SELECT #{userId}, #{name}, #{scope}, #{hash}
      WHERE (SELECT count(*) FROM access_tokens WHERE user_id = #{userId}) < #{max}
      RETURNING\s""" + COLUMNS;
  private static final String DELETE = "DELETE FROM access_tokens WHERE user_id = #{userId} AND id = #{id}";
  private static final String FIND = "SELECT id, user_id, scope, last_used_at FROM access_tokens WHERE token_hash = #{hash}";
  /** Written at most once a minute, so a client calling many tools in a row costs one read each and one write a minute. */
  private static final String MARK_USED = """
      UPDATE access_tokens SET last_used_at = now()
      WHERE id = #{id} AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""";

  private static final RowMapper<AccessToken> TOKEN = (Row row) -> new AccessToken(row.getUUID("id"), row.getString("name"),
      row.getString("scope"), row.getOffsetDateTime("created_at").toInstant(),
      Optional.ofNullable(row.getOffsetDateTime("last_used_at")).map(OffsetDateTime::toInstant).orElse(null));
  private static final RowMapper<TokenGrant> GRANT = (Row row) -> new TokenGrant(row.getUUID("id"), row.getUUID("user_id"),
      row.getString("scope"), Optional.ofNullable(row.getOffsetDateTime("last_used_at")).map(OffsetDateTime::toInstant).orElse(null));

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<AccessToken>> list;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> delete;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<TokenGrant>> find;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> markUsed;

  public TokenRepository(Pool pool) {
    this.pool = pool;
    this.list = SqlTemplate.forQuery(pool, LIST).mapTo(TOKEN);
    this.delete = SqlTemplate.forUpdate(pool, DELETE);
    this.find = SqlTemplate.forQuery(pool, FIND).mapTo(GRANT);
    this.markUsed = SqlTemplate.forUpdate(pool, MARK_USED);
  }

  public Future<List<AccessToken>> list(UUID userId) {
    return list.execute(Map.of("userId", userId)).map(rows -> {
      List<AccessToken> tokens = new ArrayList<>();
      rows.forEach(tokens::add);
      return tokens;
    });
  }

  /** Stores a token's hash; empty when the athlete already has {@code max} tokens. */
  public Future<Optional<AccessToken>> insert(UUID userId, String name, String scope, byte[] hash, int max) {
    return pool.withTransaction(conn -> SqlTemplate.forQuery(conn, LOCK_USER).execute(Map.of("userId", userId))
        .compose(locked -> SqlTemplate.forQuery(conn, INSERT).mapTo(TOKEN).execute(Map.of("userId", userId, "name", name,
            "scope", scope, "hash", Buffer.buffer(hash), "max", max)))
        .map(rows -> rows.size() == 0 ? Optional.<AccessToken>empty() : Optional.of(rows.iterator().next())));
  }

  public Future<Boolean> delete(UUID userId, UUID id) {
    return delete.execute(Map.of("userId", userId, "id", id)).map(result -> result.rowCount() > 0);
  }

  /** The grant of the token with this hash; empty when there is none. */
  public Future<Optional<TokenGrant>> find(byte[] hash) {
    return find.execute(Map.of("hash", Buffer.buffer(hash)))
        .map(rows -> rows.size() == 0 ? Optional.<TokenGrant>empty() : Optional.of(rows.iterator().next()));
  }

  /** Marks the token used now, unless it already was within the last minute. */
  public Future<Void> markUsed(UUID id) {
    return markUsed.execute(Map.of("id", id)).mapEmpty();
  }
}
