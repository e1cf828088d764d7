package fitcoach.settings;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for api_keys. */
public final class ApiKeyRepository {
  private static final String COLUMNS = "provider, encrypted_key, key_hint, base_url, model, updated_at";
  private static final String LIST = "SELECT " + COLUMNS + " FROM api_keys WHERE user_id = #{userId} ORDER BY provider";
  private static final String ONE = "SELECT " + COLUMNS + " FROM api_keys WHERE user_id = #{userId} AND provider = #{provider}";
  private static final String UPSERT = """
      INSERT INTO api_keys (user_id, provider, encrypted_key, key_hint, base_url, model)
      VALUES (#{userId}, #{provider}, #{encryptedKey}, #{keyHint}, #{baseUrl}, #{model})
      ON CONFLICT (user_id, provider) DO UPDATE SET
        encrypted_key = EXCLUDED.encrypted_key, key_hint = EXCLUDED.key_hint,
        base_url = EXCLUDED.base_url, model = EXCLUDED.model, updated_at = now()
      RETURNING provider, encrypted_key, key_hint, base_url, model, updated_at
      """;
  private static final String DELETE = "DELETE FROM api_keys WHERE user_id = #{userId} AND provider = #{provider}";

  private static final RowMapper<StoredApiKey> KEY = (Row row) -> {
    Buffer encrypted = row.getBuffer("encrypted_key");
    return new StoredApiKey(Provider.parse(row.getString("provider"), "provider"),
        encrypted == null ? null : encrypted.getBytes(), row.getString("key_hint"),
        row.getString("base_url"), row.getString("model"), row.getOffsetDateTime("updated_at").toInstant());
  };

  private final SqlTemplate<Map<String, Object>, RowSet<StoredApiKey>> list;
  private final SqlTemplate<Map<String, Object>, RowSet<StoredApiKey>> one;
  private final SqlTemplate<Map<String, Object>, RowSet<StoredApiKey>> upsert;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> delete;

  public ApiKeyRepository(Pool pool) {
    this.list = SqlTemplate.forQuery(pool, LIST).mapTo(KEY);
    this.one = SqlTemplate.forQuery(pool, ONE).mapTo(KEY);
    this.upsert = SqlTemplate.forQuery(pool, UPSERT).mapTo(KEY);
    this.delete = SqlTemplate.forUpdate(pool, DELETE);
  }

  public Future<List<StoredApiKey>> list(UUID userId) {
    return list.execute(Map.of("userId", userId)).map(rows -> {
      List<StoredApiKey> keys = new ArrayList<>();
      rows.forEach(keys::add);
      return keys;
    });
  }

  public Future<Optional<StoredApiKey>> find(UUID userId, Provider provider) {
    return one.execute(Map.of("userId", userId, "provider", provider.id())).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    });
  }

  public Future<StoredApiKey> upsert(UUID userId, Provider provider, byte[] encryptedKey, String keyHint, String baseUrl, String model) {
    Map<String, Object> params = new HashMap<>();
    params.put("userId", userId);
    params.put("provider", provider.id());
    params.put("encryptedKey", encryptedKey == null ? null : Buffer.buffer(encryptedKey));
    params.put("keyHint", keyHint);
    params.put("baseUrl", baseUrl);
    params.put("model", model);
    return upsert.execute(params).map(rows -> rows.iterator().next());
  }

  public Future<Boolean> delete(UUID userId, Provider provider) {
    return delete.execute(Map.of("userId", userId, "provider", provider.id())).map(rows -> rows.rowCount() > 0);
  }
}
