package fitcoach.activities;

import fitcoach.analytics.LoadService;
import fitcoach.app.Feature;
import fitcoach.auth.AuthHandler;
import fitcoach.privacy.PrivacyService;
import fitcoach.settings.ProfileRepository;
import io.vertx.core.Deployable;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * Wires activities: the athlete's list, detail, manual entries, edits and merges under /api/activities, the RPE prompt,
 * and the feed that hears about changes other writers make to the same database. An activity's route is handed out
 * without the points inside the athlete's privacy zones ({@code privacy}).
 */
public final class ActivityModule implements Feature {
  private final RpePromptRoutes prompt;
  private final ActivityRoutes routes;
  private final ChangeFeed feed;

  public ActivityModule(ActivityStore store, ChangeFeed feed, LoadService load, ProfileRepository profiles,
                        AuthHandler requireUser, PrivacyService privacy) {
    this.prompt = new RpePromptRoutes(new RpePromptRepository(store.pool()), profiles, requireUser);
    this.routes = new ActivityRoutes(new ActivityRepository(store.pool()), store, load, profiles, requireUser, privacy);
    this.feed = feed;
  }

  @Override
  public void mount(Router router) {
    prompt.mount(router);
    routes.mount(router);
  }

  @Override
  public List<Deployable> workers() {
    return List.of(feed);
  }
}
