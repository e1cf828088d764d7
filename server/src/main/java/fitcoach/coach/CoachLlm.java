package fitcoach.coach;

import fitcoach.llm.LlmClient;
import fitcoach.settings.Provider;

/** The model the coach calls for this athlete now: provider, client, main model and the fast one for short titles. */
record CoachLlm(Provider provider, LlmClient client, String model, String fastModel) {}
