package fitcoach.settings;

import fitcoach.app.ApiException;
import java.util.Arrays;
import java.util.Locale;

/** The LLM providers an athlete can configure. {@code openai} means any OpenAI-compatible server (Ollama, llama.cpp, vLLM, OpenAI). */
public enum Provider {
  ANTHROPIC("anthropic"),
  OPENAI("openai");

  private final String id;

  Provider(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Provider parse(String value, String field) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst().orElseThrow(() ->
        ApiException.invalid(field, "unknown_provider", "Unknown provider '" + value + "'; use anthropic or openai"));
  }
}
