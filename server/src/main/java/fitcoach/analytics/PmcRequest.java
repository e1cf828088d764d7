package fitcoach.analytics;

import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The query of {@code GET /api/load/pmc}, validated in one place: {@code from} and {@code to} (local dates, inclusive;
 * by default the 90 days through today), {@code by=day|week} and {@code projection=plan|rest}. Dates are read before
 * anything else; the limits that depend on the athlete's today are checked by {@link #resolve}.
 */
record PmcRequest(LocalDate from, LocalDate to, boolean byWeek, boolean asPlanned) {
  /** How far past the athlete's today the chart may be projected: a year, leap day included. */
  static final int MAX_DAYS_AHEAD = 366;
  static final int DEFAULT_DAYS = 90;

  static PmcRequest of(MultiMap params) {
    LocalDate from = date(params, "from");
    LocalDate to = date(params, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.invalid("from", "invalid_value", "'from' must not be after 'to'");
    }
    return new PmcRequest(from, to, byWeek(params.get("by")), asPlanned(params.get("projection")));
  }

  /** The range to chart for an athlete whose today is {@code today}: ends default, and neither end past the horizon. */
  Range resolve(LocalDate today) {
    LocalDate horizon = today.plusDays(MAX_DAYS_AHEAD);
    for (String field : new String[] {"from", "to"}) {
      LocalDate asked = field.equals("from") ? from : to;
      if (asked != null && asked.isAfter(horizon)) {
        throw ApiException.invalid(field, "out_of_range", "'" + field + "' may be at most " + MAX_DAYS_AHEAD
            + " days after today (" + horizon + ")");
      }
    }
    LocalDate end = to != null ? to : today;
    LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
    if (start.isAfter(end)) {
      throw ApiException.invalid("from", "invalid_value", "'from' must not be after 'to' (" + end + ")");
    }
    return new Range(start, end);
  }

  record Range(LocalDate from, LocalDate to) {
  }

  private static LocalDate date(MultiMap params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name, "invalid_value", "'" + name + "' must be a date like 2026-11-24");
    }
    if (date.isBefore(DateWindow.EARLIEST)) {
      throw ApiException.invalid(name, "out_of_range", "'" + name + "' must not be before " + DateWindow.EARLIEST);
    }
    return date;
  }

  /** {@code by=week} adds the weekly load bars of long charts; {@code by=day} (the default) is the days alone. */
  private static boolean byWeek(String by) {
    if (by == null || by.isBlank() || by.trim().equals("day")) {
      return false;
    }
    if (by.trim().equals("week")) {
      return true;
    }
    throw ApiException.invalid("by", "invalid_value", "'by' must be 'day' or 'week'");
  }

  /** {@code projection=plan} (the default) carries the plan past today; {@code rest} lets the future decay. */
  private static boolean asPlanned(String projection) {
    if (projection == null || projection.isBlank() || projection.trim().equals("plan")) {
      return true;
    }
    if (projection.trim().equals("rest")) {
      return false;
    }
    throw ApiException.invalid("projection", "invalid_value", "'projection' must be 'plan' or 'rest'");
  }
}
