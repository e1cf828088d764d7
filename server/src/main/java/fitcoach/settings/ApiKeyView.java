package fitcoach.settings;

import java.time.Instant;

/** What the API shows of a configured provider: never the key, only its last four characters and where it comes from. */
public record ApiKeyView(String provider, String source, String last4, String baseUrl, String model, Instant updatedAt) {
}
