package fitcoach.llm;

import java.time.Instant;

/** A model the provider offers; display name and creation time are null when the provider does not say. */
public record LlmModel(String id, String displayName, Instant createdAt) {}
