package fitcoach.settings;

import fitcoach.app.ApiException;
import fitcoach.app.JsonFields;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/** The body of POST /api/settings/apikey, validated. */
public record ApiKeyRequest(Provider provider, String key, String baseUrl, String model) {

  public static ApiKeyRequest from(JsonObject body) {
    JsonFields fields = new JsonFields(body, "provider", "key", "baseUrl", "model");
    Provider provider = Provider.parse(fields.requiredString("provider", 50), "provider");
    String key = fields.optionalString("key", 512);
    String baseUrl = fields.optionalString("baseUrl", 2048);
    String model = fields.optionalString("model", 200);
    if (key != null) {
      key = key.trim();
      if (key.isEmpty()) {
        key = null;
      } else if (key.length() < 8 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
        throw ApiException.invalid("key", "invalid_key", "The key must be at least 8 printable characters without spaces");
      }
    }
    if (provider == Provider.ANTHROPIC && key == null) {
      throw ApiException.invalid("key", "required", "An Anthropic API key is required");
    }
    if (baseUrl != null) {
      baseUrl = baseUrl.trim().replaceAll("/+$", "");
      if (!isHttpUrl(baseUrl)) {
        throw ApiException.invalid("baseUrl", "invalid_url", "The base URL must be an http(s) URL, e.g. http://localhost:11434/v1");
      }
    }
    if (model != null) {
      model = model.trim();
      if (model.isEmpty()) {
        model = null;
      }
    }
    return new ApiKeyRequest(provider, key, baseUrl, model);
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "ApiKeyRequest[provider=" + provider.id() + ", key=***, baseUrl=" + baseUrl + ", model=" + model + "]";
  }
}
