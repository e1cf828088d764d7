package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.activities.ActivitySource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PerformanceCurveToolTest extends RangeToolTestBase {
  private static final String SECRET = "Zebra Strava-only sprint session";

  private static JsonArray row(JsonObject result, String duration) {
    return result.getJsonArray("rows").stream().map(JsonArray.class::cast).filter(r -> r.getString(0).equals(duration))
        .findFirst().orElseThrow(() -> new AssertionError("no " + duration + " in " + result));
  }

  @Test
  @DisplayName("Power: the best at standard durations with the activity holding each, within the default last 365 days")
  void powerCurve() {
    double[] w1 = constant(1800, 200);
    for (int i = 100; i < 105; i++) {
      w1[i] = 900;
    }
    double[] w2 = constant(1800, 210);
    for (int i = 600; i < 660; i++) {
      w2[i] = 400;
    }
    double[] old = constant(1800, 150);
    for (int i = 0; i < 30; i++) {
      old[i] = 1000;
    }
    UUID r1 = ride(ActivitySource.FILE, "Sprints", TODAY.minusDays(100), 8, w1, null, 140.0);
    UUID r2 = ride(ActivitySource.FILE, "Minute reps", TODAY.minusDays(50), 8, w2, null, 140.0);
    UUID r3 = ride(ActivitySource.FILE, "Old sprint", TODAY.minusDays(500), 8, old, null, 140.0);
    awaitAnalysed(3);

    ToolReply reply = call(false, "performance_curve", "{\"metric\":\"power\"}");
    assertThat(reply.error()).as(reply.content()).isFalse();
    JsonObject r = new JsonObject(reply.content());
    assertThat(r.getString("sport")).isEqualTo("ride");
    assertThat(r.getString("unit")).isEqualTo("W");
    assertThat(r.getString("from")).isEqualTo(TODAY.minusDays(364).toString());
    assertThat(r.getInteger("activities_with_data")).isEqualTo(2);
    JsonArray five = row(r, "5s");
    assertThat(five.getDouble(1)).isEqualTo(900.0);
    assertThat(five.getString(2)).isEqualTo(r1.toString());
    assertThat(five.getString(3)).isEqualTo(TODAY.minusDays(100).toString());
    assertThat(five.getString(4)).isEqualTo("Sprints");
    JsonArray minute = row(r, "1m");
    assertThat(minute.getDouble(1)).isEqualTo(400.0);
    assertThat(minute.getString(2)).isEqualTo(r2.toString());
    assertThat(r.getJsonArray("rows").stream().map(JsonArray.class::cast).map(x -> x.getString(0)).toList())
        .containsExactly("5s", "15s", "30s", "1m", "2m", "5m", "10m", "20m", "30m");
    assertThat(reply.activityIds()).containsExactlyInAnyOrder(r1, r2).doesNotContain(r3);
    assertThat(reply.lookup()).isEqualTo("best power over the last year");

    // All time: the old ride's 1000 W holds the 5 s best.
    JsonObject all = json(false, "performance_curve", "{\"metric\":\"power\",\"from\":\"1970-01-01\"}");
    assertThat(row(all, "5s").getString(2)).isEqualTo(r3.toString());
    assertThat(row(all, "30s").getDouble(1)).isEqualTo(1000.0);
  }

  @Test
  @DisplayName("CP, W' and eFTP when the range's 3-20 min bests allow a fit (the engine's model over them)")
  void criticalPower() {
    double cp = 250;
    double wPrime = 20_000;
    // One effort at every duration the fit reads, each on the curve P = CP + W'/t.
    int[] durations = {180, 240, 300, 480, 600, 720, 900, 1200};
    for (int k = 0; k < durations.length; k++) {
      int d = durations[k];
      double[] w = constant(d + 600, 50);
      for (int i = 300; i < 300 + d; i++) {
        w[i] = cp + wPrime / d;
      }
      ride(ActivitySource.FILE, "Test " + d, TODAY.minusDays(20 + k), 8, w, null, 140.0);
    }
    awaitAnalysed(durations.length);
    JsonObject model = json(false, "performance_curve", "{\"metric\":\"power\",\"sport\":\"ride\"}").getJsonObject("model");
    assertThat(model.getDouble("critical_power_w")).isCloseTo(cp, within(1.0));
    assertThat(model.getDouble("w_prime_kj")).isCloseTo(wPrime / 1000, within(0.2));
    assertThat(model.getDouble("eftp_w")).isCloseTo(cp + wPrime / 3600, within(1.0));
    // Heart rate has no model.
    assertThat(json(false, "performance_curve", "{\"metric\":\"hr\"}").getValue("model")).isNull();
  }

  @Test
  @DisplayName("Pace for runs: the fastest per standard distance and the pace curve in min/km, with their activities")
  void runPaceAndBestEfforts() {
    UUID slow = run(ActivitySource.FILE, "Easy 6k", TODAY.minusDays(12), 3.0, 2000);
    UUID fast = run(ActivitySource.FILE, "Fast 5k", TODAY.minusDays(5), 4.0, 1500);
    awaitAnalysed(2);
    ToolReply reply = call(false, "performance_curve", "{\"metric\":\"pace\"}");
    JsonObject r = new JsonObject(reply.content());
    assertThat(r.getString("sport")).isEqualTo("run");
    assertThat(r.getString("unit")).isEqualTo("min:s/km");
    // 4 m/s is 250 s per km.
    assertThat(row(r, "1m").getString(1)).isEqualTo("4:10/km");
    assertThat(row(r, "1m").getString(2)).isEqualTo(fast.toString());
    JsonArray efforts = r.getJsonObject("best_efforts").getJsonArray("rows");
    JsonArray fiveK = efforts.stream().map(JsonArray.class::cast).filter(e -> e.getString(0).equals("5 km")).findFirst().orElseThrow();
    assertThat(fiveK.getString(1)).isEqualTo("0:20:50");
    assertThat(fiveK.getString(2)).isEqualTo("4:10/km");
    assertThat(fiveK.getString(3)).isEqualTo(fast.toString());
    // Only the 6 km run covers... no 10 km: 2000 s at 3 m/s is 6 km.
    assertThat(efforts.stream().map(JsonArray.class::cast).map(e -> e.getString(0))).doesNotContain("10 km");
    assertThat(reply.activityIds()).contains(fast);
    assertThat(slow).isNotNull();
  }

  @Test
  @DisplayName("Data policy: a Strava-API-only ride holds no best and is never named unless allowed; then it counts")
  void stravaApiOnlyActivity() {
    UUID own = ride(ActivitySource.FILE, "Own ride", TODAY.minusDays(10), 8, constant(1200, 220), constant(1200, 140), 140.0);
    awaitAnalysed(1);
    String args = "{\"metric\":\"power\"}";
    String before = ok(false, "performance_curve", args);
    UUID strava = ride(ActivitySource.STRAVA_API, SECRET, TODAY.minusDays(3), 8, constant(1200, 400), constant(1200, 185), 185.0);
    awaitAnalysed(2);
    ToolReply without = call(false, "performance_curve", args);
    assertThat(without.content()).isEqualTo(before).doesNotContain(strava.toString()).doesNotContain("Zebra");
    assertThat(without.activityIds()).containsExactly(own);
    assertThat(call(false, "performance_curve", "{\"metric\":\"hr\"}").content()).doesNotContain(strava.toString())
        .doesNotContain("185");
    ToolReply with = call(true, "performance_curve", args);
    assertThat(with.content()).contains(strava.toString()).contains(SECRET);
    assertThat(with.activityIds()).contains(strava);
    assertThat(row(new JsonObject(with.content()), "5m").getDouble(1)).isEqualTo(400.0);
  }

  @Test
  @DisplayName("A memoised answer is not served once the worker has stored a new analysis (the chart itself unchanged)")
  void memoFollowsTheStoredAnalyses() {
    ride(ActivitySource.FILE, "First", TODAY.minusDays(10), 8, constant(600, 200), null, 140.0);
    awaitAnalysed(1);
    // One registry over one LoadService, as the app keeps them; this LoadService never hears of the app's writes, so
    // only the version of the stored analyses can tell it the answer changed.
    ToolRegistry registry = registry();
    ToolScope scope = new ToolScope(userId, false, TODAY);
    String first = await(registry.call(scope, "performance_curve", "{\"metric\":\"power\"}")).content();
    assertThat(await(registry.call(scope, "performance_curve", "{\"metric\":\"power\"}")).content()).isEqualTo(first);
    UUID better = ride(ActivitySource.FILE, "Better", TODAY.minusDays(5), 8, constant(600, 300), null, 140.0);
    awaitAnalysed(2);
    String second = await(registry.call(scope, "performance_curve", "{\"metric\":\"power\"}")).content();
    assertThat(second).isNotEqualTo(first).contains(better.toString());
    assertThat(row(new JsonObject(second), "5m").getDouble(1)).isEqualTo(300.0);
  }

  @Test
  @DisplayName("Invalid arguments are error replies: a bad metric, from after to, an unknown sport, a missing metric")
  void invalidArguments() {
    assertThat(error("performance_curve", "{\"metric\":\"watts\"}")).contains("Invalid arguments").contains("metric");
    assertThat(error("performance_curve", "{}")).contains("metric");
    assertThat(error("performance_curve", "{\"metric\":\"power\",\"from\":\"2025-05-02\",\"to\":\"2025-05-01\"}"))
        .contains("'from' (2025-05-02) is after 'to'");
    assertThat(error("performance_curve", "{\"metric\":\"power\",\"sport\":\"chess\"}")).contains("sport family");
  }

  @Test
  @DisplayName("All time, run pace with best efforts and long names, stays under 8 KB")
  void eightKilobytes() {
    String longName = "A very long run name that goes on and on about the weather, the route and the shoes ".repeat(3);
    for (int i = 0; i < 4; i++) {
      run(ActivitySource.FILE, longName + i, TODAY.minusDays(10 + i * 300L), 3.0 + i * 0.2, 12_000);
    }
    awaitAnalysed(4);
    ToolReply reply = call(false, "performance_curve", "{\"metric\":\"pace\",\"from\":\"1970-01-01\"}");
    assertThat(reply.error()).as(reply.content()).isFalse();
    assertThat(reply.bytes()).isLessThan(ToolRegistry.MAX_RESULT_BYTES);
    JsonObject r = new JsonObject(reply.content());
    assertThat(r.getJsonArray("rows")).hasSize(PerformanceCurveTool.SHOWN_S.size());
    assertThat(r.getJsonObject("best_efforts").getJsonArray("rows")).hasSize(7);
    assertThat(r.getJsonArray("rows").getJsonArray(0).getString(4)).hasSize(PerformanceCurveTool.NAME_CHARS);
    LocalDate oldest = TODAY.minusDays(910);
    assertThat(r.getString("from")).isEqualTo("1970-01-01");
    assertThat(oldest).isBefore(TODAY);
  }
}
