package fitcoach.coach.tools;

import fitcoach.analytics.CoachLoad;
import fitcoach.analytics.LoadService;
import fitcoach.app.DateWindow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * search_activities: the athlete's activities the coach may read, filtered by local dates, sport family and text (name,
 * description and the athlete's own notes), sorted by date, distance, duration or load, as compact rows. The total
 * matched is given too, so the model knows when it saw only part.
 */
final class SearchActivitiesTool implements CoachTool {
  static final String NAME = "search_activities";
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 50;
  /** Rows are dropped from the end past this, so the result stays under the registry's guard with room to spare. */
  static final int BUDGET_BYTES = ToolRegistry.MAX_RESULT_BYTES - 512;
  private static final int NAME_CHARS = 80;
  static final List<String> FAMILIES = List.of("run", "ride", "swim", "walk", "row", "ski", "strength", "other",
      "multisport");
  static final List<String> COLUMNS = List.of("id", "date", "name", "sport", "duration", "distance_km", "load", "avg_hr",
      "np_w", "pace", "notes");

  private final ToolActivitySql sql;
  private final LoadService load;

  SearchActivitiesTool(ToolActivitySql sql, LoadService load) {
    this.sql = sql;
    this.load = load;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Find activities by local date range, sport family and text (name, description, notes); sort by date "
        + "(newest first) or largest distance, duration or load. Rows: id (for get_activity), date, name, sport, moving "
        + "time, km, load, avg HR, NP or pace, notes snippet. 'total' counts all matches: narrow the filters when it "
        + "exceeds the rows";
  }

  @Override
  public JsonObject inputSchema() {
    JsonObject date = new JsonObject().put("type", "string").put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    return new JsonObject().put("type", "object").put("additionalProperties", false).put("properties", new JsonObject()
        .put("from", date.copy().put("description", "First date, inclusive"))
        .put("to", date.copy().put("description", "Last date, inclusive"))
        .put("sport", new JsonObject().put("type", "string").put("enum", new JsonArray(FAMILIES))
            )
        .put("text", new JsonObject().put("type", "string").put("minLength", 1).put("maxLength", 100)
            )
        .put("sort", new JsonObject().put("type", "string").put("enum", new JsonArray(List.of("date", "distance", "duration",
            "load"))))
        .put("limit", new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", MAX_LIMIT)
            .put("description", "Default " + DEFAULT_LIMIT)));
  }

  @Override
  public String summary(JsonObject arguments) {
    StringBuilder b = new StringBuilder(plural(arguments.getString("sport")));
    String from = arguments.getString("from");
    String to = arguments.getString("to");
    if (from != null && to != null) {
      b.append(' ').append(from).append(" to ").append(to);
    } else if (from != null) {
      b.append(" since ").append(from);
    } else if (to != null) {
      b.append(" until ").append(to);
    }
    String text = arguments.getString("text");
    if (text != null) {
      b.append(" matching \"").append(text).append('"');
    }
    String sort = arguments.getString("sort");
    if (sort != null && !"date".equals(sort)) {
      b.append(" by ").append(sort);
    }
    return b.toString();
  }

  private static String plural(String family) {
    if (family == null) {
      return "activities";
    }
    switch (family) {
      case "run", "ride", "swim", "walk", "row":
        return family + "s";
      case "ski", "strength":
        return family + " sessions";
      default:
        return family + " activities";
    }
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    LocalDate[] range = range(arguments, "from", "to");
    LocalDate from = range[0];
    LocalDate to = range[1];
    String sort = arguments.getString("sort", "date");
    int limit = arguments.getInteger("limit", DEFAULT_LIMIT);
    String text = arguments.getString("text");
    String needle = text == null || text.isBlank() ? null : text.strip();
    String family = arguments.getString("sport");
    UUID userId = scope.userId();
    boolean strava = scope.includeStravaApi();
    // The workouts the coach may read are read once per version of the athlete's data (every change to activities
    // starts a new one), then filtered and sorted here: a search costs no query, and loads are the coach's own.
    Future<List<ToolActivitySql.Found>> workouts = load.series(userId)
        .compose(snapshot -> snapshot.memo("tools:workouts:" + strava, () -> sql.all(userId, strava)));
    return Future.all(workouts, load.forCoach(userId, strava)).map(all -> {
      List<ToolActivitySql.Found> every = all.resultAt(0);
      CoachLoad coach = all.resultAt(1);
      List<ToolActivitySql.Found> found = new ArrayList<>();
      for (ToolActivitySql.Found f : every) {
        if (f.date() != null && !f.date().isBefore(from) && !f.date().isAfter(to)
            && (family == null || family.equals(f.family())) && (needle == null || f.mentions(needle))) {
          found.add(f);
        }
      }
      long total = found.size();
      // Newest first, as read; larger first for the other orders, unknown values last, then newest.
      Comparator<ToolActivitySql.Found> order = switch (sort) {
        case "distance" -> Comparator.comparing(ToolActivitySql.Found::distanceM, LARGEST_FIRST);
        case "duration" -> Comparator.comparing(ToolActivitySql.Found::durationS, LARGEST_FIRST);
        case "load" -> Comparator.comparing((ToolActivitySql.Found f) -> loadOf(coach, f.id()), LARGEST_FIRST);
        default -> null;
      };
      if (order != null) {
        found.sort(order);
      }
      return output(found.subList(0, Math.min(limit, found.size())), total, coach, arguments, from, to);
    });
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final Comparator LARGEST_FIRST = Comparator.nullsLast(Comparator.reverseOrder());

  private static ToolOutput output(List<ToolActivitySql.Found> found, long total, CoachLoad coach, JsonObject arguments,
                                   LocalDate from, LocalDate to) {
    List<List<Object>> rows = new ArrayList<>(found.size());
    List<UUID> ids = new ArrayList<>(found.size());
    for (ToolActivitySql.Found f : found) {
      rows.add(row(f, coach));
      ids.add(f.id());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (arguments.getString("from") != null) {
      out.put("from", from);
    }
    if (arguments.getString("to") != null) {
      out.put("to", to);
    }
    if (arguments.getString("sport") != null) {
      out.put("sport", arguments.getString("sport"));
    }
    if (arguments.getString("text") != null) {
      out.put("text", arguments.getString("text"));
    }
    out.put("sort", arguments.getString("sort", "date"));
    out.put("total", total);
    out.put("shown", rows.size());
    out.put("columns", COLUMNS);
    out.put("rows", rows);
    // Long names and notes can take a 50-row answer past the guard: rows go from the end, and the model is told. Each
    // row is measured once (the rows' sizes plus a comma each make up the array), not the whole answer per row dropped.
    int size = ToolJson.write(out).getBytes(StandardCharsets.UTF_8).length;
    if (size > BUDGET_BYTES) {
      out.put("cut_for_size", true);
      int[] bytes = new int[rows.size()];
      int kept = 0;
      int used = size + 24 - rowsBytes(rows, bytes);
      while (kept < rows.size() && used + bytes[kept] + 1 <= BUDGET_BYTES) {
        used += bytes[kept++] + 1;
      }
      kept = Math.max(1, kept);
      rows.subList(kept, rows.size()).clear();
      ids.subList(kept, ids.size()).clear();
      out.put("shown", rows.size());
    }
    String summary = rows.size() == total ? total + (total == 1 ? " activity" : " activities")
        : rows.size() + " of " + total + " activities";
    return new ToolOutput(out, summary, ids);
  }

  /** The bytes of the rows array as written, filling {@code each} with every row's own. */
  private static int rowsBytes(List<List<Object>> rows, int[] each) {
    int sum = 2;
    for (int i = 0; i < rows.size(); i++) {
      each[i] = ToolJson.write(rows.get(i)).getBytes(StandardCharsets.UTF_8).length;
      sum += each[i] + (i > 0 ? 1 : 0);
    }
    return sum;
  }

  private static List<Object> row(ToolActivitySql.Found f, CoachLoad coach) {
    Double np = null;
    if ("ride".equals(f.family())) {
      // The stored NP (weighted power): the importers' NormalizedPower, or Strava's; not when Strava estimated the watts.
      np = Boolean.FALSE.equals(f.deviceWatts()) ? null : f.weightedPowerW();
    }
    Integer seconds = f.movingS() != null ? f.movingS() : f.elapsedS();
    return Arrays.asList(f.id(), f.date(), ActivityUnits.snippet(f.name(), NAME_CHARS), f.sportType(),
        ActivityUnits.duration(seconds), ActivityUnits.km(f.distanceM()), ActivityUnits.oneDecimal(loadOf(coach, f.id())),
        ActivityUnits.whole(f.avgHr()), ActivityUnits.whole(np), ActivityUnits.pace(f.family(), f.distanceM(), seconds),
        ActivityUnits.snippet(f.notes(), ToolActivitySql.NOTE_SNIPPET));
  }

  private static Double loadOf(CoachLoad coach, UUID id) {
    CoachLoad.ActivityLoadValue v = coach.loads().get(id);
    return v == null ? null : v.load();
  }

  /**
   * The inclusive range of two optional ISO date arguments, clamped to the date window (an open end is the window's);
   * {@code from} after {@code to} is an argument error.
   */
  static LocalDate[] range(JsonObject arguments, String fromField, String toField) {
    LocalDate from = date(arguments, fromField);
    LocalDate to = date(arguments, toField);
    if (from != null && to != null && from.isAfter(to)) {
      throw new ToolArgumentException("'" + fromField + "' (" + from + ") is after '" + toField + "' (" + to + ")");
    }
    LocalDate latest = DateWindow.latest();
    from = from == null || from.isBefore(DateWindow.EARLIEST_STORED) ? DateWindow.EARLIEST_STORED
        : from.isAfter(latest) ? latest : from;
    to = to == null || to.isAfter(latest) ? latest : to.isBefore(DateWindow.EARLIEST_STORED) ? DateWindow.EARLIEST_STORED : to;
    return new LocalDate[] {from, to};
  }

  private static LocalDate date(JsonObject arguments, String field) {
    String value = arguments.getString(field);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ToolArgumentException("'" + field + "' is not a date (YYYY-MM-DD): " + value);
    }
  }
}
