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
import fitcoach.coach.tools.ToolRegistry;
import fitcoach.coach.tools.ToolScope;
import fitcoach.llm.LlmCall;
import fitcoach.llm.LlmMessage;
import fitcoach.llm.ToolLoop;
import fitcoach.usage.AiLedger;
import fitcoach.usage.LedgerEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import fitcoach.llm.LlmUsage;
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
  private final ToolRegistry tools;
  private final ToolLoop.Limits limits;
  private final CoachStreams streams;
  private final LlmClientFactory clients;
  private final AppConfig.CoachSettings defaults;

  public CoachService(io.vertx.sqlclient.Pool pool, ApiKeyService apiKeys, ProfileRepository profiles,
                      DataPolicyRepository policies, LoadService load, CoachStreams streams, LlmClientFactory clients,
                      AppConfig.CoachSettings defaults, AiLedger ledger, ToolRegistry tools, ToolLoop.Limits limits) {
    this.apiKeys = apiKeys;
    this.settings = new AiSettingsRepository(pool);
    this.profiles = profiles;
    this.policies = policies;
    this.load = load;
    this.activities = new CoachRepository(pool);
    this.usage = ledger;
    this.tools = tools;
    this.limits = limits;
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
    return chosenLlm(userId).compose(llm -> usage.allow(userId, llm.provider().id()).compose(v -> withTools(userId, llm)));
  }

  /** The model the coach would call now, whatever the month's budget says (for Settings). */
  Future<CoachLlm> activeLlm(UUID userId) {
    return chosenLlm(userId).compose(llm -> withTools(userId, llm));
  }

  private Future<CoachLlm> withTools(UUID userId, CoachLlm llm) {
    return toolsSupported(userId, llm.provider(), llm.model())
        .map(supported -> new CoachLlm(llm.provider(), llm.client(), llm.model(), llm.fastModel(), supported));
  }

  /** Whether the athlete's chosen model takes tools (false once it refused them). */
  Future<Boolean> toolsSupported(UUID userId, Provider provider, String model) {
    return provider == Provider.ANTHROPIC || model == null ? Future.succeededFuture(true)
        : settings.toolsRejected(userId, provider.id(), model).map(rejected -> !rejected);
  }

  private Future<CoachLlm> chosenLlm(UUID userId) {
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

  /**
   * One answer's view of the athlete, for {@code day} (null: the athlete's today), under the data policy in force:
   * the card a model with tools gets, the full context one without gets, and the scope its tools read under.
   *
   * @param card profile, thresholds, the day's load and its last 7 days
   * @param full the card plus 42 days summarised and 12 weeks of totals: for a model without tools
   */
  record Prompt(CoachContext card, CoachContext full, ToolScope scope) {
    LocalDate day() {
      return full.today();
    }
  }

  /** Everything as it stood on that day, with what the policy keeps out counted. */
  Future<Prompt> prompt(UUID userId, LocalDate day) {
    return Future.all(profiles.find(userId), policies.find(userId)).compose(all -> {
      AthleteProfile profile = all.resultAt(0);
      boolean includeStravaApi = all.<DataPolicy>resultAt(1).allowStravaApi();
      return load.forCoach(userId, includeStravaApi).compose(coachLoad -> {
        LocalDate today = coachLoad.series().today();
        LocalDate asOf = day == null || day.isAfter(today) ? today : day;
        Future<Long> keptOut = includeStravaApi ? Future.succeededFuture(0L)
            : activities.counts(userId, false, asOf).map(CoachRepository.Counts::keptOut);
        return Future.all(activities.activities(userId, ContextBuilder.firstDay(asOf), asOf, includeStravaApi), keptOut)
            .map(loaded -> {
              List<CoachActivity> list = loaded.resultAt(0);
              ContextBuilder.PolicyNote note = new ContextBuilder.PolicyNote(includeStravaApi, loaded.<Long>resultAt(1));
              return new Prompt(ContextBuilder.build(profile, coachLoad, list, asOf, ContextBuilder.Mode.CARD, note),
                  ContextBuilder.build(profile, coachLoad, list, asOf, ContextBuilder.Mode.FULL, note),
                  new ToolScope(userId, includeStravaApi, today));
            });
      });
    });
  }

  Future<CoachLoad> coachLoad(UUID userId, boolean includeStravaApi) {
    return load.forCoach(userId, includeStravaApi);
  }

  /**
   * What an answer's store function gets: how it ended, the activities it was given (its context's, and every one a
   * lookup returned), and the lookups it made.
   */
  record Answered(Outcome outcome, List<UUID> contextIds, List<ToolTrace> tools) {
    String model(String fallback) {
      return outcome.result() != null && outcome.result().model() != null ? outcome.result().model() : fallback;
    }
  }

  /**
   * Prepares one answer: the generation is registered but not started, so the route can attach its transport first.
   * With tools, the model gets the card and looks the rest up ({@link ToolLoop}); a server that refuses tools gets the
   * full context instead, and is remembered. {@code store} saves the answer and returns what the final frame says;
   * the call is recorded in the ledger with it.
   */
  CoachAnswer.Live generate(UUID userId, String feature, CoachLlm llm, Prompt prompt, List<LlmMessage> messages,
                            int maxTokens, JsonObject startInfo, Function<Answered, Future<JsonObject>> store) {
    LlmRequest fallback = new LlmRequest(llm.model(), Prompts.system(prompt.full(), false), messages, maxTokens);
    LlmRequest withTools = llm.tools() && !tools.tools().isEmpty()
        ? new LlmRequest(llm.model(), Prompts.system(prompt.card(), true), messages, maxTokens, tools.specs(), false)
        : null;
    Generation g = streams.create(userId, startInfo.copy().put("model", llm.model()).put("provider", llm.provider().id())
        .put("toolsSupported", withTools != null));
    ToolSession session = new ToolSession(tools, prompt.scope(), frame -> streams.frame(g, frame));
    java.util.concurrent.atomic.AtomicReference<LlmCall> running = new java.util.concurrent.atomic.AtomicReference<>();
    Function<Outcome, Future<JsonObject>> finish = outcome -> {
      boolean rejected = outcome.result() != null && outcome.result().toolsRejected();
      boolean carded = withTools != null && !rejected;
      List<UUID> given = new ArrayList<>(carded ? prompt.card().activityIds() : prompt.full().activityIds());
      session.activityIds().forEach(id -> {
        if (!given.contains(id)) {
          given.add(id);
        }
      });
      Answered answered = new Answered(outcome, given, session.traces());
      String model = answered.model(llm.model());
      LlmUsage used = outcome.usage();
      LlmCall call = running.get();
      int rounds = outcome.result() != null ? outcome.result().toolRounds() : call != null ? call.toolRounds() : 0;
      Future<Void> remembered = rejected ? settings.rejectTools(userId, llm.provider().id(), llm.model()) : Future.succeededFuture();
      return remembered.compose(v -> store.apply(answered)).compose(frame -> usage.record(userId, new LedgerEntry(feature,
              llm.provider().id(), model, outcome.status().db(), used.inputTokens(), used.outputTokens(),
              used.cacheWriteTokens(), used.cacheReadTokens(), rounds, g.firstTokenMillis(), g.elapsedMillis()))
          .map(v -> frame.copy().put("model", model)
              .put("contextActivityIds", frame.containsKey("contextActivityIds") ? frame.getValue("contextActivityIds") : ids(given))
              .put("toolCalls", ToolTrace.toJson(answered.tools())).put("toolRounds", rounds)
              .put("toolsRejected", rejected)
              .put("usage", new JsonObject().put("inputTokens", used.inputTokens()).put("outputTokens", used.outputTokens())
                  .put("cacheWriteTokens", used.cacheWriteTokens()).put("cacheReadTokens", used.cacheReadTokens()))));
    };
    return new CoachAnswer.Live(g, onDelta -> {
      LlmCall call = withTools == null ? llm.client().stream(fallback, onDelta)
          : ToolLoop.run(llm.client(), withTools, fallback, session, limits, onDelta);
      running.set(call);
      return call;
    }, finish);
  }

  static JsonArray ids(List<UUID> ids) {
    JsonArray array = new JsonArray();
    ids.forEach(id -> array.add(id.toString()));
    return array;
  }
}
