package fitcoach.strava;

import fitcoach.activities.ActivityStore;
import fitcoach.app.ApiException;
import fitcoach.privacy.PrivacyZones;
import fitcoach.app.AppConfig;
import fitcoach.app.SyncMode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Connecting, disconnecting and syncing Strava, and the push subscription. The work itself runs in {@link SyncVerticle}. */
public final class StravaService {
  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
  private static final Duration INCREMENTAL_OVERLAP = Duration.ofDays(1);
  private final Vertx vertx;
  private final AppConfig config;
  private final StravaRepository repository;
  private final StravaCopies copies;
  private final StravaClient client;
  private final StravaTokens tokens;
  private final RateLimiter limiter;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final WebhookBudget webhookBudget;
  private final fitcoach.settings.DataPolicyRepository policies;
  /** What day it is for the data's age (see FitCoachApp.start); {@code clock} keeps real time for states and budgets. */
  private final Clock calendar;

  StravaService(Vertx vertx, AppConfig config, StravaRepository repository, StravaCopies copies, StravaClient client,
                StravaTokens tokens, RateLimiter limiter, Clock clock, Clock calendar, fitcoach.settings.DataPolicyRepository policies) {
    this.policies = policies;
    this.calendar = calendar;
    this.vertx = vertx;
    this.config = config;
    this.repository = repository;
    this.copies = copies;
    this.client = client;
    this.tokens = tokens;
    this.limiter = limiter;
    this.clock = clock;
    this.webhookBudget = new WebhookBudget(clock, WebhookEvent.PER_MINUTE, Duration.ofMinutes(1));
  }

  /** The authorize URL to send the athlete to, with a fresh single-use state bound to them. */
  Future<String> connectUrl(UUID userId, String redirectUri) {
    requireConfigured();
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return repository.saveState(state, userId, clock.instant().plus(STATE_LIFETIME))
        .map(v -> client.authorizeUrl(state, redirectUri));
  }

  /** Outcome of the OAuth callback, as the reason shown in the UI ("connected" or why not). */
  Future<String> completeConnection(String state, String code, String scope, String error, UUID signedInUser) {
    if (state == null || state.isBlank()) {
      return Future.succeededFuture("missing_state");
    }
    return repository.consumeState(state).compose(result -> {
      if (result instanceof String reason) {
        return Future.succeededFuture(reason + "_state");
      }
      UUID userId = (UUID) result;
      if (signedInUser != null && !signedInUser.equals(userId)) {
        return Future.succeededFuture("forged_state");
      }
      if (error != null) {
        return Future.succeededFuture("access_denied".equals(error) ? "denied" : "error");
      }
      List<String> scopes = scope == null ? List.of() : Arrays.stream(scope.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      if (!scopes.contains("activity:read_all")) {
        return Future.succeededFuture("missing_activity_scope");
      }
      if (code == null || code.isBlank()) {
        return Future.succeededFuture("missing_code");
      }
      return client.exchangeCode(code).compose(t -> {
        JsonObject athlete = t.athlete() == null ? new JsonObject() : t.athlete();
        Long athleteId = athlete.getLong("id");
        if (athleteId == null) {
          return Future.succeededFuture("error");
        }
        return repository.saveConnection(userId, athleteId, tokens.encryptAccess(userId, t.accessToken()),
                tokens.encryptRefresh(userId, t.refreshToken()), t.expiresAt(), scopes, athlete)
            .compose(v -> startSync(userId)).map(job -> "connected");
      }).recover(err -> Future.succeededFuture(err instanceof StravaException ? "exchange_failed" : "error"));
    });
  }

  /** Starts a sync (a full backfill the first time, then incremental), or returns the one already running. */
  Future<Map.Entry<SyncJob, Boolean>> startSync(UUID userId) {
    return repository.connection(userId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(ApiException.conflict("strava_not_connected", "Connect Strava first"));
      }
      if (found.get().needsReauth()) {
        return Future.failedFuture(ApiException.conflict("strava_reauth_needed", "Strava asks you to reconnect before syncing"));
      }
      return repository.activeJob(userId).compose(active -> {
        if (active.isPresent()) {
          return Future.succeededFuture(Map.entry(active.get(), false));
        }
        return repository.newestStart(userId).compose(newest -> {
          SyncMode mode = newest.isPresent() ? SyncMode.INCREMENTAL : SyncMode.BACKFILL;
          SyncCursor cursor = newest.isPresent()
              ? SyncCursor.incremental(newest.get().minus(INCREMENTAL_OVERLAP).getEpochSecond())
              // Fixed at the start: activities uploaded during the backfill must not shift its pages.
              : SyncCursor.backfill(calendar.instant().getEpochSecond() + 60);
          return repository.startJob(userId, mode, cursor).compose(started -> started.isPresent()
              ? Future.succeededFuture(Map.entry(started.get(), true))
              : repository.activeJob(userId).map(a -> Map.entry(a.orElseThrow(), false)));
        });
      });
    }).onSuccess(entry -> {
      if (entry.getValue()) {
        vertx.eventBus().send(Addresses.RUN_SYNC, entry.getKey().id().toString());
      }
    });
  }

  Future<Map<String, Object>> status(UUID userId) {
    return Future.all(List.of(repository.connection(userId), repository.latestJob(userId), repository.copies(userId),
        repository.latestRefresh(userId), policies.find(userId))).map(all -> {
      Optional<StravaRepository.Connection> c = all.resultAt(0);
      Optional<SyncJob> job = all.resultAt(1);
      Optional<RefreshJob> refresh = all.resultAt(3);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("configured", config.stravaConfigured());
      s.put("connected", c.isPresent());
      s.put("athleteId", c.map(StravaRepository.Connection::athleteId).orElse(null));
      s.put("athleteName", c.map(x -> x.athlete() == null ? null
          : (x.athlete().getString("firstname", "") + " " + x.athlete().getString("lastname", "")).trim()).orElse(null));
      s.put("scopes", c.map(StravaRepository.Connection::scopes).orElse(List.of()));
      s.put("needsReauth", c.map(StravaRepository.Connection::needsReauth).orElse(false));
      s.put("lastSyncAt", c.map(StravaRepository.Connection::lastSyncAt).orElse(null));
      s.put("sync", job.map(j -> SyncProgress.of(j, limiter)).orElse(null));
      s.put("rateLimit", SyncProgress.RateView.of(limiter));
      s.put("copies", CopiesView.of(all.resultAt(2), all.<fitcoach.settings.DataPolicy>resultAt(4).stravaRetention(), c, refresh,
          calendar.instant()));
      s.put("refresh", refresh.map(RefreshJob::view).orElse(null));
      return s;
    });
  }

  SyncProgress progress(SyncJob job) {
    return SyncProgress.of(job, limiter);
  }

  Future<SyncProgress> currentProgress(UUID userId) {
    return repository.latestJob(userId).map(j -> j.map(x -> SyncProgress.of(x, limiter)).orElse(null));
  }

  /**
   * Revokes FitCoach on Strava (best effort: Strava may be unreachable, and the athlete's wish stands either way), then
   * forgets the tokens and removes every Strava API copy, as Strava's rules require; file, export and manual copies stay
   * and lead their workouts.
   */
  Future<Map<String, Object>> disconnect(UUID userId) {
    return repository.connection(userId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(ApiException.notFound("Strava is not connected"));
      }
      Future<Boolean> revoked = tokens.refreshToken(userId)
          .compose(token -> token.isEmpty() ? Future.succeededFuture(false) : client.revoke(token.get()).map(true))
          .otherwise(false);
      return revoked.compose(ok -> copies.removeAll(userId).compose(ActivityStore.Stored::whenSettled)
          .compose(removed -> repository.countWorkouts(userId).map(kept -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("disconnected", true);
            r.put("revokedOnStrava", ok);
            r.put("stravaCopiesRemoved", removed);
            r.put("activitiesKept", kept);
            r.put("message", "Strava is disconnected. " + removed + (removed == 1 ? " activity" : " activities")
                + " that only Strava's API held " + (removed == 1 ? "was" : "were") + " removed, as Strava's rules require; your "
                + kept + (kept == 1 ? " activity" : " activities") + " from files, exports and manual entries stay.");
            return r;
          })));
    });
  }

  /**
   * Keeps a webhook event as a hint for the worker, which confirms it with Strava before changing anything. Strava signs
   * nothing, so only events naming this instance's subscription and a connected athlete are kept, while Strava is
   * configured; the rest are dropped with the same 200 as a stored one (Strava does not retry it, and a forger learns
   * nothing from it). Beyond the per-minute cap or the backlog bound the answer is 429, which Strava retries (three
   * attempts in all). Answers fast because Strava waits at most 2 s.
   */
  Future<Void> receiveEvent(JsonObject payload) {
    Optional<WebhookEvent> parsed = WebhookEvent.from(payload);
    if (parsed.isEmpty() || !config.stravaConfigured()) {
      return Future.succeededFuture();
    }
    WebhookEvent event = parsed.get();
    return repository.eventOwner(event.subscriptionId(), event.ownerId()).compose(owner -> {
      if (owner.isEmpty()) {
        return Future.succeededFuture();
      }
      if (owner.get().pendingEvents() >= WebhookEvent.MAX_PENDING) {
        return Future.failedFuture(ApiException.tooManyRequests("Too many webhook events are waiting; try again later", 60));
      }
      Optional<Instant> full = webhookBudget.admit();
      if (full.isPresent()) {
        long seconds = Math.max(1, (Duration.between(clock.instant(), full.get()).toMillis() + 999) / 1000);
        return Future.failedFuture(ApiException.tooManyRequests(
            "More than " + WebhookEvent.PER_MINUTE + " webhook events in a minute; try again later", seconds));
      }
      return repository.insertEvent(event, owner.get().userId()).<Void>map(id -> {
        id.ifPresentOrElse(eventId -> vertx.eventBus().send(Addresses.PROCESS_EVENT, eventId), webhookBudget::release);
        return null;
      }).onFailure(err -> webhookBudget.release());
    });
  }

  Future<Map<String, Object>> createSubscription(String callbackUrl) {
    requireConfigured();
    String verifyToken = config.stravaWebhookVerifyToken().orElseThrow(() ->
        ApiException.conflict("webhook_not_configured", "Set STRAVA_WEBHOOK_VERIFY_TOKEN before creating a subscription"));
    return client.createSubscription(callbackUrl, verifyToken)
        .compose(id -> repository.saveSubscription(id, callbackUrl).map(v -> Map.<String, Object>of("id", id, "callbackUrl", callbackUrl)))
        .recover(err -> Future.failedFuture(err instanceof StravaException e
            ? ApiException.conflict("subscription_failed", e.getMessage()) : err));
  }

  Future<Map<String, Object>> subscription() {
    return repository.subscription().map(s -> {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("subscribed", s.isPresent());
      r.put("id", s.map(StravaRepository.Subscription::id).orElse(null));
      r.put("callbackUrl", s.map(StravaRepository.Subscription::callbackUrl).orElse(null));
      r.put("createdAt", s.map(StravaRepository.Subscription::createdAt).orElse(null));
      return r;
    });
  }

  Future<Void> deleteSubscription() {
    requireConfigured();
    return repository.subscription().compose(s -> s.isEmpty()
        ? Future.failedFuture(ApiException.notFound("There is no webhook subscription"))
        : client.deleteSubscription(s.get().id()).compose(v -> repository.deleteSubscriptions())
            .recover(err -> Future.failedFuture(err instanceof StravaException e
                ? ApiException.conflict("subscription_failed", e.getMessage()) : err)));
  }

  /**
   * The activity's streams, fetched from Strava on first request (with its detail: calories, description) and kept,
   * so the activity page costs the rate budget once. Refused with 429 while the budget is exhausted.
   */
  Future<ServedStreams> streams(UUID userId, UUID activityId, int maxPoints, PrivacyZones zones, boolean hide) {
    return repository.sport(userId, activityId).compose(sport -> {
      if (sport.isEmpty()) {
        return Future.failedFuture(ApiException.notFound("No such activity"));
      }
      StravaRepository.ActivitySport s = sport.get();
      String cadenceUnit = fitcoach.activities.StepCadence.unit(s.sportType(), s.legs());
      return sampled(userId, activityId, maxPoints).compose(sampled -> sampled == NO_STREAMS
          // Nothing to convert: no trip to a worker for an expected absence.
          ? Future.succeededFuture(new ServedStreams(NO_STREAMS.json(), 0, 0, cadenceUnit, 0))
          : vertx.executeBlocking(() -> {
            // Positions inside a privacy zone are counted among the served points, and nulled unless asked not to.
            PrivacyZones.HiddenStreams shown = zones.hideInStreams(fitcoach.activities.StepCadence.toSteps(sampled.json(),
                s.sportType(), s.legs()), hide);
            return new ServedStreams(shown.json(), sampled.points(), sampled.storedPoints(), cadenceUnit, shown.hiddenPoints());
          }, false));
    });
  }

  /**
   * Streams as served: cadence in {@code cadenceUnit} (steps per minute on foot, see StepCadence); {@code hiddenPoints}
   * of the served positions lie inside a privacy zone.
   */
  record ServedStreams(String json, int points, int storedPoints, String cadenceUnit, int hiddenPoints) {
  }

  private Future<fitcoach.activities.StreamSampler.Sampled> sampled(UUID userId, UUID activityId, int maxPoints) {
    return repository.streams(userId, activityId).compose(stored -> {
      if (stored.isPresent()) {
        // Reading the stored streams is gunzip and parsing, megabytes for a long activity: never on the event loop.
        return vertx.executeBlocking(() -> fitcoach.activities.StreamSampler.sample(stored.get(), maxPoints), false);
      }
      return repository.stravaId(userId, activityId).compose(stravaId -> {
        if (stravaId.isEmpty()) {
          // A manual entry or a file without samples has no streams (the caller checked the activity is the
          // athlete's): an expected absence, not an error.
          return Future.succeededFuture(NO_STREAMS);
        }
        var pause = limiter.pauseUntil();
        if (pause.isPresent()) {
          long seconds = Math.max(1, java.time.Duration.between(clock.instant(), pause.get()).toSeconds());
          return Future.failedFuture(ApiException.tooManyRequests(
              "Strava's rate limit is reached; streams can be fetched again at " + pause.get(), seconds));
        }
        return tokens.accessToken(userId).compose(token -> Future.all(
                client.streams(token, stravaId.get()), client.activity(token, stravaId.get()))
            .compose(both -> {
              JsonObject raw = both.resultAt(0);
              StravaActivity detail = StravaActivity.from(both.resultAt(1));
              JsonObject streams = new JsonObject();
              int points = 0;
              for (String type : raw.fieldNames()) {
                if (raw.getValue(type) instanceof JsonObject s && s.getJsonArray("data") != null) {
                  streams.put(type, s.getJsonArray("data"));
                  points = Math.max(points, s.getJsonArray("data").size());
                }
              }
              byte[] gzipped = fitcoach.app.Gzip.text(streams.encode());
              var data = new fitcoach.activities.ActivityInput.StreamData(points, gzipped, List.copyOf(streams.fieldNames()));
              JsonObject detailJson = both.resultAt(1);
              // The detail carries the laps (no request of their own); their NP comes from the streams, off the loop.
              return vertx.executeBlocking(() -> StravaLaps.of(detailJson, detail == null ? null : detail.startDate(),
                      detail == null ? null : detail.sportFamily(), streams), false)
                  // What the athlete sees (list, chart, coach) reflects the detail once this answers.
                  .compose(laps -> copies.saveDetail(userId, activityId, detail, data, laps))
                  .compose(fitcoach.activities.ActivityStore.Stored::whenSettled)
                  .compose(v -> vertx.executeBlocking(() -> fitcoach.activities.StreamSampler.sample(gzipped, maxPoints), false));
            }))
            .recover(err -> {
              if (err instanceof StravaException e && e.kind() == StravaException.Kind.NOT_FOUND) {
                // Strava has no streams for it (a manual Strava entry): as absent as a manual entry's here.
                return Future.succeededFuture(NO_STREAMS);
              }
              return Future.failedFuture(err instanceof StravaException e
                  ? (e.kind() == StravaException.Kind.RATE_LIMITED ? ApiException.tooManyRequests(e.getMessage(),
                      Math.max(1, java.time.Duration.between(clock.instant(), e.resumeAt()).toSeconds()))
                      : ApiException.conflict("strava_unavailable", e.getMessage()))
                  : err);
            });
      });
    });
  }

  /** An activity without streams: {@code streams: null}, no points. */
  static final fitcoach.activities.StreamSampler.Sampled NO_STREAMS = new fitcoach.activities.StreamSampler.Sampled("null", 0, 0);

  boolean verifyToken(String token) {
    return config.stravaWebhookVerifyToken().map(t -> t.equals(token)).orElse(false);
  }

  private void requireConfigured() {
    if (!config.stravaConfigured()) {
      throw ApiException.conflict("strava_not_configured",
          "Strava is not set up on this server: set STRAVA_CLIENT_ID and STRAVA_CLIENT_SECRET (see README)");
    }
  }
}
