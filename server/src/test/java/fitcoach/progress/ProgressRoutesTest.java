package fitcoach.progress;

import static fitcoach.testing.AnalysisJson.streams;
import static fitcoach.testing.AnalysisJson.types;
import static fitcoach.testing.AnalysisJson.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.activities.ActivitySource;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The stored analysis against the real app: activities stored through the activity store with 1 Hz streams, the worker
 * computing their rows, and the range API reading them.
 */
class ProgressRoutesTest extends ApiTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @Test
  @DisplayName("The range curve is the best per duration over the range's activities, each point naming its activity and date; a compare range has its own")
  void rangeCurveIsTheMaximumOverActivities() {
    signedIn();
    LocalDate d1 = TODAY.minusDays(100);
    LocalDate d2 = TODAY.minusDays(50);
    LocalDate d3 = TODAY.minusDays(500);
    // Ride 1: a 900 W second; ride 2: the best 60 s (400 W); ride 3 (last year): 1000 W, outside the default range.
    double[] w1 = constant(1800, 200);
    w1[300] = 900;
    double[] w2 = constant(1800, 210);
    for (int i = 600; i < 660; i++) {
      w2[i] = 400;
    }
    double[] w3 = constant(1800, 150);
    w3[10] = 1000;
    UUID r1 = ride("One", d1, w1, null);
    UUID r2 = ride("Two", d2, w2, null);
    UUID r3 = ride("Three", d3, w3, null);
    awaitAnalysed(3);

    JsonObject c = client.get("/api/analysis/curves?metric=power").json();
    assertThat(c.getString("metric")).isEqualTo("power");
    assertThat(c.getString("sport")).isEqualTo("all");
    assertThat(c.getString("unit")).isEqualTo("W");
    assertThat(c.getString("to")).isEqualTo(TODAY.toString());
    assertThat(c.getString("from")).isEqualTo(TODAY.minusDays(364).toString());
    assertThat(c.getInteger("activities")).isEqualTo(2);
    JsonObject p1 = point(c.getJsonArray("points"), 1);
    assertThat(p1.getDouble("value")).isEqualTo(900.0);
    assertThat(p1.getString("activityId")).isEqualTo(r1.toString());
    assertThat(p1.getString("activityName")).isEqualTo("One");
    assertThat(p1.getString("date")).isEqualTo(d1.toString());
    assertThat(p1.getInteger("startS")).isEqualTo(300);
    JsonObject p60 = point(c.getJsonArray("points"), 60);
    assertThat(p60.getDouble("value")).isEqualTo(400.0);
    assertThat(p60.getString("activityId")).isEqualTo(r2.toString());
    assertThat(p60.getInteger("startS")).isEqualTo(600);
    assertThat(c.getValue("compare")).isNull();

    JsonObject cmp = client.get("/api/analysis/curves?metric=power&sport=ride&from=" + d2 + "&to=" + TODAY
        + "&compare_from=" + d3.minusDays(1) + "&compare_to=" + d3).json();
    assertThat(cmp.getString("sport")).isEqualTo("ride");
    assertThat(point(cmp.getJsonArray("points"), 1).getString("activityId")).isEqualTo(r2.toString());
    JsonObject compare = cmp.getJsonObject("compare");
    assertThat(compare.getString("from")).isEqualTo(d3.minusDays(1).toString());
    assertThat(compare.getInteger("activities")).isEqualTo(1);
    assertThat(point(compare.getJsonArray("points"), 1).getDouble("value")).isEqualTo(1000.0);
    assertThat(point(compare.getJsonArray("points"), 1).getString("activityId")).isEqualTo(r3.toString());

    // Heart rate and speed come from the same rows; runs are not in the ride speed curve.
    JsonObject speed = client.get("/api/analysis/curves?metric=speed&sport=ride").json();
    assertThat(speed.getString("unit")).isEqualTo("m/s");
    assertThat(point(speed.getJsonArray("points"), 60).getDouble("value")).isEqualTo(8.0);
    assertThat(client.get("/api/analysis/curves?metric=power&sport=run").json().getJsonArray("points")).isEmpty();

    // A deleted activity takes its row along (cascade), and the memoised answer goes with the change.
    assertThat(client.delete("/api/activities/" + r1).status()).isEqualTo(200);
    JsonObject after = client.get("/api/analysis/curves?metric=power").json();
    assertThat(after.getInteger("activities")).isEqualTo(1);
    assertThat(point(after.getJsonArray("points"), 1).getString("activityId")).isEqualTo(r2.toString());
    assertThat(TestDatabase.count("SELECT count(*) FROM activity_curves WHERE activity_id = ?::uuid", r1.toString())).isZero();
  }

  @Test
  @DisplayName("A workout merged from a device file and its Strava copy counts once in the curves, through its leading copy")
  void mergedCopiesCountOnce() {
    signedIn();
    java.time.Instant start = TODAY.minusDays(2).atTime(7, 0).toInstant(ZoneOffset.UTC);
    List<UUID> ids = Workouts.store(app, List.of(
        Workouts.copy(ActivitySource.FILE, "file-ride", "Ride", "Morning ride", start, 900, 7200.0, null),
        Workouts.copy(ActivitySource.STRAVA_API, "9001", "Ride", "Morning ride", start, 900, 7200.0, null)));
    UUID lead = ids.get(0);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE primary_activity_id = ?::uuid", lead.toString()))
        .as("the Strava copy is merged into the file").isEqualTo(1);
    // The Strava copy's streams read higher: were it counted, it would hold the best.
    Workouts.streams(app, lead, streams(constant(900, 250), null, 8.0, null), types(true, false, true, false), 900);
    Workouts.streams(app, ids.get(1), streams(constant(900, 300), null, 8.0, null),
        types(true, false, true, false), 900);
    awaitAnalysed(2);

    JsonObject curve = client.get("/api/analysis/curves?metric=power").json();
    assertThat(curve.getInteger("activities")).isEqualTo(1);
    JsonObject best = point(curve.getJsonArray("points"), 60);
    assertThat(best.getDouble("value")).isEqualTo(250.0);
    assertThat(best.getString("activityId")).isEqualTo(lead.toString());
  }

  @Test
  @DisplayName("Best efforts: per distance the fastest and the top five, fastest first, within the range")
  void bestEffortsTopFiveInOrder() {
    signedIn();
    List<UUID> runs = new ArrayList<>();
    double[] speeds = {3.0, 3.5, 3.2, 4.0, 3.8, 2.9};
    for (int i = 0; i < speeds.length; i++) {
      runs.add(run("Run " + i, TODAY.minusDays(10 + i), speeds[i], 1500));
    }
    awaitAnalysed(6);

    JsonObject b = client.get("/api/analysis/best-efforts?sport=run").json();
    assertThat(b.getString("sport")).isEqualTo("run");
    JsonObject m400 = distance(b.getJsonArray("distances"), 400);
    assertThat(m400.getString("label")).isEqualTo("400 m");
    JsonArray top = m400.getJsonArray("top");
    assertThat(top).hasSize(5);
    assertThat(top.stream().map(e -> ((JsonObject) e).getString("activityId")).toList())
        .containsExactly(runs.get(3).toString(), runs.get(4).toString(), runs.get(1).toString(), runs.get(2).toString(),
            runs.get(0).toString());
    assertThat(m400.getJsonObject("best").getDouble("timeS")).isEqualTo(100.0);
    assertThat(m400.getJsonObject("best").getString("date")).isEqualTo(TODAY.minusDays(13).toString());
    assertThat(m400.getJsonObject("best").getString("activityName")).isEqualTo("Run 3");
    // 1500 s at 4 m/s is 6 km: a 5 km best, no 10 km.
    assertThat(distance(b.getJsonArray("distances"), 5000).getJsonObject("best").getDouble("timeS")).isEqualTo(1250.0);
    assertThat(distance(b.getJsonArray("distances"), 10000).getValue("best")).isNull();
    assertThat(distance(b.getJsonArray("distances"), 10000).getJsonArray("top")).isEmpty();

    JsonObject narrow = client.get("/api/analysis/best-efforts?from=" + TODAY.minusDays(12) + "&to=" + TODAY).json();
    assertThat(distance(narrow.getJsonArray("distances"), 400).getJsonArray("top")).hasSize(3);
  }

  @Test
  @DisplayName("The CP model over stored 3-20 min bests recovers the generated CP and W′, with a weekly history; without data it says why")
  void modelRecoversCriticalPower() {
    signedIn();
    JsonObject none = client.get("/api/analysis/model?sport=ride&weeks=2").json();
    assertThat(none.getValue("model")).isNull();
    assertThat(none.getString("reason")).contains("fewer than 3");
    assertThat(none.getJsonArray("history")).hasSize(2);

    double cp = 250;
    double wPrime = 20_000;
    int[] durations = {180, 240, 300, 480, 600, 720, 900, 1200};
    UUID shortest = null;
    for (int i = 0; i < durations.length; i++) {
      int d = durations[i];
      double[] w = constant(d + 600, 50);
      for (int s = 300; s < 300 + d; s++) {
        w[s] = cp + wPrime / d;
      }
      UUID id = ride("Effort " + d, TODAY.minusDays(5 + i), w, null);
      shortest = i == 0 ? id : shortest;
    }
    awaitAnalysed(durations.length);

    JsonObject m = client.get("/api/analysis/model?sport=ride&weeks=3").json();
    assertThat(m.getValue("reason")).isNull();
    JsonObject model = m.getJsonObject("model");
    assertThat(model.getDouble("cp")).isCloseTo(cp, within(0.5));
    assertThat(model.getDouble("wPrime")).isCloseTo(wPrime, within(100.0));
    assertThat(model.getDouble("eftp")).isCloseTo(cp + wPrime / 3600, within(0.5));
    assertThat(model.getDouble("r2")).isGreaterThan(0.999);
    assertThat(model.getJsonArray("points")).hasSize(8);
    JsonArray history = m.getJsonArray("history");
    assertThat(history).hasSize(3);
    JsonObject last = history.getJsonObject(2);
    LocalDate lastSunday = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    assertThat(last.getString("weekEnd")).isEqualTo(lastSunday.toString());
    // Runs have no power: the run model has no data.
    assertThat(client.get("/api/analysis/model?sport=run").json().getValue("model")).isNull();
    // The 3 min effort at CP + W′/180 s, the newest ride, empties W′ exactly by its last second (grid second 479),
    // against the model of the 90 days up to its date.
    JsonObject balance = client.get("/api/activities/" + shortest + "/analysis").json().getJsonObject("wPrimeBalance");
    assertThat(balance.getDouble("minimumJ")).isCloseTo(0.0, within(150.0));
    assertThat(balance.getInteger("atS")).isEqualTo(479);
    assertThat(balance.getDouble("cpW")).isCloseTo(cp, within(0.5));
    assertThat(balance.getString("modelTo")).isEqualTo(TODAY.minusDays(5).toString());
  }

  @Test
  @DisplayName("Once new rides are analysed, an eFTP clearly above the FTP in force is offered as a suggestion with its evidence, never applied")
  void eftpAboveFtpIsSuggested() {
    signedIn();
    var ftp = client.post("/api/settings/thresholds", new JsonObject().put("kind", "ftp")
        .put("validFrom", TODAY.minusYears(1).toString()).put("value", 240));
    assertThat(ftp.status()).as(ftp.toString()).isEqualTo(201);
    int[] durations = {180, 240, 300, 480, 600, 720, 900, 1200};
    UUID newest = null;
    for (int i = 0; i < durations.length; i++) {
      int d = durations[i];
      double[] w = constant(d + 600, 50);
      for (int s = 300; s < 300 + d; s++) {
        w[s] = 250 + 20_000.0 / d; // CP 250 W, W′ 20 kJ: eFTP 255.6 W, 6.5 % above 240
      }
      UUID id = ride("Effort " + d, TODAY.minusDays(5 + i), w, null);
      newest = i == 0 ? id : newest;
    }
    awaitAnalysed(durations.length);

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonArray suggestions = new JsonArray();
    while (suggestions.isEmpty() && System.nanoTime() < deadline) {
      pause();
      suggestions = client.get("/api/settings/thresholds/suggestions").json().getJsonArray("suggestions");
    }
    assertThat(suggestions).as("an FTP suggestion").hasSize(1);
    JsonObject s = suggestions.getJsonObject(0);
    assertThat(s.getString("kind")).isEqualTo("ftp");
    assertThat(s.getDouble("value")).isEqualTo(256.0);
    assertThat(s.getDouble("current")).isEqualTo(240.0);
    assertThat(s.getString("validFrom")).isEqualTo(TODAY.minusDays(5).toString()); // the newest effort it stands on
    assertThat(s.getString("activityId")).isEqualTo(newest.toString());
    assertThat(s.getString("evidence")).contains("20 min at 267 W").contains("critical power 250 W").contains("eFTP of 256 W");
    // Offered, not applied.
    assertThat(client.get("/api/settings/thresholds").json().getJsonObject("current").getDouble("ftp")).isEqualTo(240.0);
  }

  @Test
  @DisplayName("Weekly zones are summed from the stored histograms with the thresholds in force at query time")
  void zonesMatchHandComputation() {
    signedIn();
    profile(200, 170);
    LocalDate day = TODAY.minusDays(1);
    // 300 s each at 100 W (Z1), 160 W (Z3), 200 W (Z4), 320 W (Z7); heart rate 120 (Z2) then 165 (Z4).
    double[] w = new double[1200];
    double[] hr = new double[1200];
    for (int i = 0; i < 1200; i++) {
      w[i] = i < 300 ? 100 : i < 600 ? 160 : i < 900 ? 200 : 320;
      hr[i] = i < 600 ? 120 : 165;
    }
    ride("Zones", day, w, hr);
    ride("Zones again", day, 17, w, hr);
    awaitAnalysed(2);

    JsonObject z = client.get("/api/analysis/zones?weeks=4").json();
    JsonArray weeks = z.getJsonArray("weeks");
    assertThat(weeks).hasSize(4);
    assertThat(z.getJsonObject("names").getJsonArray("power").getString(0)).isEqualTo("Active recovery");
    JsonObject week = weeks.getJsonObject(3);
    assertThat(week.getString("weekStart")).isEqualTo(TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString());
    JsonObject target = weekOf(weeks, day);
    // Second 0 never moves: 299 s in the first block, per ride, twice.
    JsonObject power = target.getJsonObject("power");
    assertThat(power.getJsonArray("seconds").getList()).containsExactly(598, 0, 600, 600, 0, 0, 600);
    assertThat(power.getInteger("below")).isEqualTo(1198);
    assertThat(power.getInteger("at")).isEqualTo(600);
    assertThat(power.getInteger("above")).isEqualTo(600);
    JsonObject heart = target.getJsonObject("heartRate");
    assertThat(heart.getString("basis")).isEqualTo("lthr");
    assertThat(heart.getJsonArray("seconds").getList()).containsExactly(0, 1198, 0, 1200, 0);
    assertThat(heart.getInteger("at")).isEqualTo(1200);

    // Thresholds are applied when asked: a lower FTP moves the same seconds up.
    profile(150, 170);
    JsonObject after = weekOf(client.get("/api/analysis/zones?weeks=4&sport=ride").json().getJsonArray("weeks"), day);
    // Bounds 0/82.5/112.5/135/157.5/180/225: 100 W is Z2, 160 W Z5, 200 W Z6, 320 W Z7.
    assertThat(after.getJsonObject("power").getJsonArray("seconds").getList()).containsExactly(0, 598, 0, 0, 600, 600, 600);
    assertThat(weekOf(client.get("/api/analysis/zones?weeks=4&sport=run").json().getJsonArray("weeks"), day)
        .getValue("power")).isNull();
  }

  @Test
  @DisplayName("Weekly zones cut each ride by the FTP in force on its own date: the same 200 W is threshold before a change and above after")
  void zonesUseTheThresholdsOfEachDate() {
    signedIn();
    for (Object[] e : new Object[][] {{TODAY.minusDays(60), 200}, {TODAY.minusDays(7), 100}}) {
      var r = client.post("/api/settings/thresholds", new JsonObject().put("kind", "ftp").put("validFrom", e[0].toString())
          .put("value", e[1]));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    LocalDate before = TODAY.minusDays(14);
    LocalDate after = TODAY.minusDays(1);
    ride("Before", before, constant(600, 200), null);
    ride("After", after, constant(600, 200), null);
    awaitAnalysed(2);

    JsonArray weeks = client.get("/api/analysis/zones?weeks=4").json().getJsonArray("weeks");
    // 599 moving seconds each (second 0 never moves): at FTP 200, 200 W is Z4; at FTP 100, it is Z7.
    assertThat(weekOf(weeks, before).getJsonObject("power").getJsonArray("seconds").getList())
        .containsExactly(0, 0, 0, 599, 0, 0, 0);
    assertThat(weekOf(weeks, after).getJsonObject("power").getJsonArray("seconds").getList())
        .containsExactly(0, 0, 0, 0, 0, 0, 599);
  }

  @Test
  @DisplayName("Replaced streams are analysed anew; rows of an older engine are reprocessed when the worker is poked")
  void replacedStreamsAndOlderRowsAreRecomputed() {
    signedIn();
    UUID a = ride("A", TODAY.minusDays(3), constant(600, 200), null);
    awaitAnalysed(1);
    assertThat(best1s("power")).isEqualTo(200.0);

    double[] stronger = constant(600, 200);
    stronger[100] = 700;
    Workouts.streams(app, a, streams(stronger, null, 8.0, null), types(true, false, true, false), 600);
    awaitAnalysed(1);
    assertThat(best1s("power")).isEqualTo(700.0);

    TestDatabase.query("UPDATE activity_curves SET engine_version = 0, power = NULL", rs -> null);
    assertThat(client.get("/api/analysis/status").json().getInteger("done")).isZero();
    ride("B", TODAY.minusDays(2), constant(600, 100), null);
    awaitAnalysed(2);
    assertThat(TestDatabase.count("SELECT count(*) FROM activity_curves WHERE engine_version = ?", CurveRow.ENGINE_VERSION))
        .isEqualTo(2);
    assertThat(best1s("power")).isEqualTo(700.0);
  }

  @Test
  @DisplayName("A file import's streams are analysed by the worker: the imported workout is in the range curves")
  void importedFileIsAnalysed() {
    signedIn();
    java.time.Instant start = TODAY.minusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC);
    var upload = client.upload("/api/imports", "files",
        java.util.Map.of("run.gpx", fitcoach.testing.WorkoutFiles.gpx(start, 1800, 152, "running")));
    assertThat(upload.status()).as(upload.body()).isEqualTo(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!"done".equals(client.get("/api/imports/latest").json().getString("state"))) {
      assertThat(System.nanoTime()).as("import finished in time").isLessThan(deadline);
      pause();
    }
    awaitAnalysed(1);
    JsonObject hr = client.get("/api/analysis/curves?metric=hr&sport=run").json();
    assertThat(hr.getInteger("activities")).isEqualTo(1);
    assertThat(point(hr.getJsonArray("points"), 60).getDouble("value")).isEqualTo(152.0);
    assertThat(point(hr.getJsonArray("points"), 60).getString("date")).isEqualTo(TODAY.minusDays(2).toString());
  }

  @Test
  @DisplayName("The analysis event stream starts with the current state and follows the worker to idle with every activity done")
  void eventStreamFollowsTheWorker() throws Exception {
    signedIn();
    try (var events = client.stream("GET", "/api/analysis/events", null, null)) {
      assertThat(events.isEventStream()).isTrue();
      JsonObject first = events.until("analysis", Duration.ofSeconds(10)).get(0).json();
      assertThat(first.getString("state")).isEqualTo("idle");
      assertThat(first.getInteger("total")).isZero();
      assertThat(first.getInteger("version")).isEqualTo(CurveRow.ENGINE_VERSION);
      ride("A", TODAY.minusDays(1), constant(600, 200), null);
      boolean sawRunning = false;
      while (true) {
        var e = events.until("analysis", Duration.ofSeconds(20));
        JsonObject body = e.get(e.size() - 1).json();
        sawRunning |= "running".equals(body.getString("state"));
        if ("idle".equals(body.getString("state")) && body.getInteger("done") == 1) {
          assertThat(body.getInteger("total")).isEqualTo(1);
          break;
        }
      }
      assertThat(sawRunning).isTrue();
    }
  }

  @Test
  @DisplayName("After a restart the worker fills missing rows and reprocesses rows of an older engine, with no state of its own")
  void workerResumesAtBoot() {
    signedIn();
    UUID a = ride("A", TODAY.minusDays(3), constant(600, 180), null);
    ride("B", TODAY.minusDays(4), constant(600, 190), null);
    awaitAnalysed(2);
    app.close();
    TestDatabase.query("DELETE FROM activity_curves WHERE activity_id = ?::uuid", rs -> null, a.toString());
    TestDatabase.query("UPDATE activity_curves SET engine_version = 0, power = NULL", rs -> null);

    app = TestApp.start(environment(TestApp.env(TestDatabase.url())));
    client = new TestClient(app.port()).cookie(client.cookie());
    awaitAnalysed(2);
    assertThat(TestDatabase.count("SELECT count(*) FROM activity_curves WHERE engine_version = ? AND power IS NOT NULL",
        CurveRow.ENGINE_VERSION)).isEqualTo(2);
    assertThat(best1s("power")).isEqualTo(190.0);
  }

  @Test
  @DisplayName("An activity's analysis carries its season best: the family's best over the year up to its date")
  void activityAnalysisHasSeasonBest() {
    signedIn();
    double[] w = constant(600, 200);
    w[50] = 800;
    ride("Earlier", TODAY.minusDays(40), w, null);
    ride("Later, before a year", TODAY.minusDays(500), constant(600, 900), null);
    UUID now = ride("Now", TODAY.minusDays(20), constant(600, 250), null);
    run("Run", TODAY.minusDays(30), 5.0, 600);
    awaitAnalysed(4);

    JsonObject a = client.get("/api/activities/" + now + "/analysis").json();
    JsonObject season = a.getJsonObject("seasonBest");
    assertThat(season.getString("to")).isEqualTo(TODAY.minusDays(20).toString());
    assertThat(season.getString("from")).isEqualTo(TODAY.minusDays(20 + 364).toString());
    assertThat(point(season.getJsonArray("power"), 1).getDouble("value")).isEqualTo(800.0);
    assertThat(point(season.getJsonArray("power"), 60).getDouble("value")).isEqualTo(250.0);
    assertThat(point(season.getJsonArray("speed"), 60).getDouble("value")).isEqualTo(8.0);
    assertThat(season.containsKey("pace")).isFalse();
  }

  @Test
  @DisplayName("Another account's activities are in none of the range answers")
  void anotherAccountSeesNothing() {
    signedIn();
    UUID id = ride("Mine", TODAY.minusDays(3), constant(600, 300), null);
    awaitAnalysed(1);
    assertThat(client.get("/api/analysis/curves?metric=power").json().getJsonArray("points")).isNotEmpty();
    // The row moves with its activity (a trigger); other ranges than the one read above, as answers are memoised
    // per version of the athlete's rows and this move goes around the app.
    TestDatabase.inSecondAccount("activities", id, () -> {
      JsonObject c = client.get("/api/analysis/curves?metric=power&from=" + TODAY.minusDays(30)).json();
      assertThat(c.getJsonArray("points")).isEmpty();
      assertThat(c.getInteger("activities")).isZero();
      assertThat(client.get("/api/analysis/zones?weeks=13").json().getJsonArray("weeks").stream()
          .allMatch(w -> ((JsonObject) w).getValue("power") == null)).isTrue();
      assertThat(client.get("/api/analysis/status").json().getInteger("total")).isZero();
      assertThat(client.get("/api/activities/" + id + "/analysis").status()).isEqualTo(404);
    });
  }

  @Test
  @DisplayName("Bad parameters answer 422 with a JSON error naming the field, a reversed range included; signed out is 401")
  void badParametersAreRefused() {
    signedIn();
    expect("/api/analysis/curves", 422, "metric");
    expect("/api/analysis/curves?metric=watts", 422, "metric");
    expect("/api/analysis/curves?metric=pace", 422, "sport");
    expect("/api/analysis/curves?metric=power&sport=curling", 422, "sport");
    expect("/api/analysis/curves?metric=power&from=2026-05-02&to=2026-05-01", 422, "from");
    expect("/api/analysis/curves?metric=power&from=1960-01-01", 422, "from");
    expect("/api/analysis/curves?metric=power&to=9999-01-01", 422, "to");
    expect("/api/analysis/curves?metric=power&from=yesterday", 422, "from");
    expect("/api/analysis/curves?metric=power&compare_from=2025-01-01", 422, "compare_to");
    expect("/api/analysis/best-efforts?sport=ride", 422, "sport");
    expect("/api/analysis/model", 422, "sport");
    expect("/api/analysis/model?sport=swim", 422, "sport");
    expect("/api/analysis/model?sport=ride&weeks=0", 422, "weeks");
    expect("/api/analysis/model?sport=ride&weeks=261", 422, "weeks");
    expect("/api/analysis/zones?weeks=x", 422, "weeks");
    expect("/api/analysis/zones?sport=curling", 422, "sport");
    client.post("/api/auth/logout", new JsonObject());
    assertThat(client.get("/api/analysis/curves?metric=power").status()).isEqualTo(401);
    assertThat(client.get("/api/analysis/status").status()).isEqualTo(401);
  }

  // --- helpers ---

  private void expect(String path, int status, String field) {
    var r = client.get(path);
    assertThat(r.status()).as(path + " " + r.body()).isEqualTo(status);
    JsonObject error = r.json().getJsonObject("error");
    assertThat(error.getString("code")).isNotBlank();
    if (field != null) {
      assertThat(error.getString("field")).as(path).isEqualTo(field);
    }
  }

  private void profile(int ftp, int lthr) {
    assertThat(client.put("/api/settings/profile", new JsonObject().put("ftpWatts", ftp).put("lthr", lthr).put("maxHr", 190))
        .status()).isEqualTo(200);
  }

  private double best1s(String metric) {
    return point(client.get("/api/analysis/curves?metric=" + metric).json().getJsonArray("points"), 1).getDouble("value");
  }

  /** Polls the status until the worker is idle with every activity's row current (deadline 30 s). */
  private void awaitAnalysed(int total) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonObject s = null;
    while (System.nanoTime() < deadline) {
      s = client.get("/api/analysis/status").json();
      if ("idle".equals(s.getString("state")) && s.getInteger("total") == total && s.getInteger("done") == total) {
        assertThat(s.getInteger("version")).isEqualTo(CurveRow.ENGINE_VERSION);
        return;
      }
      pause();
    }
    throw new AssertionError("the analysis did not finish: " + s);
  }

  /** Between two polls. */
  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static double[] constant(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** A ride on {@code date} with 1 s samples of power (and heart rate), at 8 m/s. */
  private UUID ride(String name, LocalDate date, double[] watts, double[] hr) {
    return ride(name, date, 8, watts, hr);
  }

  /** As above, starting at {@code hour} (two rides at the same time are one workout recorded twice). */
  private UUID ride(String name, LocalDate date, int hour, double[] watts, double[] hr) {
    int n = watts.length;
    UUID id = Workouts.store(app, Workouts.copy(ActivitySource.FILE, "ride-" + UUID.randomUUID(), "Ride", name,
        date.atTime(hour, 0).toInstant(ZoneOffset.UTC), n, 8.0 * n, null));
    Workouts.streams(app, id, streams(watts, hr, 8.0, null), types(true, hr != null, true, false), n);
    return id;
  }

  /** A run on {@code date} at a constant speed, with a distance stream. */
  private UUID run(String name, LocalDate date, double speed, int seconds) {
    double[] distance = new double[seconds];
    for (int i = 0; i < seconds; i++) {
      distance[i] = speed * i;
    }
    UUID id = Workouts.store(app, Workouts.copy(ActivitySource.FILE, "run-" + UUID.randomUUID(), "Run", name,
        date.atTime(7, 0).toInstant(ZoneOffset.UTC), seconds, distance[seconds - 1], null));
    Workouts.streams(app, id, streams(null, null, Double.NaN, distance), types(false, false, false, true), seconds);
    return id;
  }



  private static JsonObject distance(JsonArray distances, double metres) {
    return distances.stream().map(JsonObject.class::cast).filter(d -> d.getDouble("distanceM") == metres).findFirst()
        .orElseThrow(() -> new AssertionError("no " + metres + " m in " + distances));
  }

  private static JsonObject weekOf(JsonArray weeks, LocalDate day) {
    String monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
    return weeks.stream().map(JsonObject.class::cast).filter(w -> w.getString("weekStart").equals(monday)).findFirst()
        .orElseThrow(() -> new AssertionError("no week " + monday + " in " + weeks));
  }
}
