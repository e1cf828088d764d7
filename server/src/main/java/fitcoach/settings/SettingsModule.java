package fitcoach.settings;

import fitcoach.app.AppConfig;
import fitcoach.app.Feature;
import fitcoach.app.SecretBox;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import java.time.LocalDate;
import java.util.function.BiFunction;

/**
 * Wires settings: provider keys (sealed with the app's {@link SecretBox}), the profile, thresholds over time (with
 * suggestions) and the data policy. The coach
 * reads the keys and the policy through {@link #apiKeys()} and {@link #policies()}.
 */
public final class SettingsModule implements Feature {
  private final ApiKeyService apiKeys;
  private final DataPolicyRepository policies;
  private final SettingsRoutes routes;

  /**
   * {@code recompute} brings loads and the chart up to date from a day; it runs after a saved profile or threshold,
   * before the answer. {@code suggestions} is shared with the load engine, which offers what the data implies.
   */
  public SettingsModule(Pool pool, SecretBox secretBox, AppConfig config, ProfileRepository profiles,
                        ThresholdSuggestions suggestions, BiFunction<UUID, LocalDate, Future<?>> recompute,
                        AuthHandler requireUser) {
    this.apiKeys = new ApiKeyService(new ApiKeyRepository(pool), secretBox, config);
    this.policies = new DataPolicyRepository(pool);
    this.routes = new SettingsRoutes(apiKeys, profiles, requireUser, recompute, policies,
        new ThresholdRoutes(pool, profiles, suggestions, recompute));
  }

  public ApiKeyService apiKeys() {
    return apiKeys;
  }

  public DataPolicyRepository policies() {
    return policies;
  }

  @Override
  public void mount(Router router) {
    routes.mount(router);
  }
}
