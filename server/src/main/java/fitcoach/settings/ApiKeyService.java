package fitcoach.settings;

import fitcoach.app.ApiException;
import fitcoach.app.AppConfig;
import fitcoach.app.SecretBox;
import io.vertx.core.Future;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores provider keys encrypted and hands out decrypted ones only to the code that calls the provider. */
public final class ApiKeyService {
  private final ApiKeyRepository repository;
  private final SecretBox secretBox;
  private final AppConfig config;

  public ApiKeyService(ApiKeyRepository repository, SecretBox secretBox, AppConfig config) {
    this.repository = repository;
    this.secretBox = secretBox;
    this.config = config;
  }

  public Future<List<ApiKeyView>> list(UUID userId) {
    return repository.list(userId).map(stored -> {
      List<ApiKeyView> views = new ArrayList<>();
      stored.forEach(k -> views.add(view(k)));
      boolean anthropicStored = stored.stream().anyMatch(k -> k.provider() == Provider.ANTHROPIC);
      if (!anthropicStored && config.claudeApiKey().isPresent()) {
        views.add(0, new ApiKeyView(Provider.ANTHROPIC.id(), "environment", last4(config.claudeApiKey().get()),
            config.anthropicBaseUrl().toString(), null, null));
      }
      return views;
    });
  }

  public Future<ApiKeyView> save(UUID userId, ApiKeyRequest request) {
    if (request.provider() == Provider.OPENAI && request.baseUrl() == null && config.openaiBaseUrl().isEmpty()) {
      return Future.failedFuture(ApiException.invalid("baseUrl", "required",
          "Give the base URL of your OpenAI-compatible server, e.g. http://localhost:11434/v1"));
    }
    byte[] encrypted = request.key() == null ? null : secretBox.encrypt(request.key(), aad(userId, request.provider()));
    return repository.upsert(userId, request.provider(), encrypted, request.key() == null ? null : last4(request.key()),
        request.baseUrl(), request.model()).map(ApiKeyService::view);
  }

  public Future<Void> delete(UUID userId, Provider provider) {
    return repository.delete(userId, provider).compose(deleted -> deleted
        ? Future.succeededFuture()
        : Future.failedFuture(ApiException.notFound("No stored " + provider.id() + " key to remove")));
  }

  /**
   * The provider configuration to call, falling back to CLAUDE_API_KEY / OPENAI_BASE_URL from the environment.
   * A stored key that no longer decrypts fails with a 409 telling the athlete to enter it again.
   */
  public Future<Optional<ResolvedProvider>> resolve(UUID userId, Provider provider) {
    return repository.find(userId, provider).map(stored -> {
      if (stored.isPresent()) {
        StoredApiKey k = stored.get();
        String key;
        try {
          key = k.encryptedKey() == null ? null : secretBox.decrypt(k.encryptedKey(), aad(userId, provider));
        } catch (SecretBox.SecretUnreadableException e) {
          throw ApiException.conflict("secret_unreadable", "The stored " + provider.id()
              + " key cannot be decrypted (was API_KEY_ENCRYPTION_KEY changed?). Enter the key again in Settings.");
        }
        return Optional.of(new ResolvedProvider(provider, key, k.baseUrl() != null ? k.baseUrl() : defaultBaseUrl(provider),
            k.model(), "stored"));
      }
      if (provider == Provider.ANTHROPIC && config.claudeApiKey().isPresent()) {
        return Optional.of(new ResolvedProvider(provider, config.claudeApiKey().get(), defaultBaseUrl(provider), null, "environment"));
      }
      if (provider == Provider.OPENAI && config.openaiBaseUrl().isPresent()) {
        return Optional.of(new ResolvedProvider(provider, null, defaultBaseUrl(provider), null, "environment"));
      }
      return Optional.empty();
    });
  }

  private String defaultBaseUrl(Provider provider) {
    return switch (provider) {
      case ANTHROPIC -> config.anthropicBaseUrl().toString();
      case OPENAI -> config.openaiBaseUrl().map(URI::toString).orElse(null);
    };
  }

  private static ApiKeyView view(StoredApiKey k) {
    return new ApiKeyView(k.provider().id(), "stored", k.keyHint(), k.baseUrl(), k.model(), k.updatedAt());
  }

  /** Binds a ciphertext to its owner and provider, so a row copied onto another one does not decrypt. */
  private static String aad(UUID userId, Provider provider) {
    return "api_keys:" + userId + ":" + provider.id();
  }

  private static String last4(String key) {
    return key.length() <= 4 ? key : key.substring(key.length() - 4);
  }
}
