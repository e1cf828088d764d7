package fitcoach.strava;

import fitcoach.activities.ActivityStore;
import fitcoach.analytics.LoadService;
import fitcoach.app.JobState;
import fitcoach.metrics.Meters;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Strava worker: runs sync jobs page by page (persisting progress after each page, so a restart resumes them),
 * waits out rate limits, retries transient failures, and processes stored webhook events. One instance.
 */
public final class SyncVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SyncVerticle.class);
  private static final long EVENT_RETRY_MS = 30_000;
  private static final long PRUNE_MS = 3_600_000;
  private static final long FIRST_SETTLE_INTERVAL_MS = 10_000;
  private static final long MAX_SETTLE_INTERVAL_MS = 60_000;
  private final StravaRepository repository;
  private final StravaCopies copies;
  private final StravaClient client;
  private final StravaTokens tokens;
  private final RateLimiter limiter;
  private final LoadService load;
  private final int pageSize;
  private final long retryBaseMs;
  private final Meters meters;
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  private final Set<Long> processing = ConcurrentHashMap.newKeySet();
  /** When each running sync next brings loads up to date mid-sync (System.nanoTime), and the interval it is at. */
  private final java.util.Map<UUID, Settling> settling = new ConcurrentHashMap<>();

  private record Settling(long next, long interval) {
  }
  private final AtomicBoolean eventWakeUpScheduled = new AtomicBoolean();

  SyncVerticle(StravaRepository repository, ActivityStore store, StravaClient client, StravaTokens tokens, RateLimiter limiter,
               LoadService load, int pageSize, long retryBaseMs, Meters meters) {
    this.repository = repository;
    this.copies = new StravaCopies(store);
    this.client = client;
    this.tokens = tokens;
    this.limiter = limiter;
    this.load = load;
    this.pageSize = pageSize;
    this.retryBaseMs = retryBaseMs;
    this.meters = meters;
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<String>consumer(Addresses.RUN_SYNC, msg -> resume(UUID.fromString(msg.body())));
    vertx.eventBus().<Long>consumer(Addresses.PROCESS_EVENT, msg -> processEvent(msg.body()));
    vertx.setPeriodic(EVENT_RETRY_MS, id -> retryPendingEvents());
    vertx.setPeriodic(PRUNE_MS, id -> pruneEvents());
    // In-process only (the browser bridge carries no inbound messages): prunes now and answers how many went.
    vertx.eventBus().<Void>consumer(Addresses.PRUNE_EVENTS, msg -> repository.pruneEvents(WebhookEvent.KEEP_DAYS)
        .onSuccess(msg::reply).onFailure(err -> msg.fail(500, err.getMessage())));
    // Jobs a previous run left unfinished (a crash, kill -9, a restart) continue from their stored cursor.
    return pruneEvents().compose(v -> repository.unfinishedJobs()).onSuccess(jobs -> jobs.forEach(job -> {
      LOG.info("Resuming Strava sync {} for user {} at page {}", job.id(), job.userId(), job.cursor().page());
      run(job);
    }));
  }

  private void resume(UUID jobId) {
    repository.unfinishedJobs().onSuccess(jobs -> jobs.stream().filter(j -> j.id().equals(jobId)).findFirst().ifPresent(this::run));
  }

  private void run(SyncJob job) {
    if (!running.add(job.id())) {
      return;
    }
    step(job.in(JobState.RUNNING, null, null), 0, false, null);
  }

  private void step(SyncJob job, int attempt, boolean refreshed, LocalDate changedFrom) {
    step(job, attempt, refreshed, changedFrom, null);
  }

  /** Processes the job's next page, fetching it unless it was already requested while the previous page was stored. */
  private void step(SyncJob job, int attempt, boolean refreshed, LocalDate changedFrom, Future<JsonArray> prefetched) {
    Future<JsonArray> page = prefetched;
    if (page == null) {
      var pause = limiter.pauseUntil();
      if (pause.isPresent()) {
        waitUntil(job, pause.get(), () -> step(job, attempt, refreshed, changedFrom));
        return;
      }
      page = fetch(job, job.cursor().page());
    }
    page.onSuccess(items -> onPage(job, items, changedFrom))
        .onFailure(err -> onFailure(job, err, attempt, refreshed, changedFrom));
  }

  private Future<JsonArray> fetch(SyncJob job, int page) {
    SyncCursor cursor = job.cursor();
    long t0 = System.nanoTime();
    return tokens.accessToken(job.userId())
        .compose(token -> client.activities(token, cursor.after(), cursor.before(), page, pageSize))
        .onSuccess(items -> LOG.debug("Strava sync {}: page {} fetched in {} ms", job.id(), page, (System.nanoTime() - t0) / 1_000_000));
  }

  private void onPage(SyncJob job, JsonArray items, LocalDate changedFrom) {
    LOG.debug("Strava sync {}: page {} with {} activities", job.id(), job.cursor().page(), items.size());
    if (items.isEmpty()) {
      finish(job, changedFrom);
      return;
    }
    // Counted as the job's pagesFetched is: pages with activities.
    meters.stravaPage("sync");
    List<StravaActivity> mapped = StravaActivity.page(items);
    // Strava answers the next page while this one is stored; the cursor still moves only after the store.
    int page = job.cursor().page();
    Future<JsonArray> following = items.size() >= pageSize && limiter.pauseUntil().isEmpty() ? fetch(job, page + 1) : null;
    long t0 = System.nanoTime();
    // Pages are bulk writes: the store marks them, and loads are brought up to date when the sync ends or waits.
    copies.upsertPage(job.userId(), mapped).compose(up -> {
      LOG.debug("Strava sync {}: page {} stored in {} ms", job.id(), page, (System.nanoTime() - t0) / 1_000_000);
      int pages = job.pagesFetched() + 1;
      SyncJob progressed = job.with(JobState.RUNNING, job.cursor().next(), pages, job.activitiesFetched() + items.size(),
          job.activitiesNew() + up.inserted(), job.activitiesUpdated() + up.updated(), null, null);
      // A long first sync fills the chart in as pages are stored, without holding up the next page: after the first
      // page, then 10 s later, then at doubling intervals. Each recompute covers the whole history stored so far, and
      // thresholds estimated from a growing history move every load, so a fast backfill (10,000 activities in
      // seconds) settles once mid-way, not every page; a wait for the rate limit and the end settle the rest.
      long now = System.nanoTime();
      Settling due = settling.get(job.id());
      if (due == null || now >= due.next()) {
        long interval = due == null ? FIRST_SETTLE_INTERVAL_MS : Math.min(due.interval() * 2, MAX_SETTLE_INTERVAL_MS);
        settling.put(job.id(), new Settling(now + interval * 1_000_000, interval));
        load.settled(job.userId()).onFailure(err -> LOG.warn("Bringing loads up to date mid-sync failed: {}", err.getMessage()));
      }
      return save(progressed).map(v -> new Progress(progressed, changedFrom));
    }).onSuccess(p -> step(p.job(), 0, false, p.changedFrom(), following))
        .onFailure(err -> fail(job, "Storing Strava activities failed: " + err.getMessage()));
  }

  /** A stored page: the job's new position and the earliest day whose loads still need recomputing. */
  private record Progress(SyncJob job, LocalDate changedFrom) {
  }

  private void onFailure(SyncJob job, Throwable err, int attempt, boolean refreshed, LocalDate changedFrom) {
    StepFailure next = StepFailure.of(err, attempt, refreshed, retryBaseMs);
    switch (next.action()) {
      case WAIT -> waitUntil(job, next.until(), () -> step(job, attempt, refreshed, changedFrom));
      case REFRESH_TOKEN -> tokens.refresh(job.userId()).onComplete(done -> {
        if (done.failed()) {
          onFailure(job, done.cause(), attempt, true, changedFrom);
        } else {
          step(job, attempt, true, changedFrom);
        }
      });
      case RETRY -> {
        LOG.info("Strava sync {}: {}; retrying in {} ms", job.id(), next.reason(), next.delayMs());
        vertx.setTimer(next.delayMs(), id -> step(job, attempt + 1, refreshed, changedFrom));
      }
      case GIVE_UP -> {
        if (!(err instanceof StravaException)) {
          LOG.error("Strava sync {} failed unexpectedly", job.id(), err);
        }
        fail(job, next.reason());
      }
    }
  }

  private void waitUntil(SyncJob job, Instant until, Runnable then) {
    // A wait can last until the next rate window: what is stored so far counts meanwhile.
    load.settled(job.userId()).onFailure(err -> LOG.warn("Bringing loads up to date before a wait failed: {}", err.getMessage()));
    SyncJob waiting = job.in(JobState.WAITING, until, null);
    long ms = Math.max(1, Duration.between(Instant.now(), until).toMillis());
    LOG.info("Strava sync {} waits for the rate limit until {}", job.id(), until);
    meters.stravaRateLimitWait("sync", Duration.ofMillis(ms));
    save(waiting).onComplete(saved -> vertx.setTimer(ms, id -> {
      limiter.windowPassed();
      then.run();
    }));
  }

  private void finish(SyncJob job, LocalDate changedFrom) {
    SyncJob done = job.in(JobState.DONE, null, null);
    // "Done" means the numbers include everything the sync stored.
    load.settled(job.userId()).compose(v -> repository.markSynced(job.userId()))
        .compose(v -> job.activitiesNew() > 1000 ? repository.analyze() : Future.succeededFuture())
        .compose(v -> save(done))
        .onComplete(v -> forget(job));
  }

  private void fail(SyncJob job, String reason) {
    LOG.warn("Strava sync {} for user {} failed: {}", job.id(), job.userId(), reason);
    SyncJob failed = job.in(JobState.FAILED, null, reason);
    // What was stored before the failure counts: the job ends once loads include it.
    load.settled(job.userId()).transform(v -> save(failed)).onComplete(v -> forget(job));
  }

  private void forget(SyncJob job) {
    running.remove(job.id());
    settling.remove(job.id());
  }

  private Future<Void> save(SyncJob job) {
    return repository.saveJob(job).onSuccess(v ->
        vertx.eventBus().publish(Addresses.sync(job.userId()), fitcoach.app.Json.toJsonObject(SyncProgress.of(job, limiter))));
  }

  // --- Webhook events: hints, confirmed with Strava before anything changes ---

  private void retryPendingEvents() {
    repository.pendingEvents().onSuccess(events -> events.forEach(this::process));
  }

  private void processEvent(long eventId) {
    repository.pendingEvent(eventId).onSuccess(found -> found.ifPresent(this::process));
  }

  private void process(StravaRepository.Event event) {
    if (processing.add(event.id())) {
      handle(event).onComplete(done -> processing.remove(event.id()));
    }
  }

  private Future<Void> handle(StravaRepository.Event event) {
    JsonObject e = event.payload();
    return repository.subscription().compose(subscription -> {
      // Checked again: the subscription or the connection may have gone since the event was stored.
      Long subscriptionId = e.getValue("subscription_id") instanceof Number n ? n.longValue() : null;
      if (subscription.isEmpty() || subscriptionId == null || subscription.get().id() != subscriptionId) {
        return repository.finishEvent(event.id(), "ignored: not our subscription", null, null);
      }
      Long owner = e.getValue("owner_id") instanceof Number n ? n.longValue() : null;
      if (owner == null) {
        return repository.finishEvent(event.id(), "ignored: no owner", null, null);
      }
      return repository.connectionByAthlete(owner).compose(connection -> {
        if (connection.isEmpty()) {
          return repository.finishEvent(event.id(), "ignored: unknown athlete", null, null);
        }
        var pause = limiter.pauseUntil();
        if (pause.isPresent()) {
          return defer(event, pause.get());
        }
        UUID userId = connection.get().userId();
        return apply(connection.get(), e)
            .compose(outcome -> repository.finishEvent(event.id(), outcome, null, userId))
            .recover(err -> {
              if (err instanceof StravaException se && se.kind() == StravaException.Kind.RATE_LIMITED) {
                return defer(event, se.resumeAt());
              }
              LOG.warn("Webhook event {} could not be confirmed: {}", event.id(), err.getMessage());
              return repository.finishEvent(event.id(), "error", err.getMessage() == null ? err.toString() : err.getMessage(), userId);
            });
      });
    });
  }

  /** Leaves the event pending, without spending an attempt, and looks at the pending events again when the limit lifts. */
  private Future<Void> defer(StravaRepository.Event event, Instant until) {
    if (eventWakeUpScheduled.compareAndSet(false, true)) {
      vertx.setTimer(Math.max(1, Duration.between(Instant.now(), until).toMillis()), id -> {
        eventWakeUpScheduled.set(false);
        limiter.windowPassed();
        retryPendingEvents();
      });
    }
    return repository.deferEvent(event.id(), "waiting for Strava's rate limit until " + until);
  }

  private Future<String> apply(StravaRepository.Connection connection, JsonObject e) {
    UUID userId = connection.userId();
    String objectType = e.getString("object_type", "");
    long objectId = e.getValue("object_id") instanceof Number n ? n.longValue() : -1;
    if ("athlete".equals(objectType)) {
      JsonObject updates = e.getValue("updates") instanceof JsonObject u ? u : new JsonObject();
      if (!"false".equals(String.valueOf(updates.getValue("authorized")))) {
        return Future.succeededFuture("ignored: athlete update");
      }
      return tokenRevoked(connection).compose(revoked -> {
        if (!revoked) {
          return Future.succeededFuture("ignored: Strava still accepts the token");
        }
        // Strava confirms the athlete revoked access: the tokens and every Strava API copy go (Strava's rules); file,
        // export and manual copies stay.
        return copies.removeAll(userId).compose(ActivityStore.Stored::whenSettled).map(removed -> {
          LOG.info("User {} revoked FitCoach on Strava: the connection and {} Strava API copies were removed", userId, removed);
          vertx.eventBus().publish(Addresses.sync(userId), new JsonObject().put("state", "disconnected"));
          return "deauthorized";
        });
      });
    }
    if (!"activity".equals(objectType) || objectId < 0) {
      return Future.succeededFuture("ignored: unknown object");
    }
    // Whatever the event says, Strava's current state decides: events can be forged, duplicated or out of order.
    return stravaActivity(userId, objectId).compose(found -> {
      if (found.isEmpty()) {
        return deleteLocally(userId, objectId);
      }
      JsonObject json = found.get();
      Long athlete = json.getValue("athlete") instanceof JsonObject a && a.getValue("id") instanceof Number n ? n.longValue() : null;
      if (athlete == null || athlete != connection.athleteId()) {
        return Future.succeededFuture("ignored: another athlete's activity");
      }
      if ("delete".equals(e.getString("aspect_type"))) {
        return Future.succeededFuture("ignored: still on Strava");
      }
      StravaActivity a = StravaActivity.from(json);
      if (a == null) {
        return Future.succeededFuture("ignored: unreadable activity");
      }
      return copies.upsert(userId, List.of(a)).compose(ActivityStore.Stored::whenSettled).map(up -> {
        String change = up.inserted() > 0 ? "created" : "updated";
        notifyActivity(userId, change, objectId);
        return change;
      });
    });
  }

  /** Strava answered 404 to a token it accepts: the activity is gone (or no longer visible), so FitCoach's copy goes. */
  private Future<String> deleteLocally(UUID userId, long objectId) {
    return copies.delete(userId, objectId).compose(ActivityStore.Stored::whenSettled).map(day -> {
      if (day.isEmpty()) {
        return "gone on Strava (was not stored)";
      }
      notifyActivity(userId, "deleted", objectId);
      return "deleted: gone on Strava";
    });
  }

  /**
   * The activity as Strava has it now, or empty when Strava answers 404. Strava checks the token before it looks the
   * activity up, so a 404 is only ever an answer for a valid token; a 401 is a token problem (refresh once, then fail).
   */
  private Future<Optional<JsonObject>> stravaActivity(UUID userId, long id) {
    Function<String, Future<JsonObject>> fetch = token -> client.activity(token, id);
    return tokens.accessToken(userId).compose(fetch)
        .recover(err -> kind(err) == StravaException.Kind.UNAUTHORIZED ? tokens.refresh(userId).compose(fetch) : Future.failedFuture(err))
        .map(Optional::of)
        .recover(err -> kind(err) == StravaException.Kind.NOT_FOUND ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(err));
  }

  /**
   * Whether Strava no longer honours FitCoach's authorisation: the stored access token answers 401 and so does the
   * refresh (Strava refuses the refresh token), or a freshly refreshed token answers 401. A working token means the
   * deauthorisation event was not Strava's. Rate limits and outages fail, so the event waits and is tried again.
   */
  private Future<Boolean> tokenRevoked(StravaRepository.Connection connection) {
    UUID userId = connection.userId();
    return tokenWorks(tokens.decryptAccess(userId, connection.encryptedAccess())).compose(works -> {
      if (works) {
        return Future.succeededFuture(false);
      }
      return tokens.refresh(userId).transform(refreshed -> {
        if (refreshed.failed()) {
          return refreshRefused(refreshed.cause()) ? Future.succeededFuture(true) : Future.failedFuture(refreshed.cause());
        }
        return tokenWorks(refreshed.result()).map(fresh -> !fresh);
      });
    });
  }

  /** True when Strava accepts the token, false when it answers 401 for it; fails when Strava cannot tell now. */
  private Future<Boolean> tokenWorks(String accessToken) {
    return client.athlete(accessToken).map(true).recover(err -> switch (kind(err)) {
      case UNAUTHORIZED -> Future.succeededFuture(false);
      // 401 for a missing scope: the token itself is valid.
      case REAUTHORIZE -> Future.succeededFuture(true);
      default -> Future.failedFuture(err);
    });
  }

  /** Strava's token endpoint refused the refresh token (400/401), as it does once the athlete has deauthorised. */
  private static boolean refreshRefused(Throwable err) {
    return err instanceof StravaException e && e.kind() == StravaException.Kind.REAUTHORIZE && (e.status() == 400 || e.status() == 401);
  }

  private static StravaException.Kind kind(Throwable err) {
    return err instanceof StravaException e ? e.kind() : null;
  }

  private Future<Void> pruneEvents() {
    return repository.pruneEvents(WebhookEvent.KEEP_DAYS).onSuccess(n -> {
      if (n > 0) {
        LOG.info("Deleted {} webhook events older than {} days", n, WebhookEvent.KEEP_DAYS);
      }
    }).<Void>mapEmpty().recover(err -> {
      LOG.warn("Pruning webhook events failed: {}", err.getMessage());
      return Future.succeededFuture();
    });
  }

  private void notifyActivity(UUID userId, String change, long stravaId) {
    vertx.eventBus().publish(Addresses.activities(userId),
        new JsonObject().put("change", change).put("source", "strava").put("externalId", Long.toString(stravaId)));
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
