package fitcoach.coach;

import fitcoach.analytics.LoadService;
import fitcoach.app.AppConfig;
import fitcoach.app.BridgeSubscriptions;
import fitcoach.app.Feature;
import fitcoach.app.Json;
import fitcoach.auth.AuthHandler;
import fitcoach.coach.tools.ToolRegistry;
import fitcoach.llm.LlmClients;
import fitcoach.llm.ToolLoop;
import fitcoach.usage.AiLedger;
import fitcoach.llm.LlmOptions;
import fitcoach.metrics.Meters;
import fitcoach.load.PmcOptions;
import fitcoach.load.PmcSeries;
import fitcoach.readiness.ReadinessCard;
import fitcoach.settings.ApiKeyService;
import fitcoach.settings.DataPolicyRepository;
import fitcoach.settings.ProfileRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Wires the AI coach: one HTTP client for every LLM provider, the live answer streams (which also count event-bus
 * bridge subscribers as listeners), the coach (with its tools and the cost ledger), chat and answer services and their
 * routes under /api/ai.
 */
public final class CoachModule implements Feature {
  /** How long an answer requested for the event-bus bridge waits for the browser to subscribe before giving up. */
  private static final long STREAM_LISTENER_WAIT_MS = 10_000;
  private final CoachStreams streams;
  private final CoachRoutes routes;

  public CoachModule(Vertx vertx, Pool pool, AppConfig.CoachSettings settings, ApiKeyService apiKeys,
                     ProfileRepository profiles, DataPolicyRepository policies, LoadService load, AiLedger ledger,
                     ToolRegistry tools, WellnessSource wellness, PlanReader plan, AuthHandler requireUser,
                     Meters meters) {
    HttpClient llmHttp = LlmClients.httpClient(vertx);
    LlmOptions llmOptions = LlmOptions.defaults()
        .withIdleTimeout(Duration.ofSeconds(settings.llmIdleTimeoutSeconds()))
        .withFirstTokenTimeout(Duration.ofSeconds(settings.llmFirstTokenTimeoutSeconds()))
        .withRetryDelays(Duration.ofMillis(settings.llmRetryBaseMs()), Duration.ofSeconds(8));
    this.streams = new CoachStreams(vertx, settings.streamGraceMs(), STREAM_LISTENER_WAIT_MS);
    CoachService coach = new CoachService(pool, apiKeys, profiles, policies, load, streams,
        provider -> meters.llm(provider.provider().id(), LlmClients.create(vertx, llmHttp, provider, llmOptions)), settings,
        ledger, tools, ToolLoop.Limits.defaults());
    // Blackbird builds a type's serialiser on its first use (hundreds of ms on a busy machine): build the
    // recommendation's, card included, now and off the event loop.
    PmcSeries none = new PmcSeries(List.of(), LocalDate.EPOCH, Optional.empty(), PmcOptions.defaults());
    Json.encode(new RecommendationView(RuleAdvice.of(none), null, ReadinessCard.of(none, List.of())));
    this.routes = new CoachRoutes(coach, new ChatService(vertx, pool, coach, settings.historyBudgetTokens()),
        new AnswerService(pool, coach, wellness, plan), requireUser);
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }

  /** Answers left "streaming" by a stopped server are marked interrupted before anyone can ask for them. */
  @Override
  public Future<Void> start() {
    return routes.recover();
  }

  @Override
  public Optional<BridgeSubscriptions> bridgeSubscriptions() {
    return Optional.of(streams);
  }
}
