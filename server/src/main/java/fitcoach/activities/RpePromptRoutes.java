package fitcoach.activities;

import fitcoach.app.ApiException;
import fitcoach.app.Json;
import fitcoach.app.QueryParams;
import fitcoach.auth.AuthHandler;
import fitcoach.settings.ProfileRepository;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's "how hard did it feel?" prompt: the newest activity of the athlete's last {@value #DAYS} local dates
 * that has no RPE and was not dismissed. The answer is a PATCH of its {@code rpe}, which gives an activity without
 * power or heart rate its session-RPE load.
 */
public final class RpePromptRoutes {
  /** How many local dates, today included, an unrated activity is asked about. */
  static final int DAYS = 3;
  private final RpePromptRepository prompts;
  private final ProfileRepository profiles;
  private final AuthHandler requireUser;

  public RpePromptRoutes(RpePromptRepository prompts, ProfileRepository profiles, AuthHandler requireUser) {
    this.prompts = prompts;
    this.profiles = profiles;
    this.requireUser = requireUser;
  }

  /** Mounted before the activity routes, so that {@code rpe-prompt} is not read as an activity id. */
  public void mount(Router router) {
    router.get("/api/activities/rpe-prompt").handler(requireUser).handler(this::pending);
    router.post("/api/activities/:id/rpe-prompt/dismiss").handler(requireUser).handler(this::dismiss);
  }

  private void pending(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    profiles.find(userId)
        .compose(profile -> prompts.pending(userId, ProfileRepository.today(profile).minusDays(DAYS - 1)))
        .onSuccess(prompt -> Json.ok(ctx, prompt.orElse(null)))
        .onFailure(ctx::fail);
  }

  private void dismiss(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    UUID id = QueryParams.pathId(ctx, "id", "No such activity");
    prompts.dismiss(userId, id)
        .onSuccess(owned -> {
          if (owned) {
            Json.ok(ctx, Map.of("ok", true));
          } else {
            ctx.fail(ApiException.notFound("No such activity"));
          }
        })
        .onFailure(ctx::fail);
  }
}
