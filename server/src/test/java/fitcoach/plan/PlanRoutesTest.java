package fitcoach.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlanRoutesTest extends ApiTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static JsonObject workout(LocalDate date, String sport, String title) {
    return new JsonObject().put("date", date.toString()).put("sport", sport).put("title", title);
  }

  private static long stored() {
    return TestDatabase.query("SELECT count(*) FROM planned_workouts", rs -> {
      rs.next();
      return rs.getLong(1);
    });
  }

  private static String activity(TestClient c, LocalDate day, String sport, int seconds, int rpe) {
    return activity(c, day, "07:00", sport, seconds, rpe);
  }

  private static String activity(TestClient c, LocalDate day, String time, String sport, int seconds, int rpe) {
    var r = c.post("/api/activities", new JsonObject().put("sportType", sport).put("startLocal", day + "T" + time)
        .put("durationS", seconds).put("distanceM", 10_000).put("rpe", rpe).put("name", sport + " " + day));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getString("id");
  }

  @Test
  @DisplayName("A planned workout is created, read, moved to another day and deleted; its load is the athlete's or an estimate labelled as one")
  void crud() {
    TestClient c = signedIn();
    var created = c.post("/api/plan/workouts", workout(TODAY.plusDays(2), "ride", "Sweet spot").put("durationS", 3600)
        .put("description", "3 × 12 min at 88–94 %").put("intensity", new JsonObject().put("type", "rpe").put("value", 6)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject w = created.json();
    assertThat(w.getString("sport")).isEqualTo("Ride");
    // RPE 6 for 60 minutes: 6 × 60 ÷ 6, the engine's rule for a rated session.
    assertThat(w.getDouble("targetLoad")).isEqualTo(60.0);
    assertThat(w.getBoolean("targetLoadEstimated")).isTrue();
    assertThat(w.getValue("completion")).isNull();
    String id = w.getString("id");

    assertThat(c.get("/api/plan/workouts/" + id).json().getString("title")).isEqualTo("Sweet spot");
    var list = c.get("/api/plan/workouts?from=" + TODAY + "&to=" + TODAY.plusDays(7)).json().getJsonArray("workouts");
    assertThat(list).hasSize(1);

    var moved = c.put("/api/plan/workouts/" + id, workout(TODAY.plusDays(3), "Ride", "Sweet spot").put("durationS", 3600)
        .put("targetLoad", 72));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().getString("date")).isEqualTo(TODAY.plusDays(3).toString());
    assertThat(moved.json().getDouble("targetLoad")).isEqualTo(72.0);
    assertThat(moved.json().getBoolean("targetLoadEstimated")).isFalse();

    assertThat(c.delete("/api/plan/workouts/" + id).status()).isEqualTo(204);
    assertThat(c.get("/api/plan/workouts/" + id).status()).isEqualTo(404);
    assertThat(c.delete("/api/plan/workouts/" + id).status()).isEqualTo(404);
    assertThat(c.get("/api/plan/workouts/not-a-uuid").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("Estimates: a heart-rate zone by its intensity factor, no intensity by the athlete's own rate, a distance by their speed, nothing without support")
  void estimates() {
    TestClient c = signedIn();
    var zone = c.post("/api/plan/workouts", workout(TODAY, "Run", "Easy").put("durationS", 3600)
        .put("intensity", new JsonObject().put("type", "hr_zone").put("value", 2))).json();
    assertThat(zone.getDouble("targetLoad")).isCloseTo(100 * 0.7 * 0.7, within(0.05));
    var nothing = c.post("/api/plan/workouts", workout(TODAY, "Swim", "Technique").put("durationS", 1800)).json();
    assertThat(nothing.getValue("targetLoad")).as("no intensity, no swim history").isNull();
    assertThat(nothing.getBoolean("targetLoadEstimated")).isFalse();
    // Two rated rides of an hour: RPE 5 and 7, so 50 and 70 per hour, a median of 60; both at 10 km/h... 10 km in 1 h.
    activity(c, TODAY.minusDays(3), "Ride", 3600, 5);
    activity(c, TODAY.minusDays(2), "Ride", 3600, 7);
    var byRate = c.post("/api/plan/workouts", workout(TODAY.plusDays(1), "Ride", "Endurance").put("durationS", 7200)).json();
    assertThat(byRate.getDouble("targetLoad")).isCloseTo(120.0, within(0.05));
    assertThat(byRate.getBoolean("targetLoadEstimated")).isTrue();
    var byDistance = c.post("/api/plan/workouts", workout(TODAY.plusDays(1), "Ride", "Long").put("distanceM", 20_000)).json();
    assertThat(byDistance.getDouble("targetLoad")).as("20 km at their 10 km/h is 2 h at 60 per hour").isCloseTo(120.0, within(0.05));
  }

  @Test
  @DisplayName("Bad input is a 422 naming the field, steps by their path, and nothing is stored")
  void validation() {
    TestClient c = signedIn();
    JsonObject ok = workout(TODAY, "Run", "Easy").put("durationS", 1800);
    String[][] cases = {
        {"sport", "{\"sport\":\"Quidditch\"}"},
        {"date", "{\"date\":\"0000-01-01\"}"},
        {"date", "{\"date\":\"9999-12-31\"}"},
        {"date", "{\"date\":\"2026-02-30\"}"},
        {"durationS", "{\"durationS\":-5}"},
        {"durationS", "{\"durationS\":1e12}"},
        {"distanceM", "{\"distanceM\":0}"},
        {"title", "{\"title\":\"   \"}"},
        {"title", "{\"title\":\"a\\u0000b\"}"},
        {"targetLoad", "{\"targetLoad\":5000}"},
        {"intensity.value", "{\"intensity\":{\"type\":\"rpe\",\"value\":11}}"},
        {"intensity.type", "{\"intensity\":{\"type\":\"watts\",\"value\":3}}"},
        {"colour", "{\"colour\":\"red\"}"},
        {"steps[0].type", "{\"steps\":[{\"type\":\"sprint\",\"durationS\":10}]}"},
        {"steps[0].durationS", "{\"steps\":[{\"type\":\"work\",\"durationS\":60,\"distanceM\":400}]}"},
        {"steps[0].steps[0].type", "{\"steps\":[{\"type\":\"repeat\",\"count\":2,\"steps\":[{\"type\":\"repeat\",\"count\":2,\"steps\":[]}]}]}"},
        {"steps[0].count", "{\"steps\":[{\"type\":\"repeat\",\"count\":1000,\"steps\":[{\"type\":\"work\",\"durationS\":60}]}]}"},
        {"steps[1].target.low", "{\"steps\":[{\"type\":\"warmup\",\"durationS\":600},{\"type\":\"work\",\"durationS\":60,\"target\":{\"type\":\"ftp_percent\",\"low\":110,\"high\":90}}]}"},
        {"steps[0].target.type", "{\"steps\":[{\"type\":\"work\",\"durationS\":60,\"target\":{\"type\":\"rpm\",\"low\":80,\"high\":90}}]}"},
    };
    for (String[] bad : cases) {
      JsonObject body = ok.copy().mergeIn(new JsonObject(bad[1]));
      var r = c.post("/api/plan/workouts", body);
      assertThat(r.status()).as(bad[1] + " → " + r).isEqualTo(422);
      assertThat(r.errorField()).as(bad[1]).isEqualTo(bad[0]);
    }
    JsonArray many = new JsonArray();
    for (int i = 0; i < 51; i++) {
      many.add(new JsonObject().put("type", "work").put("durationS", 30));
    }
    var tooMany = c.post("/api/plan/workouts", ok.copy().put("steps", many));
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.errorField()).isEqualTo("steps[50]");
    var none = c.post("/api/plan/workouts", workout(TODAY, "Run", "Nothing"));
    assertThat(none.status()).isEqualTo(422);
    assertThat(none.errorField()).isEqualTo("durationS");
    assertThat(c.postRaw("/api/plan/workouts", "[1,2]").status()).isBetween(400, 422);
    assertThat(stored()).isZero();
    // A batch with one bad workout adds none.
    var batch = c.post("/api/plan/workouts/batch", new JsonObject().put("workouts", new JsonArray().add(ok.copy())
        .add(ok.copy().put("sport", "Nope"))));
    assertThat(batch.status()).isEqualTo(422);
    assertThat(batch.errorField()).isEqualTo("workouts[1].sport");
    assertThat(stored()).isZero();
  }

  @Test
  @DisplayName("A structured workout keeps its steps as sent and takes its duration from them")
  void structured() {
    TestClient c = signedIn();
    JsonArray steps = new JsonArray()
        .add(new JsonObject().put("type", "warmup").put("durationS", 900).put("target", new JsonObject().put("type", "hr_zone").put("low", 2).put("high", 2)))
        .add(new JsonObject().put("type", "repeat").put("count", 5).put("steps", new JsonArray()
            .add(new JsonObject().put("type", "work").put("durationS", 240).put("target", new JsonObject().put("type", "ftp_percent").put("low", 105).put("high", 110)))
            .add(new JsonObject().put("type", "recovery").put("durationS", 180))))
        .add(new JsonObject().put("type", "cooldown").put("distanceM", 2000.0).put("target", new JsonObject().put("type", "pace").put("low", 300).put("high", 330)));
    var r = c.post("/api/plan/workouts", workout(TODAY.plusDays(1), "Ride", "VO2").put("steps", steps)
        .put("intensity", new JsonObject().put("type", "rpe").put("value", 8)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getInteger("durationS")).isEqualTo(900 + 5 * (240 + 180));
    assertThat(r.json().getDouble("distanceM")).isEqualTo(2000.0);
    JsonArray back = c.get("/api/plan/workouts/" + r.json().getString("id")).json().getJsonArray("steps");
    assertThat(back.getJsonObject(1).getInteger("count")).isEqualTo(5);
    assertThat(back.getJsonObject(1).getJsonArray("steps").getJsonObject(0).getJsonObject("target").getDouble("low")).isEqualTo(105.0);
    assertThat(back.getJsonObject(2).getJsonObject("target").getString("type")).isEqualTo("pace");
    // What a read gives back can be sent back as it is (steps with "count": null and "steps": []).
    JsonObject read = c.get("/api/plan/workouts/" + r.json().getString("id")).json();
    JsonObject again = new JsonObject();
    for (String f : new String[] {"date", "sport", "title", "description", "durationS", "distanceM", "intensity", "targetLoad", "steps"}) {
      again.put(f, read.getValue(f));
    }
    var put = c.put("/api/plan/workouts/" + r.json().getString("id"), again);
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(put.json().getJsonArray("steps")).isEqualTo(back);
  }

  @Test
  @DisplayName("Completion: the day's activity of the same family links itself, in order; by hand to another day's; 'not done'; back to automatic; a deleted activity unlinks")
  void completion() {
    TestClient c = signedIn();
    LocalDate day = TODAY.minusDays(1);
    String first = c.post("/api/plan/workouts", workout(day, "Run", "Morning").put("durationS", 3600).put("targetLoad", 50)).json().getString("id");
    String second = c.post("/api/plan/workouts", workout(day, "TrailRun", "Evening").put("durationS", 1800).put("targetLoad", 30)).json().getString("id");
    String ride = c.post("/api/plan/workouts", workout(day, "Ride", "Spin").put("durationS", 3600)).json().getString("id");
    // Imported later than planned, and in another order of sports: the plan still finds them.
    String run1 = activity(c, day, "Run", 2700, 5);
    var one = c.get("/api/plan/workouts/" + first).json().getJsonObject("completion");
    assertThat(one.getString("activityId")).isEqualTo(run1);
    assertThat(one.getString("link")).isEqualTo("auto");
    assertThat(one.getDouble("durationRatio")).isEqualTo(0.75);
    assertThat(one.getDouble("loadRatio")).as("RPE 5 × 45 min ÷ 6 = 37.5 of 50").isEqualTo(0.75);
    assertThat(c.get("/api/plan/workouts/" + second).json().getValue("completion")).isNull();
    String run2 = activity(c, day, "18:00", "Run", 1800, 4);
    assertThat(c.get("/api/plan/workouts/" + second).json().getJsonObject("completion").getString("activityId")).isEqualTo(run2);
    assertThat(c.get("/api/plan/workouts/" + ride).json().getValue("completion")).isNull();

    // By hand: the ride was done as a run two days earlier.
    String earlier = activity(c, TODAY.minusDays(3), "Run", 3600, 3);
    var linked = c.put("/api/plan/workouts/" + ride + "/link", new JsonObject().put("activityId", earlier));
    assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    assertThat(linked.json().getJsonObject("completion").getString("link")).isEqualTo("manual");
    assertThat(linked.json().getJsonObject("completion").getString("activityId")).isEqualTo(earlier);
    var notDone = c.put("/api/plan/workouts/" + first + "/link", new JsonObject().putNull("activityId"));
    assertThat(notDone.json().getJsonObject("completion").getString("link")).isEqualTo("none");
    assertThat(notDone.json().getJsonObject("completion").getValue("activityId")).isNull();
    // run1 is free again; the evening workout keeps run2, the one closest to its 30 minutes.
    assertThat(c.get("/api/plan/workouts/" + second).json().getJsonObject("completion").getString("activityId")).isEqualTo(run2);
    var auto = c.delete("/api/plan/workouts/" + first + "/link");
    assertThat(auto.json().getJsonObject("completion").getString("activityId")).isEqualTo(run1);

    var unknown = c.put("/api/plan/workouts/" + ride + "/link", new JsonObject().put("activityId", java.util.UUID.randomUUID().toString()));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.errorField()).isEqualTo("activityId");
    assertThat(c.delete("/api/activities/" + earlier).status()).isLessThan(300);
    assertThat(c.get("/api/plan/workouts/" + ride).json().getValue("completion")).isNull();
  }

  @Test
  @DisplayName("The calendar lists every day with sessions, plan and events, and each week's planned against done totals")
  void calendarView() {
    TestClient c = signedIn();
    LocalDate monday = TODAY.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    c.post("/api/plan/workouts", workout(monday, "Run", "Easy").put("durationS", 3600).put("targetLoad", 40));
    c.post("/api/plan/workouts", workout(monday.plusDays(2), "Ride", "Long").put("durationS", 7200).put("targetLoad", 110));
    activity(c, monday, "Run", 3000, 4);
    assertThat(c.post("/api/plan/events", new JsonObject().put("date", monday.plusDays(6).toString()).put("name", "Parkrun")
        .put("sport", "Run").put("distanceM", 5000).put("priority", "C")).status()).isEqualTo(201);
    var view = c.get("/api/plan/calendar?from=" + monday + "&to=" + monday.plusDays(13));
    assertThat(view.status()).as(view.toString()).isEqualTo(200);
    JsonArray days = view.json().getJsonArray("days");
    assertThat(days).hasSize(14);
    JsonObject first = days.getJsonObject(0);
    assertThat(first.getJsonArray("activities")).hasSize(1);
    assertThat(first.getJsonArray("workouts").getJsonObject(0).getJsonObject("completion").getString("link")).isEqualTo("auto");
    assertThat(days.getJsonObject(6).getJsonArray("events").getJsonObject(0).getString("priority")).isEqualTo("C");
    JsonObject week = view.json().getJsonArray("weeks").getJsonObject(0);
    assertThat(week.getString("weekStart")).isEqualTo(monday.toString());
    assertThat(week.getJsonObject("planned").getLong("durationS")).isEqualTo(10_800);
    assertThat(week.getJsonObject("planned").getDouble("load")).isEqualTo(150.0);
    assertThat(week.getJsonObject("done").getLong("durationS")).isEqualTo(3000);
    assertThat(week.getJsonObject("done").getDouble("load")).isCloseTo(4 * 50 / 6.0, within(0.05));
    assertThat(view.json().getJsonArray("weeks")).hasSize(2);

    var tooLong = c.get("/api/plan/calendar?from=" + monday + "&to=" + monday.plusDays(100));
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.errorField()).isEqualTo("to");
    assertThat(c.get("/api/plan/calendar?from=" + monday).status()).isEqualTo(422);
    assertThat(c.get("/api/plan/calendar?from=" + monday.plusDays(3) + "&to=" + monday).status()).isEqualTo(422);
  }

  @Test
  @DisplayName("Events: created, changed, listed and deleted; a priority other than A, B or C is refused")
  void events() {
    TestClient c = signedIn();
    JsonObject race = new JsonObject().put("date", TODAY.plusDays(60).toString()).put("name", "Marathon").put("sport", "Run")
        .put("distanceM", 42195).put("priority", "A");
    var created = c.post("/api/plan/events", race);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().getString("id");
    var changed = c.put("/api/plan/events/" + id, race.copy().put("priority", "B"));
    assertThat(changed.json().getString("priority")).isEqualTo("B");
    assertThat(c.get("/api/plan/events?from=" + TODAY + "&to=" + TODAY.plusDays(90)).json().getJsonArray("events")).hasSize(1);
    var bad = c.post("/api/plan/events", race.copy().put("priority", "D"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.errorField()).isEqualTo("priority");
    assertThat(c.post("/api/plan/events", race.copy().put("date", TODAY.plusYears(3).toString())).errorField()).isEqualTo("date");
    assertThat(c.delete("/api/plan/events/" + id).status()).isEqualTo(204);
    assertThat(c.put("/api/plan/events/" + id, race).status()).isEqualTo(404);
  }
}
