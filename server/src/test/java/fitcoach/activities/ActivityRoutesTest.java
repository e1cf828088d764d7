package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActivityRoutesTest extends ApiTest {
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void signIn() {
    signedIn();
  }

  private JsonObject manual(String sport, LocalDate day, int minutes, Integer rpe, String name) {
    JsonObject body = new JsonObject().put("sportType", sport).put("startLocal", day + "T07:30").put("durationS", minutes * 60)
        .put("name", name);
    if (rpe != null) {
      body.put("rpe", rpe);
    }
    var r = client.post("/api/activities", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  @DisplayName("A manual session with an RPE gets the session-RPE load (RPE × minutes / 6) and shows in the list")
  void manualActivityWithRpe() {
    JsonObject a = manual("Run", today.minusDays(1), 60, 6, "Hill repeats");
    assertThat(a.getString("source")).isEqualTo("manual");
    assertThat(a.getString("sportFamily")).isEqualTo("run");
    assertThat(a.getDouble("load")).isCloseTo(60.0, within(1e-9));
    assertThat(a.getString("loadMethod")).isEqualTo("RPE");
    assertThat(a.getString("startDateLocal")).startsWith(today.minusDays(1) + "T07:30");

    var list = client.get("/api/activities");
    assertThat(list.json().getLong("total")).isEqualTo(1);
    assertThat(list.jsonArray("items").getJsonObject(0).getString("name")).isEqualTo("Hill repeats");
    assertThat(client.get("/api/activities/" + a.getString("id")).json().getString("name")).isEqualTo("Hill repeats");
  }

  @Test
  @DisplayName("Manual entry refuses unknown sports, future starts, missing durations and bad RPE with 422")
  void manualValidation() {
    JsonObject base = new JsonObject().put("sportType", "Run").put("startLocal", today.minusDays(1) + "T07:30").put("durationS", 1800);
    assertField(base.copy().put("sportType", "Quidditch"), "sportType");
    assertField(base.copy().put("startLocal", today.plusDays(3) + "T07:30"), "startLocal");
    assertField(base.copy().put("startLocal", "yesterday"), "startLocal");
    JsonObject noDuration = base.copy();
    noDuration.remove("durationS");
    assertField(noDuration, "durationS");
    assertField(base.copy().put("rpe", 11), "rpe");
    assertField(base.copy().put("timeZone", "Nowhere/City"), "timeZone");
    assertThat(client.get("/api/activities").json().getLong("total")).isZero();
  }

  @Test
  @DisplayName("Unknown and malformed activity ids are 404")
  void notFound() {
    assertThat(client.get("/api/activities/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    assertThat(client.get("/api/activities/not-a-uuid").status()).isEqualTo(404);
    assertThat(client.delete("/api/activities/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("The list pages by offset and by cursor without overlap, and filters by sport, dates and text")
  void pagingAndFilters() {
    for (int i = 1; i <= 7; i++) {
      manual(i % 2 == 0 ? "Ride" : "Run", today.minusDays(i), 30 + i, 5, i == 3 ? "Parkrun PB" : "Session " + i);
    }
    var first = client.get("/api/activities?limit=3").json();
    assertThat(first.getLong("total")).isEqualTo(7);
    assertThat(first.getJsonArray("items")).hasSize(3);
    var second = client.get("/api/activities?limit=3&cursor=" + first.getString("nextCursor")).json();
    var third = client.get("/api/activities?limit=3&offset=6").json();
    Set<String> ids = new HashSet<>();
    for (JsonArray items : new JsonArray[] {first.getJsonArray("items"), second.getJsonArray("items"), third.getJsonArray("items")}) {
      items.forEach(o -> ids.add(((JsonObject) o).getString("id")));
    }
    assertThat(ids).hasSize(7);
    assertThat(first.getJsonArray("items").getJsonObject(0).getString("startDateLocal")).startsWith(today.minusDays(1).toString());

    assertThat(client.get("/api/activities?sport=ride").json().getLong("total")).isEqualTo(3);
    assertThat(client.get("/api/activities?sport=Run").json().getLong("total")).isEqualTo(4);
    assertThat(client.get("/api/activities?from=" + today.minusDays(3) + "&to=" + today.minusDays(2)).json().getLong("total")).isEqualTo(2);
    assertThat(client.get("/api/activities?text=parkrun").json().getJsonArray("items").getJsonObject(0).getString("name"))
        .isEqualTo("Parkrun PB");
    var byDuration = client.get("/api/activities?sort=duration_desc&limit=1").json().getJsonArray("items").getJsonObject(0);
    assertThat(byDuration.getInteger("movingTimeS")).isEqualTo(37 * 60);
  }

  @Test
  @DisplayName("Bad list parameters are 422 naming the parameter")
  void listValidation() {
    assertThat(client.get("/api/activities?limit=201").errorField()).isEqualTo("limit");
    assertThat(client.get("/api/activities?limit=abc").errorField()).isEqualTo("limit");
    assertThat(client.get("/api/activities?from=2026-13-01").errorField()).isEqualTo("from");
    assertThat(client.get("/api/activities?sort=random").errorField()).isEqualTo("sort");
    assertThat(client.get("/api/activities?cursor=garbage").errorField()).isEqualTo("cursor");
    assertThat(client.get("/api/activities?colour=red").status()).isEqualTo(422);
  }

  @Test
  @DisplayName("Editing RPE, overriding and clearing the load, and correcting the sport all recompute the load")
  void patchRecomputes() {
    String id = manual("Run", today.minusDays(2), 60, 6, "Run").getString("id");
    var rpe = client.send("PATCH", "/api/activities/" + id, new JsonObject().put("rpe", 9).encode(), "application/json");
    assertThat(rpe.status()).isEqualTo(200);
    assertThat(rpe.json().getDouble("load")).isCloseTo(90.0, within(1e-9));

    var overridden = client.send("PATCH", "/api/activities/" + id, new JsonObject().put("loadOverride", 120).encode(), "application/json");
    assertThat(overridden.json().getDouble("load")).isEqualTo(120.0);
    assertThat(overridden.json().getString("loadMethod")).isEqualTo("MANUAL");
    assertThat(overridden.json().getDouble("computedLoad")).isCloseTo(90.0, within(1e-9));
    assertThat(dayLoad(today.minusDays(2))).isEqualTo(120.0);

    var cleared = client.send("PATCH", "/api/activities/" + id, new JsonObject().putNull("loadOverride").encode(), "application/json");
    assertThat(cleared.json().getDouble("load")).isCloseTo(90.0, within(1e-9));
    assertThat(cleared.json().getString("loadMethod")).isEqualTo("RPE");

    var sport = client.send("PATCH", "/api/activities/" + id, new JsonObject().put("sportType", "trailrun").encode(), "application/json");
    assertThat(sport.json().getString("sportType")).isEqualTo("TrailRun");
    assertThat(sport.json().getString("sportFamily")).isEqualTo("run");

    var bad = client.send("PATCH", "/api/activities/" + id, new JsonObject().put("rpe", 0).encode(), "application/json");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(client.send("PATCH", "/api/activities/" + id, "{}", "application/json").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("Deleting an activity removes its load from the chart")
  void deleteRecomputes() {
    String id = manual("Run", today.minusDays(1), 60, 6, "Run").getString("id");
    assertThat(dayLoad(today.minusDays(1))).isCloseTo(60.0, within(1e-9));
    assertThat(client.delete("/api/activities/" + id).status()).isEqualTo(200);
    assertThat(client.get("/api/activities/" + id).status()).isEqualTo(404);
    assertThat(TestDatabase.count("SELECT count(*) FROM daily_load")).isZero();
    assertThat(client.delete("/api/activities/" + id).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("A session late in the evening counts on its local date, not the UTC date")
  void localDateDecidesTheDay() {
    JsonObject body = new JsonObject().put("sportType", "Run").put("startLocal", today.minusDays(3) + "T23:30")
        .put("timeZone", "America/Los_Angeles").put("durationS", 3600).put("rpe", 6);
    assertThat(client.post("/api/activities", body).status()).isEqualTo(201);
    assertThat(dayLoad(today.minusDays(3))).isCloseTo(60.0, within(1e-9));
    assertThat(dayLoad(today.minusDays(2))).isZero();
  }

  private double dayLoad(LocalDate day) {
    var days = client.get("/api/load/pmc?from=" + day + "&to=" + day).jsonArray("days");
    return days.isEmpty() ? 0 : days.getJsonObject(0).getDouble("load");
  }

  @Test
  @DisplayName("A run's average cadence is served in steps per minute, twice the stored strides, and an edit never writes it back")
  void runCadenceInSteps() {
    String id = manual("Run", today.minusDays(1), 40, 5, "Easy run").getString("id");
    TestDatabase.query("UPDATE activities SET avg_cadence = 86.5 WHERE id = ?::uuid", rs -> null, id);
    JsonObject run = client.get("/api/activities/" + id).json();
    assertThat(run.getDouble("avgCadence")).isEqualTo(173.0);
    assertThat(run.getString("cadenceUnit")).isEqualTo("steps/min");

    JsonObject edited = client.send("PATCH", "/api/activities/" + id,
        new JsonObject().put("name", "Steady run").put("rpe", 4).encode(), "application/json").json();
    assertThat(edited.getDouble("avgCadence")).isEqualTo(173.0);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE avg_cadence = 86.5")).isEqualTo(1);

    JsonObject ride = client.send("PATCH", "/api/activities/" + id,
        new JsonObject().put("sportType", "Ride").encode(), "application/json").json();
    assertThat(ride.getDouble("avgCadence")).isEqualTo(86.5);
    assertThat(ride.getString("cadenceUnit")).isEqualTo("rpm");
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE avg_cadence = 86.5")).isEqualTo(1);
  }

  private void assertField(JsonObject body, String field) {
    var r = client.post("/api/activities", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.errorField()).isEqualTo(field);
  }
}
