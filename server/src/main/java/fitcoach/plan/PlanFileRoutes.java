package fitcoach.plan;

import fitcoach.app.ApiException;
import fitcoach.app.QueryParams;
import fitcoach.auth.AuthHandler;
import fitcoach.load.DatedThresholds;
import fitcoach.tokens.TokenScope;
import fitcoach.tokens.TokenService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;

/**
 * The plan as files other apps read: a planned workout as a FIT workout file a watch or bike computer loads, and the
 * whole plan as an iCalendar feed a phone calendar subscribes to with a personal token of scope "calendar" (calendar
 * apps send no cookie or header, so the token is in the URL; it opens nothing but this feed and can be revoked).
 */
final class PlanFileRoutes {
  /** How far back the feed reaches (the last weeks, for reference); ahead, as far as a plan may go (a year). */
  static final int FEED_DAYS_BACK = 60;
  private final PlanService plan;
  private final TokenService tokens;
  private final Function<UUID, Future<DatedThresholds>> thresholds;
  private final AuthHandler requireUser;

  PlanFileRoutes(PlanService plan, TokenService tokens, Function<UUID, Future<DatedThresholds>> thresholds,
                 AuthHandler requireUser) {
    this.plan = plan;
    this.tokens = tokens;
    this.thresholds = thresholds;
    this.requireUser = requireUser;
  }

  void mount(Router router) {
    router.get("/api/plan/calendar.ics").handler(this::feed);
    router.get("/api/plan/workouts/:id/fit").handler(requireUser).handler(this::fit);
  }

  private void fit(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    UUID id = QueryParams.pathId(ctx, "id", "No such planned workout");
    plan.workout(userId, id)
        .compose(w -> thresholds.apply(userId).compose(dated -> {
          // Only a threshold the athlete entered: a watch holding a guessed heart rate would pace the session wrongly.
          fitcoach.load.Thresholds t = dated.on(w.date());
          Integer lthrBpm = !t.lthrEstimated() && Double.isFinite(t.lthr()) && t.lthr() > 0 ? (int) Math.round(t.lthr()) : null;
          // The FIT SDK's encoder loads its message tables on first use: off the event loop, like file parsing.
          return ctx.vertx().executeBlocking(() -> FitWorkoutFile.encode(w, lthrBpm, Instant.now()), false);
        }).map(bytes -> {
          ctx.response()
              .putHeader("Content-Type", "application/vnd.ant.fit")
              .putHeader("Content-Disposition", "attachment; filename=\"" + fileName(w) + "\"")
              .putHeader("Cache-Control", "no-store")
              .end(Buffer.buffer(bytes));
          return null;
        }))
        .onFailure(ctx::fail);
  }

  private void feed(RoutingContext ctx) {
    String token = ctx.queryParams().get("token");
    if (token == null || token.isBlank()) {
      ctx.fail(ApiException.unauthorized("Subscribe with the feed's address from Settings: it ends in ?token=… (a "
          + "personal token for the calendar)."));
      return;
    }
    tokens.authenticateToken(token.strip(), TokenScope.CALENDAR).compose(grant -> {
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      LocalDate from = today.minusDays(FEED_DAYS_BACK);
      LocalDate to = fitcoach.app.DateWindow.latest();
      return Future.all(plan.workouts(grant.userId(), from, to), plan.events(grant.userId(), from, to))
          .compose(all -> ctx.vertx().executeBlocking(() -> CalendarFeed.write(all.resultAt(0), all.resultAt(1),
              Instant.now()), false))
          .compose(text -> tokens.markUsed(grant).map(v -> text));
    }).onSuccess(text -> ctx.response()
        .putHeader("Content-Type", "text/calendar; charset=utf-8")
        .putHeader("Cache-Control", "private, no-store")
        .end(text)).onFailure(ctx::fail);
  }

  /** A file name made of the workout's date and plain letters of its title. */
  static String fileName(PlannedWorkout w) {
    String title = w.title().replaceAll("[^A-Za-z0-9 _-]", "").trim().replaceAll("\\s+", "-");
    if (title.length() > 40) {
      title = title.substring(0, 40);
    }
    return w.date() + (title.isEmpty() ? "" : "-" + title) + ".fit";
  }
}
