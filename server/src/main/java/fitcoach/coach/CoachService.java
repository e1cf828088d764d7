package fitcoach.coach;

import fitcoach.analytics.CoachLoad;
import fitcoach.analytics.LoadService;
import fitcoach.app.ApiException;
import fitcoach.app.AppConfig;
import fitcoach.llm.LlmModel;
import fitcoach.llm.LlmRequest;
import fitcoach.load.PmcSeries;
import fitcoach.settings.ApiKeyService;
import fitcoach.settings.AthleteProfile;
import fitcoach.settings.DataPolicy;
import fitcoach.settings.DataPolicyRepository;
import fitcoach.settings.ProfileRepository;
import fitcoach.settings.Provider;
import fitcoach.settings.ResolvedProvider;
import fitcoach.usage.AiLedger;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every coach answer shares: which model to call for the athlete, the context (built in one place, under the
 * athlete's data policy), and preparing a generation for {@link CoachStreams} with its usage recorded.
 */
public final class CoachService {
  private final ApiKeyService apiKeys;
  private final AiSettingsRepository settings;
  private final ProfileRepository profiles;
  private final DataPolicyRepository policies;
  private final LoadService load;
  private final CoachRepository activities;
  private final AiLedger usage;
  private final CoachStreams streams;
  private final LlmClientFactory clients;
  private final AppConfig.CoachSettings defaults;

  public CoachService(io.vertx.sqlclient.Pool pool, ApiKeyService apiKeys, ProfileRepository profiles,
                      DataPolicyRepository policies, LoadService load, CoachStreams streams, LlmClientFactory clients,
                      AppConfig.CoachSettings defaults) {
    this.apiKeys = apiKeys;
    this.settings = new AiSettingsRepository(pool);
    this.profiles = profiles;
    this.policies = policies;
    this.load = load;
    this.activities = new CoachRepository(pool);
    this.usage = new AiLedger(pool);
    this.streams = streams;
    this.clients = clients;
    this.defaults = defaults;
  }

  CoachStreams streams() {
    return streams;
  }

  AiLedger usage() {
    return usage;
  }

  CoachRepository activities() {
    return activities;
  }

  Future<AthleteProfile> profile(UUID userId) {
    return profiles.find(userId);
  }

  Future<DataPolicy> policy(UUID userId) {
    return policies.find(userId);
  }

  /** The athlete's own stored chart (every source counts: the dashboard's numbers). */
  Future<PmcSeries> series(UUID userId) {
    return load.series(userId).map(LoadService.Snapshot::series);
  }

  Future<Optional<AiSettings>> settings(UUID userId) {
    return settings.find(userId);
  }

  Future<AiSettings> saveSettings(UUID userId, Provider provider, String model, String fastModel) {
    return settings.save(userId, provider.id(), model, fastModel);
  }

  /**
   * The provider and models to use: the athlete's choice, else Claude when a key is known, else a local server when
   * one is configured. No provider at all is a 409 that says what to do.
   */
  Future<CoachLlm> llm(UUID userId) {
    return settings.find(userId).compose(chosen -> {
      if (chosen.isPresent()) {
        Provider provider = Provider.parse(chosen.get().provider(), "provider");
        return apiKeys.resolve(userId, provider).compose(resolved -> resolved.isPresent()
            ? withModels(resolved.get(), chosen)
            : Future.failedFuture(notConfigured(provider)));
      }
      return apiKeys.resolve(userId, Provider.ANTHROPIC).compose(anthropic -> anthropic.isPresent()
          ? withModels(anthropic.get(), chosen)
          : apiKeys.resolve(userId, Provider.OPENAI).compose(openai -> openai.isPresent()
              ? withModels(openai.get(), chosen)
              : Future.failedFuture(notConfigured(null))));
    });
  }

  private Future<CoachLlm> withModels(ResolvedProvider resolved, Optional<AiSettings> chosen) {
    var client = clients.create(resolved);
    String model = chosen.map(AiSettings::model).orElse(null);
    if (model == null) {
      model = resolved.model();
    }
    String fast = chosen.map(AiSettings::fastModel).orElse(null);
    if (resolved.provider() == Provider.ANTHROPIC) {
      String main = model != null ? model : defaults.anthropicModel();
      return Future.succeededFuture(new CoachLlm(resolved.provider(), client, main, fast != null ? fast : defaults.anthropicFastModel()));
    }
    if (model == null) {
      model = defaults.openaiModel().orElse(null);
    }
    if (model != null) {
      String main = model;
      return Future.succeededFuture(new CoachLlm(resolved.provider(), client, main, fast != null ? fast : main));
    }
    // A local server with no model chosen: its first listed model is the one a user of that server would expect.
    return client.models().recover(err -> Future.succeededFuture(List.of())).compose(models -> {
      if (models.isEmpty()) {
        return Future.failedFuture(ApiException.conflict("llm_model_missing",
            "Your local AI server lists no models. Pull a model there, or choose one in Settings → AI coach."));
      }
      String first = models.get(0).id();
      return Future.succeededFuture(new CoachLlm(resolved.provider(), client, first, fast != null ? fast : first));
    });
  }

  Future<List<LlmModel>> models(UUID userId, Provider provider) {
    return apiKeys.resolve(userId, provider).compose(resolved -> {
      if (resolved.isEmpty()) {
        return Future.failedFuture(notConfigured(provider));
      }
      return clients.create(resolved.get()).models().recover(err -> Future.failedFuture(err instanceof fitcoach.llm.LlmException e
          ? ApiException.conflict(CoachErrors.code(e), CoachErrors.message(e)) : err));
    });
  }

  private static ApiException notConfigured(Provider provider) {
    String what = provider == Provider.OPENAI
        ? "No local AI server is set up. Enter its address (e.g. http://localhost:11434/v1) in Settings → AI coach."
        : provider == Provider.ANTHROPIC
            ? "No Claude API key is set up. Add one in Settings → AI coach."
            : "No AI provider is set up. Add a Claude API key, or the address of a local OpenAI-compatible server, "
                + "in Settings → AI coach. The rule-based recommendation works without one.";
    return ApiException.conflict("llm_not_configured", what);
  }

  /** The coach's context for today, under the athlete's data policy. */
  Future<CoachContext> context(UUID userId) {
    return Future.all(profiles.find(userId), policies.find(userId)).compose(all -> {
      AthleteProfile profile = all.resultAt(0);
      boolean includeStravaApi = all.<DataPolicy>resultAt(1).allowStravaApi();
      return load.forCoach(userId, includeStravaApi).compose(coachLoad -> {
        LocalDate today = coachLoad.series().today();
        return activities.activities(userId, ContextBuilder.firstDay(today), today, includeStravaApi)
            .map(list -> ContextBuilder.build(profile, coachLoad, list, today));
      });
    });
  }

  Future<CoachLoad> coachLoad(UUID userId, boolean includeStravaApi) {
    return load.forCoach(userId, includeStravaApi);
  }

  /**
   * Prepares one answer: the generation is registered but not started, so the route can attach its transport first.
   * {@code store} saves the outcome and returns what the final frame says; the call's usage is recorded with it.
   */
  CoachAnswer.Live generate(UUID userId, String purpose, CoachLlm llm, LlmRequest request, JsonObject startInfo,
                            Function<Outcome, Future<JsonObject>> store) {
    Generation g = streams.create(userId, startInfo.copy().put("model", request.model()).put("provider", llm.provider().id()));
    Function<Outcome, Future<JsonObject>> finish = outcome -> {
      String model = outcome.result() != null && outcome.result().model() != null ? outcome.result().model() : request.model();
      return store.apply(outcome).compose(frame -> usage.record(userId, purpose, llm.provider().id(), model,
              outcome.status().db(), outcome.usage().inputTokens(), outcome.usage().outputTokens())
          .map(v -> frame.copy().put("model", model).put("usage", new JsonObject()
              .put("inputTokens", outcome.usage().inputTokens()).put("outputTokens", outcome.usage().outputTokens()))));
    };
    return new CoachAnswer.Live(g, onDelta -> llm.client().stream(request, onDelta), finish);
  }

  static JsonArray ids(List<UUID> ids) {
    JsonArray array = new JsonArray();
    ids.forEach(id -> array.add(id.toString()));
    return array;
  }
}
