package fitcoach.app;

import java.time.ZoneId;
import java.util.Set;

/**
 * Reads an athlete's time zone. Only IANA region names (and UTC) are taken, the names a browser's
 * {@code Intl.DateTimeFormat().resolvedOptions().timeZone} gives and PostgreSQL's {@code AT TIME ZONE} reads the same
 * way; fixed offsets like "+02:00" or "GMT+2" are refused because PostgreSQL reads POSIX offsets with the sign reversed.
 */
public final class TimeZones {
  /** Where nothing else is known: the database's default for a profile too. */
  public static final String DEFAULT = "UTC";
  private static final Set<String> KNOWN = Set.copyOf(ZoneId.getAvailableZoneIds());

  private TimeZones() {
  }

  /** Reads the zone database now (it takes a while the first time), so that no event loop pays for it later. */
  public static int preload() {
    return KNOWN.size();
  }

  /** The zone's id, null for null, or a 422 on {@code field}. */
  public static String parse(String field, String value) {
    if (value == null) {
      return null;
    }
    if (!value.equals(DEFAULT) && !KNOWN.contains(value)) {
      throw ApiException.invalid(field, "invalid_value", "Unknown time zone '" + value + "'; use an IANA name like Europe/Berlin");
    }
    return value;
  }
}
