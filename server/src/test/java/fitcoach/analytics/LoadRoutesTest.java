package fitcoach.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.load.Gain;
import fitcoach.load.Pmc;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcOptions;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoadRoutesTest extends ApiTest {
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void signIn() {
    signedIn();
  }

  private void session(LocalDate day, int minutes, int rpe) {
    var r = client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", day + "T08:00")
        .put("durationS", minutes * 60).put("rpe", rpe));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private SortedMap<LocalDate, Double> loadsFromTheActivityList() {
    SortedMap<LocalDate, Double> loads = new TreeMap<>();
    for (Object o : client.get("/api/activities?limit=200").jsonArray("items")) {
      JsonObject a = (JsonObject) o;
      loads.merge(LocalDate.parse(a.getString("startDateLocal").substring(0, 10)), a.getDouble("load"), Double::sum);
    }
    return loads;
  }

  @Test
  @DisplayName("The chart the API serves is the engine's chart of the activities' loads, day by day through today")
  void chartComesFromTheEngine() {
    session(today.minusDays(20), 60, 5);
    session(today.minusDays(20), 30, 8);
    session(today.minusDays(9), 90, 4);
    session(today.minusDays(2), 45, 7);
    List<PmcDay> expected = Pmc.compute(loadsFromTheActivityList(), today, PmcOptions.defaults());

    var body = client.get("/api/load/pmc?from=" + today.minusDays(30) + "&to=" + today).json();
    JsonArray days = body.getJsonArray("days");
    assertThat(days).hasSize(expected.size());
    assertThat(days.getJsonObject(0).getString("date")).isEqualTo(today.minusDays(21).toString());
    for (int i = 0; i < expected.size(); i++) {
      JsonObject d = days.getJsonObject(i);
      PmcDay e = expected.get(i);
      assertThat(d.getString("date")).isEqualTo(e.date().toString());
      assertThat(d.getDouble("ctl")).isCloseTo(e.ctl(), within(0.006));
      assertThat(d.getDouble("atl")).isCloseTo(e.atl(), within(0.006));
      assertThat(d.getDouble("tsb")).isCloseTo(e.form(), within(0.006));
      assertThat(d.getDouble("ramp")).isCloseTo(e.ramp(), within(0.006));
    }
    assertThat(body.getBoolean("warmingUp")).isTrue();
    assertThat(TestDatabase.count("SELECT count(*) FROM daily_load")).isEqualTo(expected.size());

    JsonObject stats = client.get("/api/activities/stats").json();
    PmcDay last = expected.get(expected.size() - 1);
    assertThat(stats.getString("date")).isEqualTo(today.toString());
    assertThat(stats.getDouble("ctl")).isCloseTo(last.ctl(), within(0.006));
    assertThat(stats.getDouble("atl")).isCloseTo(last.atl(), within(0.006));
    assertThat(stats.getDouble("tsb")).isCloseTo(last.form(), within(0.006));
    assertThat(stats.getString("zone")).isEqualTo(last.zone().name().toLowerCase());
    assertThat(stats.getJsonArray("methodMix").getJsonObject(0).getString("method")).isEqualTo("rpe");
    assertThat(stats.getJsonObject("thresholds").getBoolean("maxHrEstimated")).isTrue();
  }

  @Test
  @DisplayName("Adding an activity rewrites the stored chart from its day on and leaves earlier days untouched")
  void recomputesFromTheEarliestAffectedDay() {
    session(today.minusDays(30), 60, 5);
    double before = storedCtl(today.minusDays(11));
    TestDatabase.query("UPDATE daily_load SET ctl = -1 WHERE day < ?", rs -> null, today.minusDays(10));
    session(today.minusDays(10), 60, 9);
    assertThat(storedCtl(today.minusDays(11))).as("days before the change are not rewritten").isEqualTo(-1.0);
    assertThat(storedCtl(today.minusDays(10))).isGreaterThan(before);
  }

  @Test
  @DisplayName("A future 'to' projects the chart forward with zero load without storing it")
  void projectsForward() {
    session(today.minusDays(3), 60, 6);
    JsonArray days = client.get("/api/load/pmc?from=" + today + "&to=" + today.plusDays(14)).jsonArray("days");
    assertThat(days).hasSize(15);
    JsonObject last = days.getJsonObject(14);
    assertThat(last.getDouble("load")).isZero();
    assertThat(last.getDouble("ctl")).isLessThan(days.getJsonObject(0).getDouble("ctl"));
    assertThat(TestDatabase.count("SELECT count(*) FROM daily_load WHERE day > ?", today)).isZero();
  }

  @Test
  @DisplayName("Setting an FTP switches a ride with power from heart-rate load to power TSS")
  void thresholdChangeRecomputesLoads() {
    java.time.Instant start = java.time.Instant.now().minus(java.time.Duration.ofDays(2));
    var copy = fitcoach.testing.Workouts.copy(fitcoach.activities.ActivitySource.FILE, "ride-1", "Ride", "Ride", start, 3700, null, 140.0);
    fitcoach.testing.Workouts.store(app, new fitcoach.activities.ActivityInput(copy.source(), copy.externalId(), copy.sportType(),
        copy.name(), null, null, copy.startDate(), copy.startDateLocal(), "UTC", 3600, 3700, null, null, 140.0, null, 180.0, 200.0,
        true, null, null, null, null, null, null, false, false, false, null, null, null, null, null));
    assertThat(client.post("/api/load/recompute", null).status()).isEqualTo(200);
    JsonObject ride = client.get("/api/activities").jsonArray("items").getJsonObject(0);
    assertThat(ride.getString("loadMethod")).isEqualTo("HEART_RATE");
    assertThat(ride.getBoolean("loadEstimated")).isTrue();

    assertThat(client.put("/api/settings/profile", new JsonObject().put("ftpWatts", 250)).status()).isEqualTo(200);
    ride = client.get("/api/activities").jsonArray("items").getJsonObject(0);
    assertThat(ride.getString("loadMethod")).isEqualTo("POWER");
    assertThat(ride.getString("sportFamily")).isEqualTo("ride");
    // One hour at NP 200 W with FTP 250: IF 0.8, TSS 64.
    assertThat(ride.getDouble("load")).isCloseTo(64.0, within(1e-6));
  }

  @Test
  @DisplayName("PMC settings change the chart: the linear gain and a seed are applied, bad values are 422")
  void settings() {
    session(today.minusDays(5), 60, 6);
    assertThat(client.get("/api/load/settings").json().getString("gain")).isEqualTo("exponential");
    var put = client.put("/api/load/settings", new JsonObject().put("gain", "linear")
        .put("seed", new JsonObject().put("date", today.minusDays(10).toString()).put("ctl", 50).put("atl", 40)));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);

    PmcOptions options = new PmcOptions(42, 7, Gain.LINEAR,
        Optional.of(new fitcoach.load.PmcSeed(today.minusDays(10), 50, 40)));
    List<PmcDay> expected = Pmc.compute(loadsFromTheActivityList(), today, options);
    JsonObject stats = client.get("/api/activities/stats").json();
    assertThat(stats.getDouble("ctl")).isCloseTo(expected.get(expected.size() - 1).ctl(), within(0.006));
    assertThat(stats.getDouble("ctl")).isGreaterThan(40);

    assertThat(client.put("/api/load/settings", new JsonObject().put("atlDays", 50)).status()).isEqualTo(422);
    assertThat(client.put("/api/load/settings", new JsonObject().put("ctlDays", 7).put("atlDays", 7)).errorField()).isEqualTo("atlDays");
    assertThat(client.put("/api/load/settings", new JsonObject().put("gain", "quadratic")).errorField()).isEqualTo("gain");
    assertThat(client.put("/api/load/settings", new JsonObject().put("seed", new JsonObject().put("date", "x")
        .put("ctl", 1).put("atl", 1))).status()).isEqualTo(422);
  }

  @Test
  @DisplayName("by=week adds Monday weeks whose load is the engine's sum of the days in range, closing on the last day's fitness")
  void weeklyBars() {
    session(today.minusDays(40), 60, 5);
    session(today.minusDays(12), 90, 6);
    session(today.minusDays(11), 30, 8);
    session(today.minusDays(1), 45, 7);
    LocalDate from = today.minusDays(35);
    List<PmcDay> expected = Pmc.compute(loadsFromTheActivityList(), today, PmcOptions.defaults()).stream()
        .filter(d -> !d.date().isBefore(from)).toList();

    JsonObject body = client.get("/api/load/pmc?by=week&from=" + from + "&to=" + today).json();
    assertThat(body.getJsonArray("days")).hasSize(expected.size());
    JsonArray weeks = body.getJsonArray("weeks");
    LocalDate firstMonday = from.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    LocalDate lastMonday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    assertThat(weeks.getJsonObject(0).getString("weekStart")).isEqualTo(firstMonday.toString());
    assertThat(weeks.getJsonObject(weeks.size() - 1).getString("weekStart")).as("the current week is there")
        .isEqualTo(lastMonday.toString());
    int dayCount = 0;
    for (Object o : weeks) {
      JsonObject w = (JsonObject) o;
      LocalDate start = LocalDate.parse(w.getString("weekStart"));
      List<PmcDay> inWeek = expected.stream()
          .filter(d -> !d.date().isBefore(start) && d.date().isBefore(start.plusDays(7))).toList();
      PmcDay last = inWeek.get(inWeek.size() - 1);
      assertThat(w.getInteger("days")).isEqualTo(inWeek.size());
      assertThat(w.getDouble("load")).isCloseTo(inWeek.stream().mapToDouble(PmcDay::load).sum(), within(0.006));
      assertThat(w.getString("last")).isEqualTo(last.date().toString());
      assertThat(w.getDouble("ctl")).isCloseTo(last.ctl(), within(0.006));
      assertThat(w.getDouble("atl")).isCloseTo(last.atl(), within(0.006));
      assertThat(w.getDouble("tsbAfter")).isCloseTo(last.formAfter(), within(0.006));
      dayCount += w.getInteger("days");
    }
    assertThat(dayCount).isEqualTo(expected.size());
    assertThat(weeks.stream().mapToDouble(o -> ((JsonObject) o).getDouble("load")).sum()).isGreaterThan(0);
    assertThat(client.get("/api/load/pmc?from=" + from + "&to=" + today).json().containsKey("weeks")).isFalse();
    assertThat(client.get("/api/load/pmc?by=day").json().containsKey("weeks")).isFalse();
  }

  @Test
  @DisplayName("An unknown 'by' is a 422 JSON error naming the parameter, like a bad 'from' or 'to'")
  void badBy() {
    var badFrom = client.get("/api/load/pmc?from=yesterday");
    assertThat(badFrom.status()).isEqualTo(422);
    assertThat(badFrom.errorField()).isEqualTo("from");
    for (String by : List.of("month", "WEEK", "%20x", "1")) {
      var r = client.get("/api/load/pmc?by=" + by);
      assertThat(r.status()).as(by).isEqualTo(422);
      assertThat(r.errorField()).isEqualTo("by");
      assertThat(r.json().getJsonObject("error").getString("code")).isEqualTo("invalid_value");
    }
  }

  @Test
  @DisplayName("With no activities the chart is empty and today's numbers are zero while warming up")
  void empty() {
    assertThat(client.get("/api/load/pmc").jsonArray("days")).isEmpty();
    JsonObject stats = client.get("/api/activities/stats").json();
    assertThat(stats.getDouble("ctl")).isZero();
    assertThat(stats.getBoolean("warmingUp")).isTrue();
    assertThat(client.get("/api/load/pmc?from=2026-02-30").status()).isEqualTo(422);
    assertThat(client.get("/api/load/pmc?from=2026-02-01&to=2026-01-01").errorField()).isEqualTo("from");
  }

  private double storedCtl(LocalDate day) {
    return TestDatabase.query("SELECT ctl FROM daily_load WHERE day = ?", rs -> {
      rs.next();
      return rs.getDouble(1);
    }, day);
  }
}
