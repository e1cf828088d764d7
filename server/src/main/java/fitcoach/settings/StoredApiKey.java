package fitcoach.settings;

import java.time.Instant;

/** A row of api_keys. {@code encryptedKey} is never decrypted except to call the provider. */
public record StoredApiKey(Provider provider, byte[] encryptedKey, String keyHint, String baseUrl, String model, Instant updatedAt) {
}
