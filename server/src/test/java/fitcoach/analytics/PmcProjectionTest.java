package fitcoach.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.load.Pmc;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcOptions;
import fitcoach.testing.ApiTest;
import fitcoach.testing.PlanRows;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GET /api/load/pmc past today: the plan carried forward (GoldenCheetah's "expected" series), or rest. */
class PmcProjectionTest extends ApiTest {
  /** The athlete's today: the default profile is in UTC. */
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void signIn() {
    signedIn();
  }

  private UUID session(LocalDate day, String sport, int minutes, int rpe) {
    var r = client.post("/api/activities", new JsonObject().put("sportType", sport).put("startLocal", day + "T08:00")
        .put("durationS", minutes * 60).put("rpe", rpe));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return UUID.fromString(r.json().getString("id"));
  }

  private void history() {
    for (int i = 3; i <= 60; i += 3) {
      session(today.minusDays(i), "Run", 60, 6);
    }
  }

  /** The loads the chart counts, as the activity list shows them. */
  private SortedMap<LocalDate, Double> actualLoads() {
    SortedMap<LocalDate, Double> loads = new TreeMap<>();
    for (Object o : client.get("/api/activities?limit=200").jsonArray("items")) {
      JsonObject a = (JsonObject) o;
      loads.merge(LocalDate.parse(a.getString("startDateLocal").substring(0, 10)), a.getDouble("load"), Double::sum);
    }
    return loads;
  }

  private JsonObject pmc(String query) {
    var r = client.get("/api/load/pmc?" + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static JsonObject dayOf(JsonObject body, LocalDate date) {
    for (Object o : body.getJsonArray("days")) {
      if (((JsonObject) o).getString("date").equals(date.toString())) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no day " + date + " in " + body.getJsonArray("days").size() + " days");
  }

  /**
   * The oracle, written out rather than taken from the engine: CTL_d = CTL_{d−1} + (L_d − CTL_{d−1})·(1 − e^(−1/42)),
   * ATL the same with 7, both 0 on the day before the first load; form on a day is CTL − ATL of the day before.
   * Per date: {ctl, atl, form at the start of the day}.
   */
  private static Map<LocalDate, double[]> oracle(SortedMap<LocalDate, Double> loads, LocalDate to) {
    double kCtl = 1 - Math.exp(-1.0 / 42);
    double kAtl = 1 - Math.exp(-1.0 / 7);
    double ctl = 0;
    double atl = 0;
    Map<LocalDate, double[]> out = new HashMap<>();
    for (LocalDate d = loads.firstKey().minusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      double form = ctl - atl;
      double load = loads.getOrDefault(d, 0.0);
      ctl = ctl + (load - ctl) * kCtl;
      atl = atl + (load - atl) * kAtl;
      out.put(d, new double[] {ctl, atl, form});
    }
    return out;
  }

  @Test
  @DisplayName("Test vectors: three 600-load weeks then a 10-day taper give the race-day form an independent EWMA computes")
  void buildTaperAndRace() {
    history();
    SortedMap<LocalDate, Double> plan = new TreeMap<>();
    LocalDate start = today.plusDays(1);
    for (int i = 0; i < 21; i++) {
      if (i % 7 != 6) {
        plan.put(start.plusDays(i), 100.0);
      }
    }
    for (int i = 21; i < 31; i++) {
      plan.put(start.plusDays(i), 40.0);
    }
    LocalDate race = start.plusDays(31);
    plan.forEach((day, load) -> PlanRows.workout(day, "Ride", load));
    PlanRows.event(race, "City Marathon", "Run", "A");

    JsonObject body = pmc("from=" + today.minusDays(20) + "&to=" + race + "&by=week");
    SortedMap<LocalDate, Double> all = actualLoads();
    plan.forEach((day, load) -> all.merge(day, load, Double::sum));
    Map<LocalDate, double[]> expected = oracle(all, race);

    JsonArray days = body.getJsonArray("days");
    assertThat(days).hasSize(53);
    for (Object o : days) {
      JsonObject d = (JsonObject) o;
      LocalDate date = LocalDate.parse(d.getString("date"));
      double[] e = expected.get(date);
      assertThat(d.getDouble("ctl")).as(date.toString()).isCloseTo(e[0], within(0.006));
      assertThat(d.getDouble("atl")).as(date.toString()).isCloseTo(e[1], within(0.006));
      assertThat(d.getDouble("tsb")).as(date.toString()).isCloseTo(e[2], within(0.006));
      boolean future = date.isAfter(today);
      assertThat(d.getBoolean("projected", false)).as(date.toString()).isEqualTo(future);
      if (future) {
        assertThat(d.getDouble("load")).isEqualTo(plan.getOrDefault(date, 0.0));
        assertThat(d.getDouble("plannedLoad")).isEqualTo(plan.getOrDefault(date, 0.0));
      } else if (date.isBefore(today)) {
        assertThat(d.fieldNames()).as("a past day has the fields it always had")
            .containsExactlyInAnyOrder("date", "load", "ctl", "atl", "tsb", "tsbAfter", "ramp", "zone");
      } else {
        assertThat(d.getDouble("plannedLoad")).as("today, nothing planned").isZero();
      }
    }
    double raceForm = expected.get(race)[2];
    JsonArray events = body.getJsonArray("events");
    assertThat(events).hasSize(1);
    JsonObject event = events.getJsonObject(0);
    assertThat(event.getString("date")).isEqualTo(race.toString());
    assertThat(event.getString("name")).isEqualTo("City Marathon");
    assertThat(event.getString("priority")).isEqualTo("A");
    assertThat(event.getString("sport")).isEqualTo("Run");
    assertThat(event.getDouble("form")).isCloseTo(raceForm, within(0.006)).isEqualTo(dayOf(body, race).getDouble("tsb"));
    // The taper works: form at the end of the block is negative and well below race-day form.
    double endOfBlock = expected.get(start.plusDays(21))[2];
    assertThat(endOfBlock).isNegative();
    assertThat(raceForm).isGreaterThan(endOfBlock + 10);
    assertThat(body.getString("projection")).isEqualTo("plan");

    // The weeks are the same projected days: loads add up, future weeks are flagged and carry the planned load.
    JsonArray weeks = body.getJsonArray("weeks");
    double weekLoads = 0;
    double weekPlanned = 0;
    int weekDays = 0;
    for (Object o : weeks) {
      JsonObject w = (JsonObject) o;
      weekLoads += w.getDouble("load");
      weekPlanned += w.getDouble("plannedLoad") == null ? 0 : w.getDouble("plannedLoad");
      weekDays += w.getInteger("days");
      assertThat(w.getBoolean("projected", false)).as(w.toString()).isEqualTo(LocalDate.parse(w.getString("last")).isAfter(today));
    }
    double dayLoads = days.stream().mapToDouble(o -> ((JsonObject) o).getDouble("load")).sum();
    assertThat(weekDays).isEqualTo(days.size());
    assertThat(weekLoads).isCloseTo(dayLoads, within(0.05));
    assertThat(weekPlanned).isCloseTo(plan.values().stream().mapToDouble(Double::doubleValue).sum(), within(0.05));
    JsonObject lastWeek = weeks.getJsonObject(weeks.size() - 1);
    assertThat(lastWeek.getString("last")).isEqualTo(race.toString());
    assertThat(lastWeek.getDouble("ctl")).isCloseTo(expected.get(race)[0], within(0.006));
    assertThat(TestDatabase.count("SELECT count(*) FROM daily_load WHERE day > ?", today)).as("nothing projected is stored")
        .isZero();
  }

  @Test
  @DisplayName("Today with recorded load keeps it and ignores today's plan; the planned load still shows")
  void todayWithLoadIgnoresThePlan() {
    history();
    session(today, "Run", 45, 7);
    PlanRows.workout(today, "Ride", 200.0);
    double actual = actualLoads().get(today);
    assertThat(actual).isPositive();
    JsonObject d = dayOf(pmc("from=" + today + "&to=" + today.plusDays(1)), today);
    assertThat(d.getDouble("load")).isCloseTo(actual, within(0.006));
    assertThat(d.getBoolean("projected", false)).isFalse();
    assertThat(d.getDouble("plannedLoad")).isEqualTo(200.0);
    Map<LocalDate, double[]> expected = oracle(actualLoads(), today);
    assertThat(d.getDouble("ctl")).isCloseTo(expected.get(today)[0], within(0.006));
  }

  @Test
  @DisplayName("Today without recorded load takes today's plan and is projected; as rest it keeps zero")
  void todayWithoutLoadTakesThePlan() {
    history();
    PlanRows.workout(today, "Ride", 80.0);
    JsonObject d = dayOf(pmc("from=" + today.minusDays(1) + "&to=" + today.plusDays(2)), today);
    assertThat(d.getDouble("load")).isEqualTo(80.0);
    assertThat(d.getBoolean("projected", false)).isTrue();
    SortedMap<LocalDate, Double> all = actualLoads();
    all.put(today, 80.0);
    assertThat(d.getDouble("ctl")).isCloseTo(oracle(all, today).get(today)[0], within(0.006));

    JsonObject rest = dayOf(pmc("projection=rest&from=" + today.minusDays(1) + "&to=" + today.plusDays(2)), today);
    assertThat(rest.getDouble("load")).isZero();
    assertThat(rest.getBoolean("projected", false)).isFalse();
    assertThat(rest.getDouble("plannedLoad")).isEqualTo(80.0);
    assertThat(rest.getDouble("ctl")).isLessThan(d.getDouble("ctl"));
  }

  @Test
  @DisplayName("A done workout is not counted twice: linked by date and sport family, or by hand to an activity done early")
  void linkedWorkoutsCountOnce() {
    history();
    // Today: a trail run whose load is set to 0 does today's planned run (same family), so today stays at 0.
    UUID trail = session(today, "TrailRun", 30, 2);
    var patch = client.send("PATCH", "/api/activities/" + trail, new JsonObject().put("loadOverride", 0).encode(),
        "application/json");
    assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
    PlanRows.workout(today, "Run", 70.0);
    JsonObject d = dayOf(pmc("from=" + today + "&to=" + today.plusDays(3)), today);
    assertThat(d.getDouble("load")).isZero();
    assertThat(d.getDouble("plannedLoad")).isZero();
    assertThat(d.getBoolean("projected", false)).isFalse();
    // A workout the athlete says no activity did stays planned.
    PlanRows.workout(today, "Run", 30.0, "none", null);
    d = dayOf(pmc("from=" + today + "&to=" + today.plusDays(3)), today);
    assertThat(d.getDouble("load")).isEqualTo(30.0);
    assertThat(d.getBoolean("projected", false)).isTrue();

    // Thursday's ride done on Tuesday and linked by hand: its load is yesterday's activity, not planned again.
    UUID early = session(today.minusDays(1), "Ride", 90, 6);
    LocalDate planned = today.plusDays(2);
    PlanRows.workout(planned, "Ride", 90.0, "manual", early);
    JsonObject body = pmc("from=" + today.minusDays(1) + "&to=" + today.plusDays(3));
    assertThat(dayOf(body, planned).getDouble("load")).isZero();
    assertThat(dayOf(body, planned).getDouble("plannedLoad")).isZero();
    assertThat(dayOf(body, today.minusDays(1)).getDouble("load")).isCloseTo(actualLoads().get(today.minusDays(1)), within(0.006));
    // Once that activity is deleted, the workout is planned again.
    assertThat(client.delete("/api/activities/" + early).status()).isIn(200, 204);
    assertThat(dayOf(pmc("from=" + today + "&to=" + today.plusDays(3)), planned).getDouble("load")).isEqualTo(90.0);
  }

  @Test
  @DisplayName("projection=rest lets the future decay with zero load, as the chart did before, while showing the plan")
  void restDecays() {
    history();
    LocalDate to = today.plusDays(20);
    String range = "from=" + today + "&to=" + to;
    JsonObject before = pmc(range);
    PlanRows.workout(today.plusDays(2), "Run", 120.0);
    PlanRows.workout(today.plusDays(5), "Ride", 150.0);
    JsonObject planned = pmc(range);
    assertThat(dayOf(planned, to).getDouble("ctl")).as("a chart memoised without a plan is not served once there is one")
        .isGreaterThan(dayOf(before, to).getDouble("ctl"));

    JsonObject rest = pmc("projection=rest&" + range);
    assertThat(rest.getString("projection")).isEqualTo("rest");
    List<PmcDay> engine = Pmc.compute(actualLoads(), to, PmcOptions.defaults());
    JsonArray days = rest.getJsonArray("days");
    assertThat(days).hasSize(21);
    double previous = Double.MAX_VALUE;
    for (Object o : days) {
      JsonObject d = (JsonObject) o;
      LocalDate date = LocalDate.parse(d.getString("date"));
      PmcDay e = engine.stream().filter(p -> p.date().equals(date)).findFirst().orElseThrow();
      assertThat(d.getDouble("ctl")).as(date.toString()).isCloseTo(e.ctl(), within(0.006));
      assertThat(d.getDouble("tsb")).as(date.toString()).isCloseTo(e.form(), within(0.006));
      if (date.isAfter(today)) {
        assertThat(d.getDouble("load")).isZero();
        assertThat(d.getBoolean("projected", false)).isTrue();
        assertThat(d.getDouble("ctl")).isLessThan(previous);
      }
      previous = d.getDouble("ctl");
    }
    assertThat(dayOf(rest, today.plusDays(5)).getDouble("plannedLoad")).isEqualTo(150.0);
    assertThat(dayOf(rest, to).getDouble("ctl")).isCloseTo(dayOf(before, to).getDouble("ctl"), within(0.006));
  }

  @Test
  @DisplayName("Events in the range carry the form of their day: recorded in the past, projected ahead; others are left out")
  void eventsCarryForm() {
    history();
    PlanRows.workout(today.plusDays(1), "Run", 150.0);
    PlanRows.event(today.minusDays(10), "Parkrun", "Run", "C");
    PlanRows.event(today.plusDays(4), "Criterium", "Ride", "B");
    PlanRows.event(today.plusDays(40), "Later race", "Run", "A");
    PlanRows.event(today.minusDays(40), "Earlier race", "Run", "A");
    JsonObject body = pmc("from=" + today.minusDays(14) + "&to=" + today.plusDays(7));
    JsonArray events = body.getJsonArray("events");
    assertThat(events.stream().map(o -> ((JsonObject) o).getString("name")).toList()).containsExactly("Parkrun", "Criterium");
    for (Object o : events) {
      JsonObject e = (JsonObject) o;
      assertThat(e.getDouble("form")).isEqualTo(dayOf(body, LocalDate.parse(e.getString("date"))).getDouble("tsb"));
    }
    SortedMap<LocalDate, Double> all = actualLoads();
    all.put(today.plusDays(1), 150.0);
    assertThat(events.getJsonObject(1).getDouble("form")).isCloseTo(oracle(all, today.plusDays(4)).get(today.plusDays(4))[2],
        within(0.006));
    assertThat(pmc("from=" + today.minusDays(3) + "&to=" + today).getJsonArray("events")).isEmpty();
  }

  @Test
  @DisplayName("Another athlete's planned workouts and events never reach this athlete's chart")
  void anotherAthletesPlanStaysOut() {
    history();
    LocalDate tomorrow = today.plusDays(1);
    String range = "from=" + today + "&to=" + today.plusDays(5);
    UUID workout = PlanRows.workout(tomorrow, "Run", 500.0);
    UUID event = PlanRows.event(tomorrow, "Their race", "Run", "A");
    assertThat(dayOf(pmc(range), tomorrow).getDouble("load")).isEqualTo(500.0);
    TestDatabase.inSecondAccount("planned_workouts", workout, () -> {
      JsonObject body = pmc(range);
      assertThat(dayOf(body, tomorrow).getDouble("load")).isZero();
      assertThat(dayOf(body, tomorrow).getDouble("plannedLoad")).isZero();
    });
    TestDatabase.inSecondAccount("planned_events", event, () -> assertThat(pmc(range).getJsonArray("events")).isEmpty());
  }

  @Test
  @DisplayName("Hostile ranges are 422 naming the parameter: 'to' ten years ahead or past 366 days, projection=foo, reversed, absurd")
  void hostileInput() {
    history();
    assertThat(pmc("to=" + today.plusDays(366)).getJsonArray("days")).hasSize(90);
    String[][] cases = {
        {"to=" + today.plusYears(10), "to"},
        {"to=" + today.plusDays(367), "to"},
        {"from=" + today.plusDays(400), "from"},
        {"to=%2B999999-01-01", "to"},
        {"from=1969-12-31", "from"},
        {"projection=foo", "projection"},
        {"projection=PLAN", "projection"},
        {"from=" + today.plusDays(10) + "&to=" + today.plusDays(5), "from"},
        {"from=" + today.plusDays(10), "from"},
        {"to=2026-13-01", "to"},
    };
    for (String[] c : cases) {
      var r = client.get("/api/load/pmc?" + c[0]);
      assertThat(r.status()).as(c[0] + ": " + r).isEqualTo(422);
      assertThat(r.errorField()).as(c[0]).isEqualTo(c[1]);
    }
    var nul = client.get("/api/load/pmc?projection=plan%00");
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.errorField()).isEqualTo("projection");
    assertThat(TestDatabase.count("SELECT count(*) FROM daily_load WHERE day > ?", today)).isZero();
  }

  @Test
  @DisplayName("Through the plan's own routes: the chart plans exactly the workouts the calendar shows as not done, and marks its events")
  void agreesWithTheCalendar() {
    history();
    UUID run = session(today, "TrailRun", 30, 2);
    var patch = client.send("PATCH", "/api/activities/" + run, new JsonObject().put("loadOverride", 0).encode(),
        "application/json");
    assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
    // Two runs planned today and one done: the calendar gives the run to the first planned, so the second stays planned.
    for (Object[] w : new Object[][] {{today, "Run", 3600, 50}, {today, "Run", 1800, 25}, {today.plusDays(1), "Ride", 5400, 110},
        {today.plusDays(3), "Swim", 2400, 35}}) {
      var r = client.post("/api/plan/workouts", new JsonObject().put("date", w[0].toString()).put("sport", w[1])
          .put("title", w[1] + " session").put("durationS", w[2]).put("targetLoad", w[3]));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    var race = client.post("/api/plan/events", new JsonObject().put("date", today.plusDays(3).toString()).put("name", "Aquathlon")
        .put("sport", "Swim").put("priority", "B"));
    assertThat(race.status()).as(race.toString()).isEqualTo(201);

    LocalDate to = today.plusDays(4);
    JsonObject chart = pmc("from=" + today + "&to=" + to);
    JsonArray workouts = client.get("/api/plan/workouts?from=" + today + "&to=" + to).jsonArray("workouts");
    Map<LocalDate, Double> notDone = new HashMap<>();
    for (Object o : workouts) {
      JsonObject w = (JsonObject) o;
      if (w.getValue("completion") == null) {
        notDone.merge(LocalDate.parse(w.getString("date")), w.getDouble("targetLoad"), Double::sum);
      }
    }
    assertThat(notDone).as("the calendar's view").containsEntry(today, 25.0);
    for (LocalDate d = today; !d.isAfter(to); d = d.plusDays(1)) {
      assertThat(dayOf(chart, d).getDouble("plannedLoad")).as(d.toString()).isEqualTo(notDone.getOrDefault(d, 0.0));
    }
    assertThat(dayOf(chart, today).getDouble("load")).isEqualTo(25.0);
    JsonObject event = chart.getJsonArray("events").getJsonObject(0);
    assertThat(event.getString("name")).isEqualTo("Aquathlon");
    assertThat(event.getDouble("form")).isEqualTo(dayOf(chart, today.plusDays(3)).getDouble("tsb"));
  }
}
