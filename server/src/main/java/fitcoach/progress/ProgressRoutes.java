package fitcoach.progress;

import fitcoach.activities.Sports;
import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import fitcoach.app.EventStream;
import fitcoach.app.Json;
import fitcoach.app.QueryParams;
import fitcoach.auth.AuthHandler;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The range API under /api/analysis: season curves, best efforts, the CP model, weekly zones, and the stored analysis'
 * progress (status and its event stream). Dates are local dates, ranges inclusive; every read is the signed-in
 * athlete's own stored rows.
 */
final class ProgressRoutes {
  static final int DEFAULT_CURVE_DAYS = 365;
  static final int MAX_WEEKS = 260;

  private final ProgressService service;
  private final RangeMemo memo;
  private final CurveRepository repository;
  private final AnalysisProgress progress;
  private final Function<UUID, Future<LocalDate>> today;
  private final AuthHandler requireUser;

  ProgressRoutes(ProgressService service, CurveRepository repository, AnalysisProgress progress, RangeMemo memo,
                 Function<UUID, Future<LocalDate>> today, AuthHandler requireUser) {
    this.memo = memo;
    this.service = service;
    this.repository = repository;
    this.progress = progress;
    this.today = today;
    this.requireUser = requireUser;
  }

  void mount(Router router) {
    router.route("/api/analysis/*").handler(requireUser);
    router.get("/api/analysis/status").handler(this::status);
    router.get("/api/analysis/events").handler(this::events);
    router.get("/api/analysis/curves").handler(this::curves);
    router.get("/api/analysis/best-efforts").handler(this::bestEfforts);
    router.get("/api/analysis/model").handler(this::model);
    router.get("/api/analysis/zones").handler(this::zones);
  }

  private Future<Map<String, Object>> statusBody(UUID userId) {
    AnalysisProgress.Running r = progress.running(userId);
    if (r != null) {
      return Future.succeededFuture(AnalysisProgress.body("running", r.done(), r.total()).getMap());
    }
    return repository.counts(userId).map(c -> AnalysisProgress.body("idle", c.done(), c.total()).getMap());
  }

  private void status(RoutingContext ctx) {
    statusBody(AuthHandler.signedIn(ctx).userId()).onSuccess(body -> Json.ok(ctx, body)).onFailure(ctx::fail);
  }

  /** The current state first, then every change of it. */
  private void events(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    HttpServerResponse res = EventStream.relay(ctx, AnalysisProgress.address(userId), "analysis");
    statusBody(userId).onSuccess(body -> EventStream.frame(res, "analysis", new io.vertx.core.json.JsonObject(body)));
  }

  private void curves(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    MultiMap q = ctx.queryParams();
    Metric metric = Metric.parse(q.get("metric"));
    String family = sport(q, metric == Metric.PACE || metric == Metric.SPEED, null);
    today.apply(userId).compose(now -> {
      CurveRepository.Range range = range(userId, q, "from", "to", now, DEFAULT_CURVE_DAYS, family);
      CurveRepository.Range compare = present(q, "compare_from") || present(q, "compare_to")
          ? range(userId, q, "compare_from", "compare_to", null, 1, family) : null;
      String key = "json|curves|" + metric + "|" + range.from() + "|" + range.to() + "|" + family + "|"
          + (compare == null ? "" : compare.from() + "|" + compare.to());
      return memo.get(userId, key, () -> curvesBody(metric, family, range, compare).map(m -> Json.encode(m).getBytes()));
    }).onSuccess(json -> sendJson(ctx, json)).onFailure(ctx::fail);
  }

  private Future<Map<String, Object>> curvesBody(Metric metric, String family, CurveRepository.Range range,
                                                 CurveRepository.Range compare) {
    Future<Map<String, Object>> main = service.curve(range, metric);
    Future<Map<String, Object>> other = compare == null ? Future.succeededFuture() : service.curve(compare, metric);
    return Future.all(main, other).map(all -> {
      Map<String, Object> out = fitcoach.app.Figures.ordered("metric", metric.wire(), "sport", family == null ? "all" : family,
          "unit", metric.unit);
      out.putAll(all.resultAt(0));
      out.put("compare", all.resultAt(1));
      return out;
    });
  }

  private static void sendJson(RoutingContext ctx, byte[] json) {
    Json.sendEncoded(ctx, 200, io.vertx.core.buffer.Buffer.buffer(json));
  }

  private void bestEfforts(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    MultiMap q = ctx.queryParams();
    String family = sport(q, false, Set.of(CurveRow.RUN));
    String sport = family == null ? CurveRow.RUN : family;
    today.apply(userId).compose(now -> {
      CurveRepository.Range range = range(userId, q, "from", "to", now, DEFAULT_CURVE_DAYS, sport);
      return memo.get(userId, "json|efforts|" + range.from() + "|" + range.to(),
          () -> service.bestEfforts(range).map(m -> Json.encode(m).getBytes()));
    }).onSuccess(json -> sendJson(ctx, json)).onFailure(ctx::fail);
  }

  private void model(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    MultiMap q = ctx.queryParams();
    String family = sport(q, true, Set.of("ride", "run"));
    int weeks = QueryParams.integer(q, "weeks", 26, 1, MAX_WEEKS);
    today.apply(userId).compose(now -> {
      CurveRepository.Range range = range(userId, q, "from", "to", now, ProgressService.MODEL_DAYS, family);
      return memo.get(userId, "json|model|" + family + "|" + range.from() + "|" + range.to() + "|" + weeks,
          () -> service.model(range, weeks).map(m -> Json.encode(m).getBytes()));
    }).onSuccess(json -> sendJson(ctx, json)).onFailure(ctx::fail);
  }

  private void zones(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    MultiMap q = ctx.queryParams();
    int weeks = QueryParams.integer(q, "weeks", 12, 1, MAX_WEEKS);
    String family = sport(q, false, null);
    today.apply(userId).compose(now -> service.zones(userId, now, weeks, family))
        .onSuccess(json -> Json.sendEncoded(ctx, 200, io.vertx.core.buffer.Buffer.buffer(json))).onFailure(ctx::fail);
  }

  /**
   * An inclusive range of local dates in {@link DateWindow}: each end defaults when absent; from after to is a 422 naming the from parameter.
   * A range that reaches further than any stored row asks for nothing more (answers are bounded by durations).
   */
  private static CurveRepository.Range range(UUID userId, MultiMap q, String fromName, String toName, LocalDate to,
                                             int defaultDays, String family) {
    if (to == null && (!present(q, fromName) || !present(q, toName))) {
      throw ApiException.invalid(present(q, fromName) ? toName : fromName, "required",
          "'" + fromName + "' and '" + toName + "' go together");
    }
    LocalDate t = QueryParams.date(q, toName, to);
    LocalDate f = QueryParams.date(q, fromName, t.minusDays(defaultDays - 1L));
    if (f.isAfter(t)) {
      throw ApiException.invalid(fromName, "invalid_range", "'" + fromName + "' must not be after '" + toName + "'");
    }
    return new CurveRepository.Range(userId, f, t, family);
  }

  /**
   * The sport family asked for: null for all ("all" or absent, unless {@code required}); one of {@code allowed} when
   * given, else any family FitCoach knows.
   */
  private static String sport(MultiMap q, boolean required, Set<String> allowed) {
    String value = q.get("sport");
    String s = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || (s.equals("all") && allowed == null && !required)) {
      if (required) {
        throw ApiException.invalid("sport", "required", "'sport' is required here"
            + (allowed == null ? "" : ": " + String.join(" or ", allowed.stream().sorted().toList())));
      }
      return null;
    }
    boolean known = allowed == null ? Sports.isFamily(s) : allowed.contains(s);
    if (!known) {
      throw ApiException.invalid("sport", "invalid_value", "'sport' must be "
          + (allowed == null ? "all or a sport family (ride, run, swim, ...)" : String.join(" or ",
              allowed.stream().sorted().toList())));
    }
    return s;
  }

  private static boolean present(MultiMap q, String name) {
    String v = q.get(name);
    return v != null && !v.isBlank();
  }
}
