package fitcoach.settings;

import fitcoach.app.AppConfig;
import fitcoach.app.Feature;
import fitcoach.app.SecretBox;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import java.util.function.Function;

/**
 * Wires settings: provider keys (sealed with the app's {@link SecretBox}), the profile and the data policy. The coach
 * reads the keys and the policy through {@link #apiKeys()} and {@link #policies()}.
 */
public final class SettingsModule implements Feature {
  private final ApiKeyService apiKeys;
  private final DataPolicyRepository policies;
  private final SettingsRoutes routes;

  /** {@code profileChanged} runs after a saved profile, before the answer: loads depend on thresholds and the time zone. */
  public SettingsModule(Pool pool, SecretBox secretBox, AppConfig config, ProfileRepository profiles,
                        Function<UUID, Future<?>> profileChanged, AuthHandler requireUser) {
    this.apiKeys = new ApiKeyService(new ApiKeyRepository(pool), secretBox, config);
    this.policies = new DataPolicyRepository(pool);
    this.routes = new SettingsRoutes(apiKeys, profiles, requireUser, profileChanged, policies);
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
