package fitcoach.settings;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiKeyRoutesTest extends ApiTest {
  private static final String KEY = "sk-ant-api03-SECRETSECRETSECRET-wxyz";

  @Test
  @DisplayName("A saved key is stored encrypted and the API only ever shows its provider and last four characters")
  void keyIsNeverReturned() {
    signedIn();
    var saved = client.post("/api/settings/apikey", new JsonObject().put("provider", "anthropic").put("key", KEY));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().getString("last4")).isEqualTo("wxyz");
    assertThat(saved.json().getString("source")).isEqualTo("stored");
    assertThat(saved.body()).doesNotContain("SECRET");

    var list = client.get("/api/settings/apikey");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain("SECRET");
    JsonObject only = list.jsonArray("providers").getJsonObject(0);
    assertThat(only.getString("provider")).isEqualTo("anthropic");
    assertThat(only.getString("last4")).isEqualTo("wxyz");

    byte[] stored = TestDatabase.query("SELECT encrypted_key FROM api_keys", rs -> { rs.next(); return rs.getBytes(1); });
    assertThat(stored[0]).isEqualTo((byte) 1);
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("SECRET");
  }

  @Test
  @DisplayName("Saving again replaces the key; an OpenAI-compatible local server needs a base URL but no key")
  void upsertAndLocalProvider() {
    signedIn();
    client.post("/api/settings/apikey", new JsonObject().put("provider", "anthropic").put("key", KEY));
    client.post("/api/settings/apikey", new JsonObject().put("provider", "anthropic").put("key", "sk-ant-api03-NEWKEY-abcd")
        .put("model", "claude-sonnet-4-6"));
    var local = client.post("/api/settings/apikey", new JsonObject().put("provider", "openai")
        .put("baseUrl", "http://localhost:11434/v1/").put("model", "llama3.1"));
    assertThat(local.status()).isEqualTo(200);
    assertThat(local.json().getString("baseUrl")).isEqualTo("http://localhost:11434/v1");
    assertThat(local.json().getString("last4")).isNull();

    var providers = client.get("/api/settings/apikey").jsonArray("providers");
    assertThat(providers).hasSize(2);
    assertThat(providers.getJsonObject(0).getString("last4")).isEqualTo("abcd");
    assertThat(providers.getJsonObject(0).getString("model")).isEqualTo("claude-sonnet-4-6");

    var noUrl = client.post("/api/settings/apikey", new JsonObject().put("provider", "openai").put("key", "sk-local-123456"));
    assertThat(noUrl.status()).isEqualTo(422);
    assertThat(noUrl.errorField()).isEqualTo("baseUrl");
  }

  @Test
  @DisplayName("Unknown providers, missing keys, bad URLs and unknown fields are 422; nothing stored is lost")
  void validation() {
    signedIn();
    client.post("/api/settings/apikey", new JsonObject().put("provider", "anthropic").put("key", KEY));

    var unknown = client.post("/api/settings/apikey", new JsonObject().put("provider", "gemini").put("key", KEY));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.errorCode()).isEqualTo("unknown_provider");
    var noKey = client.post("/api/settings/apikey", new JsonObject().put("provider", "anthropic"));
    assertThat(noKey.status()).isEqualTo(422);
    assertThat(noKey.errorField()).isEqualTo("key");
    var badUrl = client.post("/api/settings/apikey", new JsonObject().put("provider", "openai").put("baseUrl", "file:///etc/passwd"));
    assertThat(badUrl.status()).isEqualTo(422);
    assertThat(badUrl.errorField()).isEqualTo("baseUrl");
    var extra = client.post("/api/settings/apikey", new JsonObject().put("provider", "anthropic").put("key", KEY).put("admin", true));
    assertThat(extra.status()).isEqualTo(422);
    assertThat(extra.errorCode()).isEqualTo("unknown_field");
    var wrongType = client.post("/api/settings/apikey", new JsonObject().put("provider", "anthropic").put("key", 12345678));
    assertThat(wrongType.status()).isEqualTo(422);
    var deleteUnknown = client.delete("/api/settings/apikey/gemini");
    assertThat(deleteUnknown.status()).isEqualTo(422);

    assertThat(client.get("/api/settings/apikey").jsonArray("providers").getJsonObject(0).getString("last4")).isEqualTo("wxyz");
  }

  @Test
  @DisplayName("Deleting a stored key removes it; deleting one that is not stored is 404")
  void delete() {
    signedIn();
    client.post("/api/settings/apikey", new JsonObject().put("provider", "anthropic").put("key", KEY));
    assertThat(client.delete("/api/settings/apikey/anthropic").status()).isEqualTo(200);
    assertThat(client.get("/api/settings/apikey").jsonArray("providers")).isEmpty();
    var again = client.delete("/api/settings/apikey/anthropic");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorCode()).isEqualTo("not_found");
  }
}
