package fitcoach.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fitcoach.app.ApiException;
import fitcoach.app.AppConfig;
import fitcoach.app.Db;
import fitcoach.app.SecretBox;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The service the AI features use to get a usable key, against the real database. */
class ApiKeyServiceTest {
  private Vertx vertx;
  private Pool pool;
  private UUID userId;

  @BeforeEach
  void setUp() {
    TestDatabase.truncateAll();
    vertx = Vertx.vertx();
    pool = Db.pool(vertx, TestDatabase.url());
    userId = TestDatabase.query("INSERT INTO users (email, password_hash) VALUES ('a@example.com', 'x') RETURNING id",
        rs -> { rs.next(); return (UUID) rs.getObject(1); });
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  private ApiKeyService service(Map<String, String> env) {
    AppConfig config = AppConfig.fromEnv(env);
    return new ApiKeyService(new ApiKeyRepository(pool), new SecretBox(TestApp.ENCRYPTION_KEY), config);
  }

  @Test
  @DisplayName("A stored key resolves to its decrypted value and wins over CLAUDE_API_KEY")
  void storedKeyResolves() throws Exception {
    ApiKeyService keys = service(Map.of("CLAUDE_API_KEY", "sk-ant-from-env-0000"));
    await(keys.save(userId, new ApiKeyRequest(Provider.ANTHROPIC, "sk-ant-stored-1234", null, "claude-haiku-4-5")));
    ResolvedProvider p = await(keys.resolve(userId, Provider.ANTHROPIC)).orElseThrow();
    assertThat(p.apiKey()).isEqualTo("sk-ant-stored-1234");
    assertThat(p.model()).isEqualTo("claude-haiku-4-5");
    assertThat(p.source()).isEqualTo("stored");
    assertThat(p.toString()).doesNotContain("sk-ant-stored");
  }

  @Test
  @DisplayName("With no stored key, CLAUDE_API_KEY is the default, and the listing says it comes from the environment")
  void environmentDefault() throws Exception {
    ApiKeyService keys = service(Map.of("CLAUDE_API_KEY", "sk-ant-from-env-0000", "ANTHROPIC_BASE_URL", "http://127.0.0.1:9/"));
    ResolvedProvider p = await(keys.resolve(userId, Provider.ANTHROPIC)).orElseThrow();
    assertThat(p.apiKey()).isEqualTo("sk-ant-from-env-0000");
    assertThat(p.baseUrl()).isEqualTo("http://127.0.0.1:9");
    assertThat(p.source()).isEqualTo("environment");
    var listed = await(keys.list(userId));
    assertThat(listed).singleElement().satisfies(v -> {
      assertThat(v.source()).isEqualTo("environment");
      assertThat(v.last4()).isEqualTo("0000");
    });
    assertThat(await(service(Map.of()).resolve(userId, Provider.ANTHROPIC))).isEqualTo(Optional.empty());
  }

  @Test
  @DisplayName("A tampered stored key fails loudly with a 409 that tells the athlete to re-enter it")
  void tamperedKeyFailsLoudly() throws Exception {
    ApiKeyService keys = service(Map.of());
    await(keys.save(userId, new ApiKeyRequest(Provider.ANTHROPIC, "sk-ant-stored-1234", null, null)));
    TestDatabase.query("UPDATE api_keys SET encrypted_key = set_byte(encrypted_key, 20, get_byte(encrypted_key, 20) # 1)", rs -> null);
    assertThatThrownBy(() -> await(keys.resolve(userId, Provider.ANTHROPIC)))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> {
          assertThat(((ApiException) e).status()).isEqualTo(409);
          assertThat(((ApiException) e).code()).isEqualTo("secret_unreadable");
        });
  }

  @Test
  @DisplayName("A key row copied to another user does not decrypt for them")
  void ciphertextBoundToOwner() throws Exception {
    ApiKeyService keys = service(Map.of());
    await(keys.save(userId, new ApiKeyRequest(Provider.ANTHROPIC, "sk-ant-stored-1234", null, null)));
    // Single-user instance: simulate the copy by moving the row to a different owner id.
    TestDatabase.query("DROP INDEX users_single_account", rs -> null);
    try {
      UUID other = TestDatabase.query("INSERT INTO users (email, password_hash) VALUES ('b@example.com', 'x') RETURNING id",
          rs -> { rs.next(); return (UUID) rs.getObject(1); });
      TestDatabase.query("UPDATE api_keys SET user_id = ?", rs -> null, other);
      assertThatThrownBy(() -> await(keys.resolve(other, Provider.ANTHROPIC))).isInstanceOf(ApiException.class);
    } finally {
      TestDatabase.query("DELETE FROM users WHERE email = 'b@example.com'", rs -> null);
      TestDatabase.query("CREATE UNIQUE INDEX users_single_account ON users ((true))", rs -> null);
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }
}
