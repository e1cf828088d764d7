package fitcoach.usage;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which price a call is costed at. The athlete's overrides come first, then the defaults below, each matching a model
 * id that begins with its prefix (the longest match wins, so {@code claude-sonnet-4-5-20250929} takes the
 * {@code claude-sonnet-4} price). The defaults are the providers' published list prices per million tokens (Anthropic:
 * cache writes at the 5-minute rate, 1.25 × input; OpenAI: no write surcharge) and are editable in Settings, since
 * prices change. A model on an OpenAI-compatible server that is not one of OpenAI's own families runs locally (Ollama,
 * llama.cpp, vLLM) and costs nothing; any other model has no known price, and its cost is stored as NULL, never 0.
 */
public final class PriceTable {
  /** Where a price came from, as the API reports it. */
  public enum Source { OVERRIDE, DEFAULT, ESTIMATE, LOCAL }

  /** A default price for model ids beginning with {@code prefix} on {@code provider}. */
  public record Default(String provider, String prefix, Price price, boolean estimate) {
  }

  /** The athlete's own price for model ids beginning with {@code model}. */
  public record OwnPrice(String model, Price price) {
  }

  /** A price and which entry gave it ({@code match}: the override's model or the default's prefix; null when local). */
  public record Resolved(Price price, Source source, String match) {
  }

  private static final String ANTHROPIC = "anthropic";
  private static final String OPENAI = "openai";

  public static final List<Default> DEFAULTS = List.of(
      // Anthropic list prices, USD per million tokens: input, output, 5-minute cache write, cache read.
      new Default(ANTHROPIC, "claude-opus-4-6", Price.of(5, 25, 6.25, 0.50), false),
      new Default(ANTHROPIC, "claude-opus-4-5", Price.of(5, 25, 6.25, 0.50), false),
      new Default(ANTHROPIC, "claude-opus-4-1", Price.of(15, 75, 18.75, 1.50), false),
      new Default(ANTHROPIC, "claude-opus-4-0", Price.of(15, 75, 18.75, 1.50), false),
      new Default(ANTHROPIC, "claude-opus-4-20250514", Price.of(15, 75, 18.75, 1.50), false),
      new Default(ANTHROPIC, "claude-3-opus", Price.of(15, 75, 18.75, 1.50), false),
      new Default(ANTHROPIC, "claude-sonnet-4", Price.of(3, 15, 3.75, 0.30), false),
      new Default(ANTHROPIC, "claude-3-7-sonnet", Price.of(3, 15, 3.75, 0.30), false),
      new Default(ANTHROPIC, "claude-3-5-sonnet", Price.of(3, 15, 3.75, 0.30), false),
      new Default(ANTHROPIC, "claude-haiku-4-5", Price.of(1, 5, 1.25, 0.10), false),
      new Default(ANTHROPIC, "claude-3-5-haiku", Price.of(0.80, 4, 1.00, 0.08), false),
      new Default(ANTHROPIC, "claude-3-haiku", Price.of(0.25, 1.25, 0.30, 0.03), false),
      // Newer models of a family (claude-opus-4-7, claude-sonnet-5, ...) until a price is set: the family's latest
      // known list price, marked as an estimate so Settings can say so. Other names (mythos, fable) have none.
      new Default(ANTHROPIC, "claude-opus", Price.of(5, 25, 6.25, 0.50), true),
      new Default(ANTHROPIC, "claude-sonnet", Price.of(3, 15, 3.75, 0.30), true),
      new Default(ANTHROPIC, "claude-haiku", Price.of(1, 5, 1.25, 0.10), true),
      // OpenAI's own models when the OpenAI-compatible provider points at api.openai.com: input, output, input again
      // (no write surcharge), cached input.
      new Default(OPENAI, "gpt-5-pro", Price.of(15, 120, 15, 15), false),
      new Default(OPENAI, "gpt-5-nano", Price.of(0.05, 0.40, 0.05, 0.005), false),
      new Default(OPENAI, "gpt-5-mini", Price.of(0.25, 2, 0.25, 0.025), false),
      new Default(OPENAI, "gpt-5", Price.of(1.25, 10, 1.25, 0.125), false),
      new Default(OPENAI, "gpt-4.1-nano", Price.of(0.10, 0.40, 0.10, 0.025), false),
      new Default(OPENAI, "gpt-4.1-mini", Price.of(0.40, 1.60, 0.40, 0.10), false),
      new Default(OPENAI, "gpt-4.1", Price.of(2, 8, 2, 0.50), false),
      new Default(OPENAI, "gpt-4o-mini", Price.of(0.15, 0.60, 0.15, 0.075), false),
      new Default(OPENAI, "gpt-4o", Price.of(2.50, 10, 2.50, 1.25), false),
      new Default(OPENAI, "o4-mini", Price.of(1.10, 4.40, 1.10, 0.275), false),
      new Default(OPENAI, "o3-mini", Price.of(1.10, 4.40, 1.10, 0.55), false),
      new Default(OPENAI, "o3", Price.of(2, 8, 2, 0.50), false),
      new Default(OPENAI, "o1-mini", Price.of(1.10, 4.40, 1.10, 0.55), false),
      new Default(OPENAI, "o1", Price.of(15, 60, 15, 7.50), false));

  /** Model id beginnings of OpenAI's hosted models: without a price they are unknown, not local. */
  private static final java.util.regex.Pattern OPENAI_HOSTED =
      java.util.regex.Pattern.compile("^(gpt-|chatgpt-|o\\d|ft:|davinci|babbage|text-|codex-|computer-use)");

  private PriceTable() {
  }

  /** The price for {@code model} on {@code provider}, or empty when none is known. */
  public static Optional<Resolved> resolve(String provider, String model, List<OwnPrice> overrides) {
    String id = model.toLowerCase(Locale.ROOT);
    Optional<Resolved> own = overrides.stream()
        .filter(o -> id.startsWith(o.model().toLowerCase(Locale.ROOT)))
        .max(Comparator.comparingInt(o -> o.model().length()))
        .map(o -> new Resolved(o.price(), Source.OVERRIDE, o.model()));
    if (own.isPresent()) {
      return own;
    }
    Optional<Resolved> listed = DEFAULTS.stream()
        .filter(d -> d.provider().equals(provider) && id.startsWith(d.prefix()))
        .max(Comparator.comparingInt(d -> d.prefix().length()))
        .map(d -> new Resolved(d.price(), d.estimate() ? Source.ESTIMATE : Source.DEFAULT, d.prefix()));
    if (listed.isPresent()) {
      return listed;
    }
    if (OPENAI.equals(provider) && !OPENAI_HOSTED.matcher(id).find()) {
      return Optional.of(new Resolved(Price.FREE, Source.LOCAL, null));
    }
    return Optional.empty();
  }
}
