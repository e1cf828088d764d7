package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.activities.ActivitySource;
import fitcoach.analytics.CoachLoad;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ComparePeriodsToolTest extends RangeToolTestBase {
  private static final String SECRET = "Zebra Strava-only threshold ride";
  private static final LocalDate A_FROM = TODAY.minusDays(400);
  private static final LocalDate A_TO = TODAY.minusDays(371);
  private static final LocalDate B_FROM = TODAY.minusDays(35);
  private static final LocalDate B_TO = TODAY.minusDays(6);

  private static String periods(String sport) {
    JsonObject args = new JsonObject().put("a_from", A_FROM.toString()).put("a_to", A_TO.toString())
        .put("b_from", B_FROM.toString()).put("b_to", B_TO.toString());
    if (sport != null) {
      args.put("sport", sport);
    }
    return args.encode();
  }

  private static JsonArray sportRow(JsonObject period, String sport) {
    return period.getJsonObject("by_sport").getJsonArray("rows").stream().map(JsonArray.class::cast)
        .filter(r -> r.getString(0).equals(sport)).findFirst().orElseThrow(() -> new AssertionError("no " + sport + " in " + period));
  }

  @Test
  @DisplayName("Totals per period and per sport, loads from the engine, the time-weighted average HR, and b − a with its %")
  void totalsAndDifferences() {
    UUID a1 = activity(ActivitySource.FILE, "Run", "Run A", A_FROM.plusDays(3), 3600, 10_000, 140.0);
    activity(ActivitySource.FILE, "Ride", "Ride A", A_FROM.plusDays(5), 7200, 60_000, 130.0);
    UUID b1 = activity(ActivitySource.FILE, "Run", "Run B1", B_FROM.plusDays(1), 3600, 12_000, 150.0);
    activity(ActivitySource.FILE, "Run", "Run B2", B_FROM.plusDays(8), 1800, 6_000, 160.0);
    activity(ActivitySource.FILE, "Swim", "Swim B", B_FROM.plusDays(9), 2700, 2_500, 120.0);
    // Outside both periods.
    activity(ActivitySource.FILE, "Run", "Run later", TODAY.minusDays(2), 3600, 10_000, 150.0);

    JsonObject r = json(false, "compare_periods", periods(null));
    JsonObject a = r.getJsonObject("a");
    JsonObject b = r.getJsonObject("b");
    assertThat(a.getInteger("sessions")).isEqualTo(2);
    assertThat(b.getInteger("sessions")).isEqualTo(3);
    assertThat(a.getDouble("distance_km")).isEqualTo(70.0);
    assertThat(b.getDouble("distance_km")).isEqualTo(20.5);
    assertThat(a.getString("time")).isEqualTo("3:00:00");
    assertThat(b.getString("time")).isEqualTo("2:15:00");
    // (140 × 3600 + 130 × 7200) / 10800.
    assertThat(a.getDouble("avg_hr")).isEqualTo(133.0);
    CoachLoad coach = await(loadService().forCoach(userId, false));
    double loadA = coach.loads().values().stream().mapToDouble(CoachLoad.ActivityLoadValue::load).sum();
    assertThat(coach.loads().get(a1).load()).isPositive();
    double loadsInA = coach.loads().entrySet().stream().filter(e -> e.getKey().equals(a1)).mapToDouble(e -> e.getValue().load()).sum();
    assertThat(sportRow(a, "run").getDouble(5)).isCloseTo(loadsInA, within(0.05));
    assertThat(sportRow(b, "swim").getInteger(1)).isEqualTo(1);
    assertThat(sportRow(b, "run").getDouble(2)).isEqualTo(18.0);
    assertThat(loadA).isGreaterThan(0);

    JsonObject d = r.getJsonObject("difference_b_minus_a");
    assertThat(d.getJsonArray("sessions").getList()).containsExactly(1.0, 50.0);
    assertThat(d.getJsonArray("distance_km").getDouble(0)).isEqualTo(-49.5);
    assertThat(d.getJsonArray("distance_km").getDouble(1)).isCloseTo(-70.7, within(0.05));
    assertThat(d.getJsonArray("load").getDouble(0)).isCloseTo(b.getDouble("load") - a.getDouble("load"), within(0.05));
    JsonArray swim = d.getJsonObject("by_sport").getJsonArray("rows").stream().map(JsonArray.class::cast)
        .filter(x -> x.getString(0).equals("swim")).findFirst().orElseThrow();
    // No swim in a: the change has no %.
    assertThat(swim.getJsonArray(1).getList()).containsExactly(1.0, null);

    // A sport filter keeps only that family.
    JsonObject runs = json(false, "compare_periods", periods("run"));
    assertThat(runs.getString("sport")).isEqualTo("run");
    assertThat(runs.getJsonObject("b").getInteger("sessions")).isEqualTo(2);
    assertThat(runs.getJsonObject("a").getDouble("distance_km")).isEqualTo(10.0);
    assertThat(call(false, "compare_periods", periods(null)).lookup())
        .isEqualTo(A_FROM + " to " + A_TO + " vs " + B_FROM + " to " + B_TO);
    assertThat(b1).isNotNull();
  }

  @Test
  @DisplayName("Intensity: time in heart-rate and power zones from the stored analyses, cut by the thresholds in force")
  void intensityDistribution() {
    // FTP 200 from before either period: 140 W is Z2 (55-75 %), 230 W is Z5 (105-120 %).
    for (Object[] t : new Object[][] {{"ftp", 200}, {"lthr", 160}, {"max_hr", 190}}) {
      var r = client.post("/api/settings/thresholds", new JsonObject().put("kind", t[0])
          .put("validFrom", A_FROM.minusDays(10).toString()).put("value", t[1]));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    ride(ActivitySource.FILE, "Easy", A_FROM.plusDays(1), 8, constant(600, 140), constant(600, 120), 120.0);
    ride(ActivitySource.FILE, "Hard", B_FROM.plusDays(1), 8, constant(600, 230), constant(600, 170), 170.0);
    awaitAnalysed(2);
    JsonObject r = json(false, "compare_periods", periods("ride"));
    JsonObject pa = r.getJsonObject("a").getJsonObject("intensity").getJsonObject("power");
    JsonObject pb = r.getJsonObject("b").getJsonObject("intensity").getJsonObject("power");
    assertThat(pa.getJsonArray("zones").getString(1)).isEqualTo("Endurance");
    // Second 0 never moves: 599 moving seconds.
    assertThat(pa.getJsonArray("time").getString(1)).isEqualTo("0:09:59");
    assertThat(pa.getJsonArray("share_pct").getList()).containsExactly(100.0, 0.0, 0.0);
    assertThat(pb.getJsonArray("time").getString(4)).isEqualTo("0:09:59");
    assertThat(pb.getJsonArray("share_pct").getList()).containsExactly(0.0, 0.0, 100.0);
    JsonObject hb = r.getJsonObject("b").getJsonObject("intensity").getJsonObject("heart_rate");
    assertThat(hb.getString("basis")).isEqualTo("% of threshold HR");
    // 170 bpm at LTHR 160 is 106 %: Z5.
    assertThat(hb.getJsonArray("time").getString(4)).isEqualTo("0:09:59");
    assertThat(r.getJsonObject("difference_b_minus_a").getJsonArray("power_share_points_below_at_above").getList())
        .containsExactly(-100.0, 0.0, 100.0);
  }

  @Test
  @DisplayName("Data policy: a Strava-API-only activity moves no number and is never named unless allowed; then it counts")
  void stravaApiOnlyActivity() {
    ride(ActivitySource.FILE, "Own ride", B_FROM.plusDays(2), 8, null, constant(600, 140), 140.0);
    awaitAnalysed(1);
    String before = ok(false, "compare_periods", periods(null));
    // Higher max HR than anything else: were it read, the estimated max HR (and the zones) would move too.
    UUID strava = ride(ActivitySource.STRAVA_API, SECRET, B_FROM.plusDays(4), 8, constant(600, 300), constant(600, 185), 185.0);
    awaitAnalysed(2);
    String without = ok(false, "compare_periods", periods(null));
    assertThat(without).isEqualTo(before).doesNotContain(strava.toString()).doesNotContain("Zebra");
    JsonObject with = new JsonObject(ok(true, "compare_periods", periods(null)));
    assertThat(with.getJsonObject("b").getInteger("sessions")).isEqualTo(2);
    assertThat(with.getJsonObject("b").getDouble("avg_hr")).isGreaterThan(new JsonObject(before).getJsonObject("b").getDouble("avg_hr"));
    assertThat(with.getJsonObject("b").getJsonObject("intensity"))
        .isNotEqualTo(new JsonObject(before).getJsonObject("b").getJsonObject("intensity"));
  }

  @Test
  @DisplayName("Invalid arguments are error replies: a period the wrong way round, over 3 years, an unknown sport, a missing date")
  void invalidArguments() {
    assertThat(error("compare_periods", new JsonObject().put("a_from", "2025-02-01").put("a_to", "2025-01-01")
        .put("b_from", "2025-03-01").put("b_to", "2025-03-31").encode())).contains("'a_from' (2025-02-01) is after 'a_to'");
    assertThat(error("compare_periods", new JsonObject().put("a_from", "2020-01-01").put("a_to", "2025-01-01")
        .put("b_from", "2025-03-01").put("b_to", "2025-03-31").encode())).contains("3 years");
    assertThat(error("compare_periods", new JsonObject().put("a_from", "2025-01-01").put("a_to", "2025-01-31")
        .put("b_from", "2025-03-01").put("b_to", "2025-03-31").put("sport", "curling").encode())).contains("sport family");
    assertThat(error("compare_periods", "{\"a_from\":\"2025-01-01\",\"a_to\":\"2025-01-31\",\"b_from\":\"2025-03-01\"}"))
        .contains("b_to");
  }

  @Test
  @DisplayName("Two 3-year periods with every sport stay under 8 KB")
  void eightKilobytes() {
    String[] types = {"Run", "Ride", "Swim", "Walk", "Rowing", "NordicSki", "WeightTraining", "Yoga", "Triathlon"};
    LocalDate aFrom = TODAY.minusDays(2 * ComparePeriodsTool.MAX_DAYS);
    LocalDate bFrom = TODAY.minusDays(ComparePeriodsTool.MAX_DAYS - 1);
    for (int i = 0; i < types.length; i++) {
      activity(ActivitySource.FILE, types[i], "A " + types[i], aFrom.plusDays(10 + i), 3600 + i, 10_000 + i, 140.0);
      activity(ActivitySource.FILE, types[i], "B " + types[i], bFrom.plusDays(10 + i), 3700 + i, 11_000 + i, 141.0);
    }
    String args = new JsonObject().put("a_from", aFrom.toString()).put("a_to", aFrom.plusDays(ComparePeriodsTool.MAX_DAYS - 1).toString())
        .put("b_from", bFrom.toString()).put("b_to", TODAY.toString()).encode();
    JsonObject r = json(false, "compare_periods", args);
    assertThat(r.getJsonObject("a").getJsonObject("by_sport").getJsonArray("rows")).hasSizeGreaterThanOrEqualTo(8);
  }
}
