package fitcoach.analytics;

import fitcoach.app.DateWindow;
import fitcoach.app.Json;
import fitcoach.app.QueryParams;
import fitcoach.auth.AuthHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Weekly trends and per-sport totals under /api/analytics, in the athlete's local dates. */
public final class AnalyticsRoutes {
  private final AnalyticsRepository repository;
  private final LoadService load;
  private final AuthHandler requireUser;

  public AnalyticsRoutes(io.vertx.sqlclient.Pool pool, LoadService load, AuthHandler requireUser) {
    this.repository = new AnalyticsRepository(pool);
    this.load = load;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    router.route("/api/analytics/*").handler(requireUser);
    router.get("/api/analytics/weekly").handler(this::weekly);
    router.get("/api/analytics/sports").handler(this::sports);
  }

  private void weekly(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    int weeks = QueryParams.integer(ctx.queryParams(), "weeks", 12, 1, 520);
    String sport = ctx.queryParams().get("sport");
    String sportFilter = sport == null || sport.isBlank() ? null : sport.trim();
    load.series(userId).compose(snapshot -> snapshot.memo("weekly|" + weeks + "|" + sportFilter, () -> {
      LocalDate lastWeek = snapshot.series().today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      LocalDate firstWeek = lastWeek.minusWeeks(weeks - 1L);
      return repository.weekly(userId, firstWeek, lastWeek.plusDays(6), sportFilter).map(rows -> {
        Map<LocalDate, AnalyticsRepository.WeekRow> byWeek = rows.stream()
            .collect(Collectors.toMap(AnalyticsRepository.WeekRow::weekStart, Function.identity()));
        List<WeekView> result = new ArrayList<>(weeks);
        for (LocalDate w = firstWeek; !w.isAfter(lastWeek); w = w.plusWeeks(1)) {
          var r = byWeek.get(w);
          String label = w.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", w.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
          result.add(r == null ? new WeekView(label, w, 0, 0, 0, 0, null, 0, 0)
              : new WeekView(label, w, PmcDayView.round(r.distanceM()), r.durationS(), r.movingTimeS(),
                  PmcDayView.round(r.elevationGainM()), r.avgHr() == null ? null : PmcDayView.round(r.avgHr()),
                  PmcDayView.round(r.load()), r.sessions()));
        }
        return Json.encode(Map.of("weeks", result, "sport", sportFilter == null ? "all" : sportFilter));
      });
    })).onSuccess(json -> Json.sendEncoded(ctx, 200, json)).onFailure(ctx::fail);
  }

  private void sports(RoutingContext ctx) {
    UUID userId = AuthHandler.signedIn(ctx).userId();
    LocalDate from = QueryParams.date(ctx.queryParams(), "from", null);
    LocalDate to = QueryParams.date(ctx.queryParams(), "to", null);
    DateWindow.requireRange("from", from, "to", to);
    repository.sports(userId, from, to).onSuccess(list -> Json.ok(ctx, Map.of("sports", list))).onFailure(ctx::fail);
  }

}
