package fitcoach.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for the account. */
public final class UserRepository {
  // The account and its profile's time zone in one statement: a failed setup leaves neither behind.
  private static final String INSERT = """
      WITH u AS (
        INSERT INTO users (email, password_hash) VALUES (#{email}, #{passwordHash})
        RETURNING id, email, password_hash, created_at
      ), p AS (
        INSERT INTO athlete_profiles (user_id, time_zone) SELECT id, #{timeZone} FROM u WHERE #{timeZone}::text IS NOT NULL
      )
      SELECT id, email, password_hash, created_at FROM u
      """;
  private static final String BY_EMAIL = """
      SELECT id, email, password_hash, created_at FROM users WHERE email = #{email}
      """;
  private static final String BY_ID = """
      SELECT id, email, password_hash, created_at FROM users WHERE id = #{id}
      """;
  private static final String ANY = "SELECT EXISTS (SELECT 1 FROM users) AS present";

  private static final RowMapper<User> USER = (Row row) -> new User(
      row.getUUID("id"), row.getString("email"), row.getString("password_hash"),
      row.getOffsetDateTime("created_at").toInstant());

  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<User>> insert;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<User>> byEmail;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<User>> byId;
  private final Pool pool;

  public UserRepository(Pool pool) {
    this.pool = pool;
    this.insert = SqlTemplate.forQuery(pool, INSERT).mapTo(USER);
    this.byEmail = SqlTemplate.forQuery(pool, BY_EMAIL).mapTo(USER);
    this.byId = SqlTemplate.forQuery(pool, BY_ID).mapTo(USER);
  }

  /** Fails with a unique violation (23505) when an account already exists: the database enforces single-user. */
  public Future<User> insert(String email, String passwordHash, String timeZone) {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("email", email);
    params.put("passwordHash", passwordHash);
    params.put("timeZone", timeZone);
    return insert.execute(params).map(rows -> rows.iterator().next());
  }

  public Future<Optional<User>> findByEmail(String email) {
    return byEmail.execute(Map.of("email", email)).map(UserRepository::first);
  }

  public Future<Optional<User>> findById(UUID id) {
    return byId.execute(Map.of("id", id)).map(UserRepository::first);
  }

  public Future<Boolean> anyExists() {
    return pool.query(ANY).execute().map(rows -> rows.iterator().next().getBoolean("present"));
  }

  private static <T> Optional<T> first(Iterable<T> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }
}
