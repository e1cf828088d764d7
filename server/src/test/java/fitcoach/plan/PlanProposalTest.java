package fitcoach.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POST /api/plan/proposals: the coach's draft with the engine's numbers, which are the calendar's once added. */
class PlanProposalTest extends ApiTest {
  /** The athlete's today: the default profile is in UTC. */
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static long stored() {
    return TestDatabase.query("SELECT count(*) FROM planned_workouts", rs -> {
      rs.next();
      return rs.getLong(1);
    });
  }

  private static void session(TestClient c, LocalDate day, int minutes, int rpe) {
    var r = c.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", day + "T07:00")
        .put("durationS", minutes * 60).put("distanceM", 10_000).put("rpe", rpe).put("name", "Run " + day));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private static JsonObject day(LocalDate date, String sport, Object minutes, Object intensity, String title) {
    return new JsonObject().put("date", date.toString()).put("sport", sport).put("duration_min", minutes)
        .put("intensity", intensity).put("title", title);
  }

  /** Nine sessions over two and a half weeks from tomorrow: RPE numbers, a zone, a structured one. */
  private static JsonObject draft() {
    JsonArray days = new JsonArray();
    LocalDate start = TODAY.plusDays(1);
    for (int i = 0; i < 18; i += 2) {
      Object intensity = i % 4 == 0 ? (Object) (4 + i % 5) : new JsonObject().put("type", "hr_zone").put("value", 2);
      days.add(day(start.plusDays(i), i % 3 == 0 ? "ride" : "Run", 45 + i * 5, intensity, "Session " + i));
    }
    days.getJsonObject(2).put("description", "  3 × 10 min  ").put("steps", new JsonArray()
        .add(new JsonObject().put("type", "warmup").put("durationS", 600))
        .add(new JsonObject().put("type", "repeat").put("count", 3).put("steps", new JsonArray()
            .add(new JsonObject().put("type", "work").put("durationS", 600)
                .put("target", new JsonObject().put("type", "ftp_percent").put("low", 95).put("high", 100)))
            .add(new JsonObject().put("type", "recovery").put("durationS", 300)))));
    return new JsonObject().put("start", start.toString()).put("days", days);
  }

  @Test
  @DisplayName("A proposal's weekly totals are the sums of its sessions, its loads the calendar's, and its projection the chart's once its workouts are added")
  void numbersAreTheCalendars() {
    TestClient c = signedIn();
    for (int i = 1; i <= 30; i++) {
      session(c, TODAY.minusDays(i), 40 + i % 4 * 10, 5 + i % 3);
    }
    // A workout already planned (not done) is part of the projection.
    var existing = c.post("/api/plan/workouts", new JsonObject().put("date", TODAY.plusDays(2).toString()).put("sport", "Swim")
        .put("title", "Drills").put("durationS", 1800).put("intensity", new JsonObject().put("type", "rpe").put("value", 3)));
    assertThat(existing.status()).as(existing.toString()).isEqualTo(201);

    var r = c.post("/api/plan/proposals", draft());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject p = r.json();
    assertThat(stored()).as("a proposal stores nothing").isEqualTo(1);
    assertThat(p.getBoolean("includesExistingPlan")).isTrue();
    assertThat(p.getString("today")).isEqualTo(TODAY.toString());
    JsonArray sessions = p.getJsonArray("sessions");
    assertThat(sessions).hasSize(9);
    assertThat(sessions.getJsonObject(0).getString("sport")).isEqualTo("Ride");
    assertThat(sessions.getJsonObject(0).getString("loadBasis")).isEqualTo("RPE 4");
    assertThat(sessions.getJsonObject(1).getString("loadBasis")).isEqualTo("heart-rate zone 2");
    assertThat(sessions.getJsonObject(2).getJsonArray("steps")).hasSize(2);

    // Weekly totals: the sums of the sessions of each Monday-based week.
    Map<String, double[]> sums = new HashMap<>();
    for (Object o : sessions) {
      JsonObject s = (JsonObject) o;
      String week = LocalDate.parse(s.getString("date")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
      double[] sum = sums.computeIfAbsent(week, k -> new double[3]);
      sum[0]++;
      sum[1] += s.getInteger("durationS");
      sum[2] += s.getDouble("targetLoad");
    }
    JsonArray weeks = p.getJsonArray("weeks");
    assertThat(weeks).hasSize(sums.size());
    for (Object o : weeks) {
      JsonObject w = (JsonObject) o;
      double[] sum = sums.get(w.getString("weekStart"));
      assertThat(w.getInteger("sessions")).isEqualTo((int) sum[0]);
      assertThat(w.getLong("durationS")).isEqualTo((long) sum[1]);
      assertThat(w.getDouble("load")).isCloseTo(sum[2], org.assertj.core.data.Offset.offset(0.051));
    }

    // Adding the proposal's own workouts: the calendar stores the same loads...
    var added = c.post("/api/plan/workouts/batch", new JsonObject().put("workouts", p.getJsonArray("workouts")));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    JsonArray calendar = added.json().getJsonArray("workouts");
    assertThat(calendar).hasSize(9);
    for (int i = 0; i < 9; i++) {
      JsonObject s = sessions.getJsonObject(i);
      JsonObject w = calendar.getJsonObject(i);
      assertThat(w.getString("date")).isEqualTo(s.getString("date"));
      assertThat(w.getString("title")).isEqualTo(s.getString("title"));
      assertThat(w.getDouble("targetLoad")).isEqualTo(s.getDouble("targetLoad"));
      assertThat(w.getJsonArray("steps")).isEqualTo(s.getJsonArray("steps"));
    }
    assertThat(calendar.getJsonObject(2).getString("description")).isEqualTo("3 × 10 min");

    // ...and the chart projected with the plan shows the proposal's fitness, fatigue and form on every day.
    String last = p.getString("lastDay");
    var pmc = c.get("/api/load/pmc?from=" + TODAY + "&to=" + last + "&projection=plan");
    assertThat(pmc.status()).as(pmc.toString()).isEqualTo(200);
    Map<String, JsonObject> chart = new HashMap<>();
    for (Object o : pmc.json().getJsonArray("days")) {
      chart.put(((JsonObject) o).getString("date"), (JsonObject) o);
    }
    JsonArray projection = p.getJsonArray("projection");
    assertThat(projection.getJsonObject(0).getString("date")).isEqualTo(TODAY.toString());
    assertThat(projection.getJsonObject(projection.size() - 1).getString("date")).isEqualTo(last);
    assertThat(p.getJsonObject("last")).isEqualTo(projection.getJsonObject(projection.size() - 1));
    for (Object o : projection) {
      JsonObject d = (JsonObject) o;
      JsonObject day = chart.get(d.getString("date"));
      assertThat(day).as(d.getString("date")).isNotNull();
      assertThat(d.getDouble("fitness")).as("fitness " + d).isEqualTo(day.getDouble("ctl"));
      assertThat(d.getDouble("fatigue")).as("fatigue " + d).isEqualTo(day.getDouble("atl"));
      assertThat(d.getDouble("form")).as("form " + d).isEqualTo(day.getDouble("tsb"));
      assertThat(d.getDouble("formAfter")).as("formAfter " + d).isEqualTo(day.getDouble("tsbAfter"));
    }
    // The existing swim (RPE 3, 30 min = 15) is in the day's planned load.
    JsonObject swimDay = projection.getJsonObject(2);
    assertThat(swimDay.getString("date")).isEqualTo(TODAY.plusDays(2).toString());
    assertThat(swimDay.getDouble("plannedLoad")).isEqualTo(15.0);
  }

  @Test
  @DisplayName("Bad proposals are 422 naming the field, and store nothing")
  void badInput() {
    TestClient c = signedIn();
    LocalDate start = TODAY.plusDays(1);
    JsonObject good = day(start, "Run", 40, 5, "Easy");
    Object[][] cases = {
        {new JsonObject().put("days", new JsonArray().add(good)), "start"},
        {new JsonObject().put("start", TODAY.minusDays(1).toString()).put("days", new JsonArray().add(good)), "start"},
        {new JsonObject().put("start", TODAY.plusDays(200).toString()).put("days", new JsonArray().add(good)), "start"},
        {new JsonObject().put("start", "99999-01-01").put("days", new JsonArray().add(good)), "start"},
        {new JsonObject().put("start", start.toString()), "days"},
        {new JsonObject().put("start", start.toString()).put("days", new JsonArray().add(good).add(good)
            .add(day(start, "Curling?", 40, 5, "x"))), "days[2].sport"},
        {new JsonObject().put("start", start.toString()).put("days", new JsonArray().add(day(start, "Run", -5, 5, "x"))),
            "days[0].duration_min"},
        {new JsonObject().put("start", start.toString()).put("days", new JsonArray().add(day(start, "Run", 40, 11, "x"))),
            "days[0].intensity"},
        {new JsonObject().put("start", start.toString()).put("days", new JsonArray().add(day(start, "Run", 40,
            new JsonObject().put("type", "hr_zone").put("value", 6), "x"))), "days[0].intensity.value"},
        {new JsonObject().put("start", start.toString()).put("days", new JsonArray().add(day(start.minusDays(1), "Run", 40, 5, "x"))),
            "days[0].date"},
        {new JsonObject().put("start", start.toString()).put("days", new JsonArray().add(day(start, "Run", 40, 5, "x\u0000y"))),
            "days[0].title"},
        {new JsonObject().put("start", start.toString()).put("days", new JsonArray().add(good.copy().put("load", 5))),
            "days[0].load"},
        {new JsonObject().put("start", start.toString()).put("days", new JsonArray().add(good.copy().put("steps",
            new JsonArray().add(new JsonObject().put("type", "sprint"))))), "days[0].steps[0].type"},
    };
    for (Object[] k : cases) {
      var r = c.post("/api/plan/proposals", (JsonObject) k[0]);
      assertThat(r.status()).as(r.toString()).isEqualTo(422);
      assertThat(r.json().getJsonObject("error").getString("field")).as(r.toString()).isEqualTo(k[1]);
    }
    JsonArray many = new JsonArray();
    for (int i = 0; i < 61; i++) {
      many.add(good);
    }
    var tooMany = c.post("/api/plan/proposals", new JsonObject().put("start", start.toString()).put("days", many));
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.json().getJsonObject("error").getString("field")).isEqualTo("days");
    assertThat(stored()).isZero();
    assertThat(new TestClient(app.port()).post("/api/plan/proposals", new JsonObject()).status()).as("signed out").isEqualTo(401);
  }
}
