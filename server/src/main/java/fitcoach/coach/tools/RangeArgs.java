package fitcoach.coach.tools;

import fitcoach.activities.Sports;
import fitcoach.app.DateWindow;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments the range tools share, read as the model sent them: ISO dates inside {@link DateWindow}, ranges the
 * right way round, sport families as in {@link Sports}. Anything wrong is a {@link ToolArgumentException} that says
 * what to send instead.
 */
final class RangeArgs {
  private RangeArgs() {
  }

  /** A JSON Schema property for an ISO date. */
  static JsonObject dateProperty(String description) {
    // No pattern: the tool's own check names the format, which a schema error would not.
    return new JsonObject().put("type", "string").put("description", description == null ? "YYYY-MM-DD" : "YYYY-MM-DD; " + description);
  }

  /** The input schema of a tool that takes only a date range: {from, to}, both required ISO dates. */
  static JsonObject fromToSchema() {
    return new JsonObject().put("type", "object")
        .put("properties", new JsonObject().put("from", dateProperty(null)).put("to", dateProperty(null)))
        .put("required", new io.vertx.core.json.JsonArray().add("from").add("to"))
        .put("additionalProperties", false);
  }

  /** A JSON Schema property for a sport family. */
  static JsonObject sportProperty(String description) {
    return new JsonObject().put("type", "string").put("description", description + ". One of: " + String.join(", ", families()));
  }

  /** The date in {@code field}, or null when it is absent. */
  static LocalDate optionalDate(JsonObject args, String field) {
    Object value = args.getValue(field);
    if (value == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.toString());
    } catch (DateTimeParseException e) {
      throw new ToolArgumentException("'" + field + "' must be a date as YYYY-MM-DD, not '" + value + "'.");
    }
    if (!DateWindow.contains(date)) {
      throw new ToolArgumentException("'" + field + "' must be a date from " + DateWindow.describe() + ".");
    }
    return date;
  }

  static LocalDate date(JsonObject args, String field) {
    LocalDate date = optionalDate(args, field);
    if (date == null) {
      throw new ToolArgumentException("'" + field + "' is required (a date as YYYY-MM-DD).");
    }
    return date;
  }

  /** {@code from} not after {@code to}, and at most {@code maxDays} days from one to the other, both included. */
  static void range(String fromField, LocalDate from, String toField, LocalDate to, long maxDays, String tooLong) {
    if (from.isAfter(to)) {
      throw new ToolArgumentException("'" + fromField + "' (" + from + ") is after '" + toField + "' (" + to + ").");
    }
    if (days(from, to) > maxDays) {
      throw new ToolArgumentException(fromField + " to " + toField + " spans " + days(from, to) + " days; " + tooLong);
    }
  }

  /** Days from {@code from} to {@code to}, both included. */
  static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The sport family in {@code field} (lower case), or null for all sports. */
  static String sport(JsonObject args, String field) {
    String value = args.getString(field);
    if (value == null || value.isBlank() || "all".equalsIgnoreCase(value.trim())) {
      return null;
    }
    String family = value.trim().toLowerCase(Locale.ROOT);
    if (!Sports.isFamily(family)) {
      // A sport type ("TrailRun") names its family.
      String type = Sports.canonical(value);
      if (type != null) {
        return Sports.family(type);
      }
      throw new ToolArgumentException("'" + field + "' must be a sport family: " + String.join(", ", families()) + ".");
    }
    return family;
  }

  private static Set<String> families() {
    Set<String> out = new TreeSet<>();
    Sports.types().forEach(t -> out.add(Sports.family(t)));
    return out;
  }
}
