package fitcoach.settings;

import fitcoach.app.Json;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.UUID;
import java.time.LocalDate;
import java.util.function.BiFunction;

/** Settings routes under /api/settings: LLM provider keys and the athlete profile. All need a signed-in athlete. */
public final class SettingsRoutes {
  private final ApiKeyService apiKeys;
  private final ProfileRepository profiles;
  private final AuthHandler requireUser;
  private final BiFunction<UUID, LocalDate, Future<?>> recompute;
  private final DataPolicyRepository policies;
  private final ThresholdRoutes thresholds;

  /**
   * {@code recompute} brings loads and the chart up to date from a day (LocalDate.MIN: all of history); it runs after a
   * saved profile or threshold, before the answer: loads depend on thresholds, sex and age.
   */
  public SettingsRoutes(ApiKeyService apiKeys, ProfileRepository profiles, AuthHandler requireUser,
                        BiFunction<UUID, LocalDate, Future<?>> recompute, DataPolicyRepository policies,
                        ThresholdRoutes thresholds) {
    this.policies = policies;
    this.apiKeys = apiKeys;
    this.profiles = profiles;
    this.requireUser = requireUser;
    this.recompute = recompute;
    this.thresholds = thresholds;
  }

  public void mount(Router router) {
    router.route("/api/settings/*").handler(requireUser);
    router.get("/api/settings/apikey").handler(this::listKeys);
    router.post("/api/settings/apikey").handler(this::saveKey);
    router.delete("/api/settings/apikey/:provider").handler(this::deleteKey);
    router.get("/api/settings/profile").handler(this::getProfile);
    router.put("/api/settings/profile").handler(this::putProfile);
    thresholds.mount(router);
    router.get("/api/settings/data-policy").handler(this::getPolicy);
    router.put("/api/settings/data-policy").handler(this::putPolicy);
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

  /**
   * The profile's thresholds are the values in force on the athlete's today: a new number becomes the entry dated today,
   * null removes the kind's entries. Loads are recomputed from the first day whose thresholds changed, or from the start
   * when sex or birth year (the estimates' inputs) changed.
   */
  private void putProfile(RoutingContext ctx) {
    var body = Json.body(ctx);
    UUID userId = userId(ctx);
    profiles.findWithHistory(userId).compose(before -> {
      AthleteProfile current = before.profile();
      AthleteProfile updated = ProfileUpdate.apply(current, body);
      return profiles.save(userId, current, updated).compose(saved -> {
        boolean estimatesChanged = !java.util.Objects.equals(current.sex(), updated.sex())
            || !java.util.Objects.equals(current.birthYear(), updated.birthYear())
            || !java.util.Objects.equals(current.timeZone(), updated.timeZone());
        var from = estimatesChanged ? java.util.Optional.of(LocalDate.MIN)
            : fitcoach.load.ThresholdHistory.earliestDifference(before.history(), saved.history());
        return from.<Future<?>>map(day -> recompute.apply(userId, day)).orElse(Future.succeededFuture()).map(v -> saved.profile());
      });
    }).onSuccess(p -> Json.ok(ctx, p)).onFailure(ctx::fail);
  }

  private void getPolicy(RoutingContext ctx) {
    policies.find(userId(ctx)).onSuccess(p -> Json.ok(ctx, policyView(p))).onFailure(ctx::fail);
  }

  /** Turning Strava API data on needs {@code acknowledgement} to be the exact sentence shown to the athlete. */
  private void putPolicy(RoutingContext ctx) {
    var f = new fitcoach.app.JsonFields(Json.body(ctx), "allowStravaApi", "acknowledgement", "stravaRetention");
    UUID userId = userId(ctx);
    policies.find(userId).compose(current -> {
      boolean allow = f.optionalBoolean("allowStravaApi", current.allowStravaApi());
      if (allow && !current.allowStravaApi() && !DataPolicy.ACKNOWLEDGEMENT.equals(f.optionalString("acknowledgement", 500))) {
        throw fitcoach.app.ApiException.invalid("acknowledgement", "acknowledgement_required",
            "To let the coach read Strava API data, send the acknowledgement shown in Settings: " + DataPolicy.ACKNOWLEDGEMENT);
      }
      String retention = f.has("stravaRetention")
          ? f.optionalEnum("stravaRetention", java.util.Set.of("keep", "strava_policy")) : current.stravaRetention();
      if (retention == null) {
        throw fitcoach.app.ApiException.invalid("stravaRetention", "required", "'stravaRetention' cannot be empty");
      }
      return policies.save(userId, allow, retention);
    }).onSuccess(p -> Json.ok(ctx, policyView(p))).onFailure(ctx::fail);
  }

  private static java.util.Map<String, Object> policyView(DataPolicy p) {
    java.util.Map<String, Object> v = new java.util.LinkedHashMap<>();
    v.put("alwaysEligible", fitcoach.activities.ActivitySource.readableByCoach(false));
    v.put("allowStravaApi", p.allowStravaApi());
    v.put("stravaApiAcknowledgedAt", p.stravaApiAcknowledgedAt());
    v.put("stravaRetention", p.stravaRetention());
    v.put("acknowledgementText", DataPolicy.ACKNOWLEDGEMENT);
    v.put("localModelNote", "The same choice applies to a local model: it decides what the coach reads, wherever the model runs.");
    v.put("updatedAt", p.updatedAt());
    return v;
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }
}
