package fitcoach.strava;

import fitcoach.activities.ActivityStore;
import fitcoach.analytics.LoadService;
import fitcoach.app.JobState;
import fitcoach.metrics.Meters;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Strava API copies within Strava's rules without losing them. Strava's API Policy lets an app keep a copy for
 * at most 7 days unless Strava confirms it again, and wants deletions on Strava reflected within 48 hours; an
 * incremental sync only ever asks for newer activities. So, while the athlete stays connected, a quiet background
 * refresh has Strava re-confirm every copy about daily, and copies Strava no longer has go. Only copies that could not
 * be refreshed (Strava asks to reconnect, refreshes failing for days) reach the 7-day limit, and the retention removes
 * them then. One instance; jobs resume after a restart.
 */
final class RefreshVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RefreshVerticle.class);
  /** A copy is re-confirmed once it is a day old: deletions on Strava show within 48 h, and failures have days to pass. */
  static final Duration REFRESH_AFTER = Duration.ofDays(1);
  /** Refreshes are background work: they use at most half of each rate-limit window, the rest stays the athlete's. */
  private static final double BUDGET_SHARE = 0.5;
  private static final long MAINTAIN_MS = 3_600_000;
  private final StravaRepository repository;
  private final StravaCopies copies;
  private final ActivityStore store;
  private final StravaClient client;
  private final StravaTokens tokens;
  private final RateLimiter limiter;
  private final LoadService load;
  private final Clock clock;
  private final int pageSize;
  private final long retryBaseMs;
  private final Meters meters;
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();

  RefreshVerticle(StravaRepository repository, ActivityStore store, StravaClient client, StravaTokens tokens, RateLimiter limiter,
                  LoadService load, Clock clock, int pageSize, long retryBaseMs, Meters meters) {
    this.repository = repository;
    this.copies = new StravaCopies(store);
    this.store = store;
    this.client = client;
    this.tokens = tokens;
    this.limiter = limiter;
    this.load = load;
    this.clock = clock;
    this.pageSize = pageSize;
    this.retryBaseMs = retryBaseMs;
    this.meters = meters;
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<Void>consumer(Addresses.MAINTAIN, msg -> maintain()
        .onSuccess(msg::reply).onFailure(err -> msg.fail(500, String.valueOf(err.getMessage()))));
    vertx.setPeriodic(MAINTAIN_MS, id -> maintain());
    // The retention runs before the worker counts as started, so a restart never serves expired Strava data; refreshes a
    // previous run left unfinished continue from their cursor.
    return applyRetention().compose(v -> repository.unfinishedRefreshes()).onSuccess(jobs -> jobs.forEach(this::run))
        .compose(v -> startDue());
  }

  /** The retention, then the refreshes that are due; how many started. */
  private Future<Integer> maintain() {
    return applyRetention().compose(v -> startDue());
  }

  private Future<Void> applyRetention() {
    return store.expireStravaCopies().onSuccess(removed -> {
      if (removed > 0) {
        LOG.info("Removed {} Strava API copies Strava had not confirmed for 7 days (retention: Strava policy)", removed);
      }
    }).<Void>mapEmpty().recover(err -> {
      LOG.warn("Applying the Strava retention failed: {}", err.getMessage());
      return Future.succeededFuture();
    });
  }

  private Future<Integer> startDue() {
    Instant now = clock.instant();
    return repository.refreshDue(now.minus(REFRESH_AFTER)).compose(users -> {
      List<Future<Boolean>> started = new ArrayList<>();
      for (UUID userId : users) {
        started.add(repository.startRefresh(userId, RefreshCursor.start(now)).map(job -> {
          job.ifPresent(this::run);
          return job.isPresent();
        }));
      }
      return Future.all(started).map(all -> (int) started.stream().filter(f -> f.result()).count());
    }).recover(err -> {
      LOG.warn("Starting Strava refreshes failed: {}", err.getMessage());
      return Future.succeededFuture(0);
    });
  }

  private void run(RefreshJob job) {
    if (running.add(job.id())) {
      LOG.debug("Refreshing Strava copies of user {}", job.userId());
      step(job.in(JobState.RUNNING, null, null), 0, false);
    }
  }

  private void step(RefreshJob job, int attempt, boolean tokenRefreshed) {
    var pause = limiter.pauseUntil(BUDGET_SHARE);
    if (pause.isPresent()) {
      waitUntil(job, pause.get(), () -> step(job, attempt, tokenRefreshed));
      return;
    }
    (job.cursor().listing() ? listPage(job) : checkOne(job)).onSuccess(next -> {
      if (next == null) {
        finish(job);
      } else {
        repository.saveRefresh(next).onSuccess(v -> step(next, 0, false))
            .onFailure(err -> fail(job, "Saving the refresh failed: " + err.getMessage()));
      }
    }).onFailure(err -> onFailure(job, err, attempt, tokenRefreshed));
  }

  /** One page of the list, newest first: every copy on it is confirmed (or added, when a sync missed it). */
  private Future<RefreshJob> listPage(RefreshJob job) {
    RefreshCursor cursor = job.cursor();
    return tokens.accessToken(job.userId()).compose(token -> client.activities(token, null, cursor.before(), 1, pageSize))
        .compose(items -> {
          // Counted as the job counts its pages: every page listed, the last (empty) one too.
          meters.stravaPage("refresh");
          List<StravaActivity> mapped = StravaActivity.page(items);
          if (items.isEmpty() || mapped.isEmpty()) {
            return Future.succeededFuture(job.advanced(cursor.checking(0, 0), 1, items.size(), 0, 0));
          }
          long oldest = mapped.stream().mapToLong(a -> a.startDate().getEpochSecond()).min().orElseThrow();
          // The next page asks for what started before the oldest one seen, that second included (activities can share
          // it); should a whole page share one second, the rest of that second is asked for one by one afterwards.
          RefreshCursor next = items.size() < pageSize ? cursor.checking(0, 0)
              : cursor.listedBefore(cursor.before() == null || oldest + 1 < cursor.before() ? oldest + 1 : oldest);
          return copies.upsertPage(job.userId(), mapped)
              .map(up -> job.advanced(next, 1, items.size(), up.inserted(), up.updated()));
        });
  }

  /** The next copy the walk did not see, asked for by id: Strava's 404 means it was deleted there. Null when done. */
  private Future<RefreshJob> checkOne(RefreshJob job) {
    RefreshCursor cursor = job.cursor();
    return repository.unconfirmed(job.userId(), cursor.since(), cursor.afterId(), 1).compose(ids -> {
      if (ids.isEmpty()) {
        return Future.succeededFuture(null);
      }
      long id = ids.get(0);
      return tokens.accessToken(job.userId()).compose(token -> client.activity(token, id))
          .compose(json -> {
            StravaActivity a = StravaActivity.from(json);
            return (a == null ? Future.succeededFuture(StravaCopies.Upserted.NONE) : copies.upsertPage(job.userId(), List.of(a)))
                .map(up -> job.advanced(cursor.checking(id, 0), 0, 0, 0, up.updated()));
          })
          .recover(err -> err instanceof StravaException e && e.kind() == StravaException.Kind.NOT_FOUND
              ? copies.deleteInBulk(job.userId(), id).map(gone -> {
                LOG.info("Strava activity {} of user {} is gone on Strava; its copy was removed", id, job.userId());
                return job.advanced(cursor.checking(id, gone.isPresent() ? 1 : 0), 0, 0, 0, 0);
              })
              : Future.failedFuture(err));
    });
  }

  private void onFailure(RefreshJob job, Throwable err, int attempt, boolean tokenRefreshed) {
    StepFailure next = StepFailure.of(err, attempt, tokenRefreshed, retryBaseMs);
    switch (next.action()) {
      case WAIT -> waitUntil(job, next.until(), () -> step(job, attempt, tokenRefreshed));
      case REFRESH_TOKEN -> tokens.refresh(job.userId()).onComplete(done -> {
        if (done.failed()) {
          onFailure(job, done.cause(), attempt, true);
        } else {
          step(job, attempt, true);
        }
      });
      case RETRY -> vertx.setTimer(next.delayMs(), id -> step(job, attempt + 1, tokenRefreshed));
      case GIVE_UP -> {
        if (!(err instanceof StravaException)) {
          LOG.error("Strava refresh {} failed unexpectedly", job.id(), err);
        }
        // The next hourly check starts a new refresh while copies are due.
        fail(job, next.reason());
      }
    }
  }

  private void waitUntil(RefreshJob job, Instant until, Runnable then) {
    // Rate-limit windows are real time, whatever the calendar says.
    long ms = Math.max(1, Duration.between(Instant.now(), until).toMillis());
    meters.stravaRateLimitWait("refresh", Duration.ofMillis(ms));
    repository.saveRefresh(job.in(JobState.WAITING, until, null)).onComplete(saved -> vertx.setTimer(ms, id -> {
      limiter.windowPassed();
      then.run();
    }));
  }

  private void finish(RefreshJob job) {
    RefreshJob done = job.in(JobState.DONE, null, null);
    LOG.info("Strava refresh for user {}: {} listed, {} confirmed, {} added, {} gone on Strava", job.userId(), job.listed(),
        job.confirmed(), job.added(), job.cursor().removed());
    load.settled(job.userId()).transform(v -> repository.saveRefresh(done)).onComplete(v -> running.remove(job.id()));
  }

  private void fail(RefreshJob job, String reason) {
    LOG.warn("Strava refresh {} for user {} failed: {}", job.id(), job.userId(), reason);
    load.settled(job.userId()).transform(v -> repository.saveRefresh(job.in(JobState.FAILED, null, reason)))
        .onComplete(v -> running.remove(job.id()));
  }
}
