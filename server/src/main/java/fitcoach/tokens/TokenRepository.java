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
  /**
   * The token a hash names, marking it used: the write happens only when the last mark is a minute old or more, so a
   * client calling many tools in a row costs one read each and one write a minute.
   */
  private static final String USE = """
      WITH found AS (
        SELECT id, user_id, scope, last_used_at FROM access_tokens WHERE token_hash = #{hash}),
      marked AS (
        UPDATE access_tokens t SET last_used_at = now() FROM found f
        WHERE t.id = f.id AND (f.last_used_at IS NULL OR f.last_used_at < now() - interval '1 minute')
        RETURNING t.id)
      SELECT id, user_id, scope FROM found""";

  private static final RowMapper<AccessToken> TOKEN = (Row row) -> new AccessToken(row.getUUID("id"), row.getString("name"),
      row.getString("scope"), row.getOffsetDateTime("created_at").toInstant(),
      Optional.ofNullable(row.getOffsetDateTime("last_used_at")).map(OffsetDateTime::toInstant).orElse(null));
  private static final RowMapper<TokenGrant> GRANT = (Row row) -> new TokenGrant(row.getUUID("id"), row.getUUID("user_id"),
      row.getString("scope"));

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<AccessToken>> list;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> delete;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<TokenGrant>> use;

  public TokenRepository(Pool pool) {
    this.pool = pool;
    this.list = SqlTemplate.forQuery(pool, LIST).mapTo(TOKEN);
    this.delete = SqlTemplate.forUpdate(pool, DELETE);
    this.use = SqlTemplate.forQuery(pool, USE).mapTo(GRANT);
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

  /** The grant of the token with this hash, marking it used (see {@link #USE}); empty when there is none. */
  public Future<Optional<TokenGrant>> use(byte[] hash) {
    return use.execute(Map.of("hash", Buffer.buffer(hash)))
        .map(rows -> rows.size() == 0 ? Optional.<TokenGrant>empty() : Optional.of(rows.iterator().next()));
  }
}
