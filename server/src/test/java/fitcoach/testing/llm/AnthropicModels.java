package fitcoach.testing.llm;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The model list the fake Anthropic serves, newest first as {@code GET /v1/models} orders it (protocols.md A.9, the
 * official SDK's enum as of August 2026). Models with a dated snapshot also answer to their alias, and the Messages
 * API echoes the snapshot id, like the real one.
 */
public final class AnthropicModels {
  /** One entry of the list; {@code alias} is null when the id has no separate snapshot. */
  public record Model(String id, String alias, String displayName, Instant createdAt) {
    JsonObject json() {
      return new JsonObject().put("type", "model").put("id", id).put("display_name", displayName)
          .put("created_at", createdAt.toString()).put("max_input_tokens", 200_000).put("max_tokens", 64_000);
    }

    boolean answersTo(String name) {
      return id.equals(name) || (alias != null && alias.equals(name));
    }
  }

  public static final List<Model> CURRENT = List.of(
      model("claude-opus-5", null, "Claude Opus 5", "2026-07-24"),
      model("claude-sonnet-5", null, "Claude Sonnet 5", "2026-06-30"),
      model("claude-mythos-5", null, "Claude Mythos 5", "2026-06-09"),
      model("claude-fable-5", null, "Claude Fable 5", "2026-06-09"),
      model("claude-opus-4-8", null, "Claude Opus 4.8", "2026-05-28"),
      model("claude-opus-4-7", null, "Claude Opus 4.7", "2026-04-16"),
      model("claude-mythos-preview", null, "Claude Mythos Preview", "2026-04-07"),
      model("claude-sonnet-4-6", null, "Claude Sonnet 4.6", "2026-02-17"),
      model("claude-opus-4-6", null, "Claude Opus 4.6", "2026-02-05"),
      model("claude-opus-4-5-20251101", "claude-opus-4-5", "Claude Opus 4.5", "2025-11-24"),
      model("claude-haiku-4-5-20251001", "claude-haiku-4-5", "Claude Haiku 4.5", "2025-10-01"),
      model("claude-sonnet-4-5-20250929", "claude-sonnet-4-5", "Claude Sonnet 4.5", "2025-09-29"));

  private AnthropicModels() {
  }

  private static Model model(String id, String alias, String displayName, String date) {
    return new Model(id, alias, displayName, Instant.parse(date + "T00:00:00Z"));
  }
}
