package fitcoach.wellness;

import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import fitcoach.app.Json;
import fitcoach.app.QueryParams;
import fitcoach.auth.AuthHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Wellness entries under /api/wellness, for the signed-in athlete: read a range, change or delete a day, import a CSV. */
public final class WellnessRoutes {
  public static final String IMPORT_PATH = "/api/wellness/import";
  /** Content types a CSV arrives with (browsers on Windows label .csv files as Excel's). */
  private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/csv", "application/vnd.ms-excel");
  private final WellnessService wellness;
  private final AuthHandler requireUser;

  public WellnessRoutes(WellnessService wellness, AuthHandler requireUser) {
    this.wellness = wellness;
    this.requireUser = requireUser;
  }

  public void mount(Router router) {
    router.get("/api/wellness").handler(requireUser).handler(this::list);
    router.post(IMPORT_PATH).handler(requireUser).handler(this::importCsv);
    router.put("/api/wellness/:date").handler(requireUser).handler(this::put);
    router.delete("/api/wellness/:date").handler(requireUser).handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    LocalDate from = required(ctx, "from");
    LocalDate to = required(ctx, "to");
    wellness.range(userId(ctx), from, to).onSuccess(range -> Json.ok(ctx, range))
        .onFailure(ctx::fail);
  }

  private void put(RoutingContext ctx) {
    LocalDate date = pathDate(ctx);
    wellness.put(userId(ctx), date, Json.body(ctx)).onSuccess(entry -> {
      if (entry.isPresent()) {
        Json.ok(ctx, entry.get());
      } else {
        ctx.response().setStatusCode(204).end();
      }
    }).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    LocalDate date = pathDate(ctx);
    wellness.delete(userId(ctx), date).onSuccess(deleted -> {
      if (deleted) {
        ctx.response().setStatusCode(204).end();
      } else {
        ctx.fail(ApiException.notFound("No wellness entry on " + date));
      }
    }).onFailure(ctx::fail);
  }

  private void importCsv(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!CSV_TYPES.contains(mime)) {
      throw new ApiException(415, "unsupported_media_type", "Send the CSV as the request body with Content-Type text/csv",
          null, null);
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ApiException.invalid("date", "no_header", "The CSV is empty: send a header row (date plus any wellness columns) and one row per day");
    }
    wellness.importCsv(userId(ctx), body.getBytes()).onSuccess(result -> Json.ok(ctx, result)).onFailure(ctx::fail);
  }

  /** A required query date inside {@link DateWindow}. */
  private static LocalDate required(RoutingContext ctx, String name) {
    LocalDate date = QueryParams.date(ctx.queryParams(), name, null);
    if (date == null) {
      throw ApiException.invalid(name, "required", "'" + name + "' is required (a date like 2026-11-24)");
    }
    return date;
  }

  /** The day in the path: a date like 2026-11-24 inside {@link DateWindow}, else a 422 naming "date". */
  private static LocalDate pathDate(RoutingContext ctx) {
    LocalDate date;
    try {
      date = LocalDate.parse(ctx.pathParam("date"));
    } catch (DateTimeParseException | NullPointerException e) {
      throw ApiException.invalid("date", "invalid_value", "The path must end in a date like 2026-11-24");
    }
    return DateWindow.require("date", date);
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }
}
