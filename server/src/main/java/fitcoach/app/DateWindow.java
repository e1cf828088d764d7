package fitcoach.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates FitCoach accepts, in one place: from 1970-01-01 to one year after today (UTC), for activities, imports and
 * every date in a query or a setting. A range of days inside the window is at most about 57 years, so no request can
 * make the chart (one entry per day) or a query grow without bound, and a year-9999 file cannot sit on top of the list.
 */
public final class DateWindow {
  public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
  /** How far ahead a date may lie: a device with a wrong clock, a planned session. */
  public static final int YEARS_AHEAD = 1;
  /**
   * The earliest local date a stored activity inside the window can have: an instant on 1970-01-01 UTC is still
   * 1969-12-31 west of Greenwich. The chart ignores anything older (rows stored before the window existed).
   */
  public static final LocalDate EARLIEST_STORED = EARLIEST.minusDays(1);

  private DateWindow() {
  }

  /** The last accepted date: a year after today, UTC. */
  public static LocalDate latest() {
    return LocalDate.now(ZoneOffset.UTC).plusYears(YEARS_AHEAD);
  }

  public static boolean contains(LocalDate date) {
    return date != null && !date.isBefore(EARLIEST) && !date.isAfter(latest());
  }

  /** Whether the UTC date of {@code instant} is in the window. */
  public static boolean contains(Instant instant) {
    return instant != null && instant.isAfter(Instant.MIN) && contains(LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }

  /** {@code date}, or a 422 naming {@code field} when it lies outside the window. */
  public static LocalDate require(String field, LocalDate date) {
    if (!contains(date)) {
      throw ApiException.invalid(field, "out_of_range", "'" + field + "' must be a date from " + EARLIEST + " to " + latest());
    }
    return date;
  }

  /** Both ends in the window and {@code from} not after {@code to}; null ends are open. */
  public static void requireRange(String fromField, LocalDate from, String toField, LocalDate to) {
    if (from != null) {
      require(fromField, from);
    }
    if (to != null) {
      require(toField, to);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.invalid(fromField, "invalid_value", "'" + fromField + "' must not be after '" + toField + "'");
    }
  }

  /** For messages: "1970-01-01 to 2027-12-06". */
  public static String describe() {
    return EARLIEST + " to " + latest();
  }
}
