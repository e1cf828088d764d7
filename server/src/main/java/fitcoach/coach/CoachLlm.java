package fitcoach.coach;

import fitcoach.llm.LlmClient;
import fitcoach.settings.Provider;

/**
 * The model the coach calls for this athlete now: provider, client, main model and the fast one for short titles,
 * and whether the main model is given tools (Claude always; a local server's model unless it refused them before).
 */
record CoachLlm(Provider provider, LlmClient client, String model, String fastModel, boolean tools) {
  CoachLlm(Provider provider, LlmClient client, String model, String fastModel) {
    this(provider, client, model, fastModel, true);
  }
}
