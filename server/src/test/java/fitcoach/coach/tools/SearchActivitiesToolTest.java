package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivitySource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SearchActivitiesToolTest extends ToolTestBase {
  private static final String NAME = SearchActivitiesTool.NAME;

  private static List<Object> row(JsonObject result, int i) {
    JsonArray columns = result.getJsonArray("columns");
    assertThat(columns.getList()).isEqualTo(SearchActivitiesTool.COLUMNS);
    return result.getJsonArray("rows").getJsonArray(i).getList();
  }

  private static Object cell(JsonObject result, int i, String column) {
    return row(result, i).get(SearchActivitiesTool.COLUMNS.indexOf(column));
  }

  private static List<String> ids(JsonObject result) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < result.getJsonArray("rows").size(); i++) {
      out.add((String) cell(result, i, "id"));
    }
    return out;
  }

  @Test
  @DisplayName("Rows are compact and in the sport's own units, filtered by dates, sport and text (notes included), newest first, with the total")
  void filtersAndRows() {
    UUID easy = store(copy(ActivitySource.FILE, "r1", "Run", "Easy run", null, "Left knee felt sore after 8 km",
        daysAgo(10), 3000, 10_000.0, 140.0, null, null));
    UUID tempo = store(copy(ActivitySource.FILE, "r2", "Run", "Tempo Tuesday", "6 x 1 km at threshold", null,
        daysAgo(5), 2400, 9_000.0, 160.0, null, null));
    UUID ride = store(copy(ActivitySource.FILE, "b1", "Ride", "Hill repeats", null, null,
        daysAgo(4), 3600, 30_000.0, 150.0, 220.0, null));
    UUID swim = store(copy(ActivitySource.MANUAL, "s1", "Swim", "Pool", null, null,
        daysAgo(3), 1800, 2_000.0, null, null, null));
    store(copy(ActivitySource.FILE, "old", "Run", "Old run", null, null, daysAgo(400), 1800, 5_000.0, 150.0, null, null));

    JsonObject all = result(NAME, "{}", false);
    assertThat(all.getLong("total")).isEqualTo(5);
    assertThat(ids(all).subList(0, 4)).containsExactly(swim.toString(), ride.toString(), tempo.toString(), easy.toString());
    // Distance km, duration h:mm:ss, pace per sport: run min/km, swim per 100 m, ride km/h; NP for the ride with power.
    assertThat(cell(all, 3, "distance_km")).isEqualTo(10.0);
    assertThat(cell(all, 3, "duration")).isEqualTo("0:50:00");
    assertThat(cell(all, 3, "pace")).isEqualTo("5:00/km");
    assertThat(cell(all, 3, "avg_hr")).isEqualTo(140.0);
    assertThat(cell(all, 3, "notes")).isEqualTo("Left knee felt sore after 8 km");
    assertThat(cell(all, 0, "pace")).isEqualTo("1:30/100m");
    assertThat(cell(all, 1, "pace")).isEqualTo("30.0 km/h");
    assertThat(cell(all, 1, "np_w")).isEqualTo(220.0);
    assertThat(cell(all, 2, "np_w")).isNull();
    assertThat(((Number) cell(all, 1, "load")).doubleValue()).isPositive();
    assertThat(cell(all, 1, "date")).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(4).toString());

    JsonObject runs = result(NAME, "{\"sport\":\"run\",\"from\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(30) + "\"}", false);
    assertThat(ids(runs)).containsExactly(tempo.toString(), easy.toString());
    assertThat(runs.getLong("total")).isEqualTo(2);

    // Text: case-insensitive, in the notes and the description too; LIKE wildcards are literal.
    assertThat(ids(result(NAME, "{\"text\":\"KNEE\"}", false))).containsExactly(easy.toString());
    assertThat(ids(result(NAME, "{\"text\":\"threshold\"}", false))).containsExactly(tempo.toString());
    assertThat(result(NAME, "{\"text\":\"%\"}", false).getLong("total")).isZero();

    JsonObject longest = result(NAME, "{\"sort\":\"distance\",\"limit\":2}", false);
    assertThat(ids(longest)).containsExactly(ride.toString(), easy.toString());
    assertThat(longest.getLong("total")).isEqualTo(5);
    assertThat(longest.getInteger("shown")).isEqualTo(2);
    assertThat(ids(result(NAME, "{\"sort\":\"duration\",\"limit\":1}", false))).containsExactly(ride.toString());

    ToolReply reply = call(NAME, "{\"sort\":\"distance\",\"limit\":2}", false);
    assertThat(reply.summary()).isEqualTo("2 of 5 activities");
    assertThat(reply.lookup()).isEqualTo("activities by distance");
    assertThat(reply.activityIds()).containsExactly(ride, easy);
    assertThat(call(NAME, "{\"sport\":\"run\",\"from\":\"2024-01-01\",\"sort\":\"distance\"}", false).lookup())
        .isEqualTo("runs since 2024-01-01 by distance");
  }

  @Test
  @DisplayName("Sorting by load uses the coach's loads, largest first")
  void sortByLoad() {
    store(copy(ActivitySource.FILE, "a", "Run", "Short", null, null, daysAgo(3), 1200, 4_000.0, 150.0, null, null));
    UUID longest = store(copy(ActivitySource.FILE, "b", "Run", "Long", null, null, daysAgo(2), 7200, 20_000.0, 150.0, null,
        null));
    store(copy(ActivitySource.FILE, "c", "Run", "Medium", null, null, daysAgo(1), 3600, 10_000.0, 150.0, null, null));
    JsonObject r = result(NAME, "{\"sort\":\"load\"}", false);
    List<Double> loads = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      loads.add(((Number) cell(r, i, "load")).doubleValue());
    }
    assertThat(cell(r, 0, "id")).isEqualTo(longest.toString());
    assertThat(loads).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(loads.get(0)).isGreaterThan(loads.get(2));
  }

  @Test
  @DisplayName("A Strava-API-only activity is absent (not its name, id, numbers nor its count) unless the athlete allowed Strava API data")
  void dataPolicy() {
    UUID own = store(copy(ActivitySource.FILE, "own", "Run", "Long run from my watch", null, null, daysAgo(3), 7200,
        24_000.0, 145.0, null, null));
    UUID strava = store(copy(ActivitySource.STRAVA_API, "zebra", "Run", "Zebra Strava-only session", "zebra description",
        "zebra notes", daysAgo(2), 5400, 31_337.0, 171.0, null, null));

    ToolReply off = call(NAME, "{\"sort\":\"distance\"}", false);
    assertThat(off.error()).isFalse();
    assertThat(off.content()).doesNotContainIgnoringCase("zebra").doesNotContain(strava.toString()).doesNotContain("31.34")
        .contains(own.toString());
    assertThat(new JsonObject(off.content()).getLong("total")).isEqualTo(1);
    assertThat(off.activityIds()).containsExactly(own);
    JsonObject none = new JsonObject(call(NAME, "{\"text\":\"zebra\"}", false).content());
    assertThat(none.getLong("total")).isZero();
    assertThat(none.getJsonArray("rows")).isEmpty();

    ToolReply on = call(NAME, "{\"sort\":\"distance\"}", true);
    assertThat(on.content()).contains("Zebra Strava-only session").contains(strava.toString()).contains("31.34");
    assertThat(new JsonObject(on.content()).getLong("total")).isEqualTo(2);
    assertThat(on.activityIds()).containsExactly(strava, own);
  }

  @Test
  @DisplayName("Invalid arguments give the model an error it can read: from after to, limit 51, unknown sort or field, not JSON")
  void invalidArguments() {
    ToolReply backwards = call(NAME, "{\"from\":\"2025-03-01\",\"to\":\"2025-02-01\"}", false);
    assertThat(backwards.error()).isTrue();
    assertThat(backwards.content()).contains("'from' (2025-03-01) is after 'to' (2025-02-01)");
    ToolReply tooMany = call(NAME, "{\"limit\":51}", false);
    assertThat(tooMany.error()).isTrue();
    assertThat(tooMany.content()).startsWith("Invalid arguments for search_activities").contains("limit");
    assertThat(call(NAME, "{\"sort\":\"pace\"}", false).error()).isTrue();
    assertThat(call(NAME, "{\"sport\":\"football\"}", false).error()).isTrue();
    assertThat(call(NAME, "{\"athlete\":\"someone else\"}", false).error()).isTrue();
    assertThat(call(NAME, "{\"from\":\"2025-02-30\"}", false).content()).contains("'from' is not a date");
    assertThat(call(NAME, "{\"from\":\"yesterday\"}", false).error()).isTrue();
    assertThat(call(NAME, "{\"limit\":", false).content()).isEqualTo("The arguments are not a JSON object.");
    // Dates outside the window are clamped, not refused.
    assertThat(call(NAME, "{\"from\":\"1900-01-01\",\"to\":\"2999-01-01\"}", false).error()).isFalse();
  }

  @Test
  @DisplayName("Fifty rows with long names and notes stay under the 8 KB a result may take, and say that rows were left out")
  void staysUnderTheGuard() {
    List<fitcoach.activities.ActivityInput> copies = new ArrayList<>();
    String longText = "A very long note about how the session went, the weather, the legs, the shoes and the route. ".repeat(4);
    for (int i = 0; i < 60; i++) {
      copies.add(copy(ActivitySource.FILE, "n" + i, "Run", "Session number " + i + " with a long name ".repeat(4), null,
          longText, daysAgo(i + 1), 3600, 10_000.0 + i, 150.0, null, null));
    }
    fitcoach.testing.Workouts.store(app, copies);
    ToolReply reply = call(NAME, "{\"limit\":50}", false);
    assertThat(reply.error()).as(reply.content()).isFalse();
    assertThat(reply.bytes()).isLessThanOrEqualTo(ToolRegistry.MAX_RESULT_BYTES);
    JsonObject r = new JsonObject(reply.content());
    assertThat(r.getLong("total")).isEqualTo(60);
    assertThat(r.getBoolean("cut_for_size")).isTrue();
    assertThat(r.getInteger("shown")).isEqualTo(r.getJsonArray("rows").size()).isLessThan(50).isGreaterThan(10);
    assertThat(((String) cell(r, 0, "notes")).length()).isLessThanOrEqualTo(ToolActivitySql.NOTE_SNIPPET);
    assertThat(reply.activityIds()).hasSize(r.getInteger("shown"));
  }
}
