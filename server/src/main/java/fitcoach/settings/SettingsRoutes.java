package fitcoach.settings;

import fitcoach.app.Json;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Settings routes under /api/settings: LLM provider keys and the athlete profile. All need a signed-in athlete. */
public final class SettingsRoutes {
  private final ApiKeyService apiKeys;
  private final ProfileRepository profiles;
  private final AuthHandler requireUser;
  private final Function<UUID, Future<?>> profileChanged;

  /** {@code profileChanged} runs after a saved profile, before the answer: loads depend on thresholds and the time zone. */
  public SettingsRoutes(ApiKeyService apiKeys, ProfileRepository profiles, AuthHandler requireUser,
                        Function<UUID, Future<?>> profileChanged) {
    this.apiKeys = apiKeys;
    this.profiles = profiles;
    this.requireUser = requireUser;
    this.profileChanged = profileChanged;
  }

  public void mount(Router router) {
    router.route("/api/settings/*").handler(requireUser);
    router.get("/api/settings/apikey").handler(this::listKeys);
    router.post("/api/settings/apikey").handler(this::saveKey);
    router.delete("/api/settings/apikey/:provider").handler(this::deleteKey);
    router.get("/api/settings/profile").handler(this::getProfile);
    router.put("/api/settings/profile").handler(this::putProfile);
  }

  private void listKeys(RoutingContext ctx) {
    apiKeys.list(userId(ctx)).onSuccess(keys -> Json.ok(ctx, Map.of("providers", keys))).onFailure(ctx::fail);
  }

  private void saveKey(RoutingContext ctx) {
    ApiKeyRequest request = ApiKeyRequest.from(Json.body(ctx));
    apiKeys.save(userId(ctx), request).onSuccess(view -> Json.ok(ctx, view)).onFailure(ctx::fail);
  }

  private void deleteKey(RoutingContext ctx) {
    Provider provider = Provider.parse(ctx.pathParam("provider"), "provider");
    apiKeys.delete(userId(ctx), provider).onSuccess(v -> Json.ok(ctx, Map.of("ok", true))).onFailure(ctx::fail);
  }

  private void getProfile(RoutingContext ctx) {
    profiles.find(userId(ctx)).onSuccess(p -> Json.ok(ctx, p)).onFailure(ctx::fail);
  }

  private void putProfile(RoutingContext ctx) {
    var body = Json.body(ctx);
    UUID userId = userId(ctx);
    profiles.find(userId)
        .map(current -> ProfileUpdate.apply(current, body))
        .compose(updated -> profiles.save(userId, updated))
        .compose(saved -> profileChanged.apply(userId).map(v -> saved))
        .onSuccess(p -> Json.ok(ctx, p))
        .onFailure(ctx::fail);
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }
}
