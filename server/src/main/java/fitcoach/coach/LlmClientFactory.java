package fitcoach.coach;

import fitcoach.llm.LlmClient;
import fitcoach.settings.ResolvedProvider;

/** Makes a client for a resolved provider; the app wires the real one, sharing one HTTP client. */
@FunctionalInterface
public interface LlmClientFactory {
  LlmClient create(ResolvedProvider provider);
}
