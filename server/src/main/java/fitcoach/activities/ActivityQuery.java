package fitcoach.activities;

import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import fitcoach.app.QueryParams;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** The validated query of GET /api/activities. Dates are the athlete's local dates, both ends inclusive. */
public record ActivityQuery(int limit, int offset, Cursor cursor, String sport, LocalDate from, LocalDate to, String text, Sort sort) {
  public static final int MAX_LIMIT = 200;
  private static final Set<String> PARAMS = Set.of("limit", "offset", "cursor", "sport", "from", "to", "text", "sort");

  public enum Sort {
    DATE_DESC("date_desc", "start_date DESC, id DESC"),
    DATE_ASC("date_asc", "start_date ASC, id ASC"),
    LOAD_DESC("load_desc", "coalesce(load_override, load) DESC NULLS LAST, start_date DESC, id DESC"),
    DISTANCE_DESC("distance_desc", "distance_m DESC NULLS LAST, start_date DESC, id DESC"),
    DURATION_DESC("duration_desc", "moving_time_s DESC NULLS LAST, start_date DESC, id DESC");

    final String param;
    final String orderBy;

    Sort(String param, String orderBy) {
      this.param = param;
      this.orderBy = orderBy;
    }

    boolean byDate() {
      return this == DATE_DESC || this == DATE_ASC;
    }
  }

  /** Position after the last item of a date-ordered page. */
  public record Cursor(Instant startDate, UUID id) {
    String encode() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((startDate.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Cursors name a stored start: one outside years 1 to 9999 was not issued here (and PostgreSQL could not compare it). */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    static Cursor decode(String value) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
        Instant start = Instant.parse(parts[0]);
        if (start.isBefore(FIRST) || start.isAfter(LAST)) {
          throw new IllegalArgumentException("cursor out of range");
        }
        return new Cursor(start, UUID.fromString(parts[1]));
      } catch (RuntimeException e) {
        throw ApiException.invalid("cursor", "invalid_value", "The cursor is not one this server issued");
      }
    }
  }

  public static ActivityQuery from(MultiMap params) {
    for (String name : params.names()) {
      if (!PARAMS.contains(name)) {
        throw ApiException.invalid(name, "unknown_field", "Unknown query parameter '" + name + "'");
      }
    }
    int limit = QueryParams.integer(params, "limit", 50, 1, MAX_LIMIT);
    int offset = QueryParams.integer(params, "offset", 0, 0, 10_000_000);
    Sort sort = Sort.DATE_DESC;
    String sortParam = params.get("sort");
    if (sortParam != null) {
      sort = java.util.Arrays.stream(Sort.values()).filter(s -> s.param.equals(sortParam)).findFirst()
          .orElseThrow(() -> ApiException.invalid("sort", "invalid_value",
              "'sort' must be one of date_desc, date_asc, load_desc, distance_desc, duration_desc"));
    }
    Cursor cursor = params.get("cursor") == null ? null : Cursor.decode(params.get("cursor"));
    if (cursor != null && !sort.byDate()) {
      throw ApiException.invalid("cursor", "invalid_value", "A cursor works with date sorting only; use offset");
    }
    if (cursor != null && offset > 0) {
      throw ApiException.invalid("offset", "invalid_value", "Use either a cursor or an offset, not both");
    }
    LocalDate from = QueryParams.date(params, "from", null);
    LocalDate to = QueryParams.date(params, "to", null);
    DateWindow.requireRange("from", from, "to", to);
    String sport = blankToNull(params.get("sport"));
    String text = blankToNull(params.get("text"));
    if (text != null && text.length() > 200) {
      throw ApiException.invalid("text", "too_long", "'text' must be at most 200 characters");
    }
    return new ActivityQuery(limit, offset, cursor, sport, from, to, text, sort);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
