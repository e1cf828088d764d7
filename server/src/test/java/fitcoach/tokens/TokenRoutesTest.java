package fitcoach.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Personal access tokens in Settings: shown once, stored as a hash, listed, limited, revoked. */
class TokenRoutesTest extends ApiTest {

  private TestClient.Response create(String name) {
    return client.post("/api/settings/tokens", new JsonObject().put("name", name));
  }

  private TestClient.Response ping(String token) {
    return new TestClient(app.port()).nonBrowser().header("Authorization", "Bearer " + token)
        .postRaw("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
  }

  @Test
  @DisplayName("A new token is returned once (fct_ + 43 base64url characters), stored only as its SHA-256, and listed without it")
  void createdOnce() throws Exception {
    signedIn();
    var r = create("  Claude Desktop  ");
    assertThat(r.status()).isEqualTo(201);
    JsonObject created = r.json();
    String token = created.getString("token");
    assertThat(token).matches("fct_[A-Za-z0-9_-]{43}");
    assertThat(created.getString("name")).isEqualTo("Claude Desktop");
    assertThat(created.getString("scope")).isEqualTo("mcp");
    assertThat(created.getString("createdAt")).isNotBlank();
    assertThat(created.getValue("lastUsedAt")).isNull();

    String stored = TestDatabase.query("SELECT encode(token_hash, 'hex') FROM access_tokens", rs -> rs.next() ? rs.getString(1) : null);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes("US-ASCII")));
    assertThat(stored).isEqualTo(expected);
    assertThat(TestDatabase.count("SELECT count(*) FROM access_tokens WHERE position(? in name || scope) > 0", token)).isZero();

    var list = client.get("/api/settings/tokens");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(token).doesNotContain(token.substring(4, 20));
    JsonArray tokens = list.jsonArray("tokens");
    assertThat(tokens).hasSize(1);
    assertThat(tokens.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id", "name", "scope", "createdAt", "lastUsedAt");
    assertThat(tokens.getJsonObject(0).getString("id")).isEqualTo(created.getString("id"));
    assertThat(create("second").json().getString("token")).isNotEqualTo(token);
  }

  @Test
  @DisplayName("Names are required and at most 100 characters; only the mcp scope exists; a refused request stores nothing")
  void validation() {
    signedIn();
    assertThat(create("").status()).isEqualTo(422);
    assertThat(create("   ").errorField()).isEqualTo("name");
    assertThat(create("x".repeat(101)).errorCode()).isEqualTo("too_long");
    assertThat(create("x".repeat(100)).status()).isEqualTo(201);
    var scope = client.post("/api/settings/tokens", new JsonObject().put("name", "cal").put("scope", "admin"));
    assertThat(scope.status()).isEqualTo(422);
    assertThat(scope.errorField()).isEqualTo("scope");
    var extra = client.post("/api/settings/tokens", new JsonObject().put("name", "x").put("expires", 3));
    assertThat(extra.status()).isEqualTo(422);
    var explicit = client.post("/api/settings/tokens", new JsonObject().put("name", "mcp").put("scope", "mcp"));
    assertThat(explicit.status()).isEqualTo(201);
    assertThat(TestDatabase.count("SELECT count(*) FROM access_tokens")).isEqualTo(2);
  }

  @Test
  @DisplayName("An athlete has at most 20 tokens: the 21st is a 409 and is not stored")
  void limit() {
    signedIn();
    for (int i = 0; i < TokenService.MAX_PER_ATHLETE; i++) {
      assertThat(create("app " + i).status()).isEqualTo(201);
    }
    var over = create("one too many");
    assertThat(over.status()).isEqualTo(409);
    assertThat(over.errorCode()).isEqualTo("too_many_tokens");
    assertThat(TestDatabase.count("SELECT count(*) FROM access_tokens")).isEqualTo(TokenService.MAX_PER_ATHLETE);
  }

  @Test
  @DisplayName("Revoking deletes the token (204), a second time or an unknown id is 404, and the token no longer opens /mcp")
  void revoke() {
    signedIn();
    JsonObject created = create("to revoke").json();
    assertThat(ping(created.getString("token")).status()).isEqualTo(200);
    assertThat(client.delete("/api/settings/tokens/" + created.getString("id")).status()).isEqualTo(204);
    assertThat(client.delete("/api/settings/tokens/" + created.getString("id")).status()).isEqualTo(404);
    assertThat(client.delete("/api/settings/tokens/not-a-uuid").status()).isEqualTo(404);
    assertThat(client.get("/api/settings/tokens").jsonArray("tokens")).isEmpty();
    assertThat(ping(created.getString("token")).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("The token routes need the session: 401 signed out, 403 from a foreign origin")
  void needsSession() {
    assertThat(client.get("/api/settings/tokens").status()).isEqualTo(401);
    signedIn();
    var foreign = new TestClient(app.port()).cookie(client.cookie()).header("Origin", "http://evil.example")
        .post("/api/settings/tokens", new JsonObject().put("name", "x"));
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(TestDatabase.count("SELECT count(*) FROM access_tokens")).isZero();
    // A token is no session: it cannot list or create tokens.
    String token = create("app").json().getString("token");
    var withToken = new TestClient(app.port()).nonBrowser().header("Authorization", "Bearer " + token).get("/api/settings/tokens");
    assertThat(withToken.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("A request a token opens marks it used, writing at most once a minute; a refused request marks nothing")
  void lastUsed() {
    signedIn();
    String token = create("app").json().getString("token");
    // A request refused (not JSON-RPC) is no use: it stores nothing.
    var refused = new TestClient(app.port()).nonBrowser().header("Authorization", "Bearer " + token).postRaw("/mcp", "{");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(TestDatabase.count("SELECT count(*) FROM access_tokens WHERE last_used_at IS NOT NULL")).isZero();
    ping(token);
    String first = TestDatabase.query("SELECT last_used_at::text FROM access_tokens", rs -> rs.next() ? rs.getString(1) : null);
    assertThat(first).isNotNull();
    ping(token);
    String second = TestDatabase.query("SELECT last_used_at::text FROM access_tokens", rs -> rs.next() ? rs.getString(1) : null);
    assertThat(second).isEqualTo(first);
    TestDatabase.count("WITH t AS (UPDATE access_tokens SET last_used_at = last_used_at - interval '61 seconds' RETURNING 1) "
        + "SELECT count(*) FROM t");
    String aged = TestDatabase.query("SELECT last_used_at::text FROM access_tokens", rs -> rs.next() ? rs.getString(1) : null);
    ping(token);
    String third = TestDatabase.query("SELECT last_used_at::text FROM access_tokens", rs -> rs.next() ? rs.getString(1) : null);
    assertThat(third).isNotEqualTo(aged).isGreaterThan(aged);
    assertThat(client.get("/api/settings/tokens").jsonArray("tokens").getJsonObject(0).getString("lastUsedAt")).isNotNull();
  }
}
