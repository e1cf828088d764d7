package fitcoach.analytics;

import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import fitcoach.app.Json;
import fitcoach.app.JsonFields;
import fitcoach.app.OffLoop;
import fitcoach.app.QueryParams;
import fitcoach.auth.AuthHandler;
import fitcoach.load.Gain;
import fitcoach.load.PmcOptions;
import fitcoach.load.PmcSeed;
import fitcoach.load.PmcSeries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The performance management chart under /api/load. */
public final class LoadRoutes {
  private final LoadService load;
  private final PlanSource plans;
  private final AuthHandler requireUser;

  public LoadRoutes(LoadService load, PlanSource plans, AuthHandler requireUser) {
    this.load = load;
    this.plans = plans;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    router.route("/api/load/*").handler(requireUser);
    router.get("/api/load/pmc").handler(this::pmc);
    router.get("/api/load/settings").handler(this::getSettings);
    router.put("/api/load/settings").handler(this::putSettings);
    router.post("/api/load/recompute").handler(this::recompute);
    router.get("/api/load/estimate-changes").handler(ctx -> load.estimateChanges(AuthHandler.signedIn(ctx).userId())
        .onSuccess(list -> Json.ok(ctx, Map.of("changes", list))).onFailure(ctx::fail));
    router.post("/api/load/estimate-changes/dismiss").handler(this::dismissEstimateChanges);
    router.get("/api/activities/:id/leg-loads").handler(requireUser).handler(this::legLoads);
  }

  /** {@code {ids: [uuid, ...]}} (at most 100): the changes the athlete has read on the dashboard. */
  private void dismissEstimateChanges(RoutingContext ctx) {
    JsonObject body = Json.body(ctx);
    new JsonFields(body, "ids");
    if (!(body.getValue("ids") instanceof io.vertx.core.json.JsonArray ids) || ids.isEmpty() || ids.size() > 100) {
      throw ApiException.invalid("ids", "invalid_value", "'ids' must be a list of 1 to 100 change ids");
    }
    UUID[] parsed = new UUID[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      try {
        parsed[i] = UUID.fromString(String.valueOf(ids.getValue(i)));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("ids", "invalid_value", "'ids' must hold change ids (UUIDs)");
      }
    }
    load.dismissEstimateChanges(AuthHandler.signedIn(ctx).userId(), parsed)
        .onSuccess(n -> Json.ok(ctx, Map.of("dismissed", n))).onFailure(ctx::fail);
  }

  /** Each leg's load of a multisport activity, in order: the parts its load is the sum of. */
  private void legLoads(RoutingContext ctx) {
    UUID activityId = QueryParams.pathId(ctx, "id", "No such activity");
    load.legLoads(AuthHandler.signedIn(ctx).userId(), activityId).onSuccess(legs -> Json.ok(ctx, Map.of("activityId", activityId,
            "legs", legs.stream().map(l -> Map.of("load", l.load(), "method", l.method().name(),
                "usesEstimatedThreshold", l.usesEstimatedThreshold())).toList())))
        .onFailure(ctx::fail);
  }

  /**
   * The chart of a range; past today it is projected with the plan ({@code projection=plan}) or as rest. The plan is
   * read on every request (it changes without the activities changing), and only a chart without any plan in its range
   * is memoised with the athlete's data.
   */
  private void pmc(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    // Checked before anything is read; the limits that need the athlete's today come once it is known.
    PmcRequest asked = PmcRequest.of(ctx.queryParams());
    load.series(userId).compose(snapshot -> {
      PmcSeries series = snapshot.series();
      PmcRequest.Range range = asked.resolve(series.today());
      // Loads are planned from today on (today's is used when nothing is recorded); events over the whole range.
      LocalDate planFrom = range.from().isBefore(series.today()) ? range.from() : series.today();
      return plans.plan(userId, planFrom, range.to()).compose(plan -> {
        java.util.function.Supplier<Future<io.vertx.core.buffer.Buffer>> body =
            () -> OffLoop.run(() -> PmcResponse.encode(series, asked, range, plan));
        return plan.isEmpty()
            ? snapshot.memo("pmc|" + range.from() + "|" + range.to() + "|" + asked.byWeek() + "|" + asked.asPlanned(), body)
            : body.get();
      });
    }).onSuccess(json -> Json.sendEncoded(ctx, 200, json)).onFailure(ctx::fail);
  }

  private void getSettings(RoutingContext ctx) {
    load.options(AuthHandler.signedIn(ctx).userId()).onSuccess(o -> Json.ok(ctx, view(o))).onFailure(ctx::fail);
  }

  private void putSettings(RoutingContext ctx) {
    JsonObject body = Json.body(ctx);
    JsonFields f = new JsonFields(body, "ctlDays", "atlDays", "gain", "seed");
    UUID userId = AuthHandler.signedIn(ctx).userId();
    load.options(userId).compose(current -> {
      double ctlDays = f.has("ctlDays") ? required(f.optionalDouble("ctlDays", 7, 90), "ctlDays") : current.ctlDays();
      double atlDays = f.has("atlDays") ? required(f.optionalDouble("atlDays", 2, 21), "atlDays") : current.atlDays();
      Gain gain = current.gain();
      if (f.has("gain")) {
        gain = "linear".equals(required(f.optionalEnum("gain", Set.of("exponential", "linear")), "gain")) ? Gain.LINEAR : Gain.EXPONENTIAL;
      }
      Optional<PmcSeed> seed = f.has("seed") ? seed(body) : current.seed();
      if (atlDays >= ctlDays) {
        throw ApiException.invalid("atlDays", "out_of_range", "The fatigue time constant must be shorter than the fitness one");
      }
      PmcOptions options = new PmcOptions(ctlDays, atlDays, gain, seed);
      return load.saveOptions(userId, options).map(done -> options);
    }).onSuccess(o -> Json.ok(ctx, view(o))).onFailure(ctx::fail);
  }

  private void recompute(RoutingContext ctx) {
    load.recomputeAll(AuthHandler.signedIn(ctx).userId()).onSuccess(r -> Json.ok(ctx, r)).onFailure(ctx::fail);
  }

  private static Optional<PmcSeed> seed(JsonObject body) {
    Object value = body.getValue("seed");
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject seed)) {
      throw ApiException.invalid("seed", "invalid_type", "'seed' must be an object {date, ctl, atl} or null");
    }
    JsonFields f = new JsonFields(seed, "date", "ctl", "atl");
    LocalDate date;
    try {
      date = LocalDate.parse(f.requiredString("date", 20));
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("seed.date", "invalid_value", "'seed.date' must be a date like 2026-01-01");
    }
    DateWindow.require("seed.date", date);
    Double ctl = f.optionalDouble("ctl", 0, 300);
    Double atl = f.optionalDouble("atl", 0, 500);
    if (ctl == null || atl == null) {
      throw ApiException.invalid("seed", "required", "A seed needs date, ctl and atl");
    }
    return Optional.of(new PmcSeed(date, ctl, atl));
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw ApiException.invalid(field, "required", "'" + field + "' cannot be null");
    }
    return value;
  }

  private static Map<String, Object> view(PmcOptions o) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("ctlDays", o.ctlDays());
    v.put("atlDays", o.atlDays());
    v.put("gain", o.gain() == Gain.LINEAR ? "linear" : "exponential");
    v.put("seed", o.seed().map(s -> Map.of("date", s.date(), "ctl", s.ctl(), "atl", s.atl())).orElse(null));
    return v;
  }
}
