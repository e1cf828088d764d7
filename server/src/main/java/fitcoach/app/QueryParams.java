package fitcoach.app;

import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Typed query parameters with the same 422 errors as request bodies. */
public final class QueryParams {
  private QueryParams() {
  }

  public static int integer(MultiMap params, String name, int fallback, int min, int max) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, "invalid_type", "'" + name + "' must be a whole number");
    }
    if (n < min || n > max) {
      throw ApiException.invalid(name, "out_of_range", "'" + name + "' must be between " + min + " and " + max);
    }
    return n;
  }

  public static LocalDate date(MultiMap params, String name, LocalDate fallback) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name, "invalid_value", "'" + name + "' must be a date like 2026-11-24");
    }
  }
}
