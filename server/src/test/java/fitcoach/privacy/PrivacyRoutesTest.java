package fitcoach.privacy;

import fitcoach.geo.Polyline;
import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivitySource;
import fitcoach.app.Gzip;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** /api/settings/privacy-zones, and the positions the API hands out once zones exist. */
class PrivacyRoutesTest extends ApiTest {
  private static final String PATH = "/api/settings/privacy-zones";
  private static final double HOME_LAT = 46.0569;
  private static final double HOME_LON = 14.5058;

  private static JsonObject zone(String name, double lat, double lon, int radiusM) {
    return new JsonObject().put("name", name).put("lat", lat).put("lon", lon).put("radiusM", radiusM);
  }

  private static long stored() {
    return TestDatabase.count("SELECT count(*) FROM privacy_zones");
  }

  @Test
  @DisplayName("A zone is added (201), listed, changed (200) and deleted (204); then it is gone")
  void crud() {
    signedIn();
    assertThat(client.get(PATH).json().getJsonArray("zones")).isEmpty();
    var created = client.post(PATH, zone("  Home ", HOME_LAT, HOME_LON, 200));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject home = created.json();
    assertThat(home.getString("name")).isEqualTo("Home");
    assertThat(home.getDouble("lat")).isEqualTo(HOME_LAT);
    assertThat(home.getDouble("lon")).isEqualTo(HOME_LON);
    assertThat(home.getInteger("radiusM")).isEqualTo(200);
    assertThat(home.fieldNames()).containsExactlyInAnyOrder("id", "name", "lat", "lon", "radiusM");
    String id = home.getString("id");
    assertThat(client.post(PATH, zone("Work", 46.05, 14.46, 1000)).status()).isEqualTo(201);

    JsonArray listed = client.get(PATH).json().getJsonArray("zones");
    assertThat(listed).hasSize(2);
    assertThat(listed.getJsonObject(0)).isEqualTo(home);

    var changed = client.put(PATH + "/" + id, zone("Home (flat)", HOME_LAT, HOME_LON, 450));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().getInteger("radiusM")).isEqualTo(450);
    assertThat(changed.json().getString("id")).isEqualTo(id);
    assertThat(client.get(PATH).json().getJsonArray("zones").getJsonObject(0).getString("name")).isEqualTo("Home (flat)");

    assertThat(client.delete(PATH + "/" + id).status()).isEqualTo(204);
    assertThat(client.delete(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(client.put(PATH + "/" + id, zone("Home", HOME_LAT, HOME_LON, 200)).status()).isEqualTo(404);
    assertThat(client.get(PATH).json().getJsonArray("zones")).extracting(o -> ((JsonObject) o).getString("name"))
        .containsExactly("Work");
    assertThat(client.delete(PATH + "/not-a-uuid").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("Each invalid field is refused with 422 naming it, and nothing is stored or changed")
  void validation() {
    signedIn();
    record Bad(JsonObject body, String field) {
    }
    List<Bad> bad = List.of(
        new Bad(zone("", HOME_LAT, HOME_LON, 200), "name"),
        new Bad(zone("   ", HOME_LAT, HOME_LON, 200), "name"),
        new Bad(zone("x".repeat(81), HOME_LAT, HOME_LON, 200), "name"),
        new Bad(zone("a\u0000b", HOME_LAT, HOME_LON, 200), "name"),
        new Bad(zone("Home", 90.0001, HOME_LON, 200), "lat"),
        new Bad(zone("Home", -91, HOME_LON, 200), "lat"),
        new Bad(zone("Home", HOME_LAT, 180.5, 200), "lon"),
        new Bad(zone("Home", HOME_LAT, -181, 200), "lon"),
        new Bad(zone("Home", HOME_LAT, HOME_LON, 99), "radiusM"),
        new Bad(zone("Home", HOME_LAT, HOME_LON, 1001), "radiusM"),
        new Bad(zone("Home", HOME_LAT, HOME_LON, 200).put("radiusM", 150.5), "radiusM"),
        new Bad(zone("Home", HOME_LAT, HOME_LON, 200).put("radiusM", "200"), "radiusM"),
        new Bad(zone("Home", HOME_LAT, HOME_LON, 200).put("lat", "46"), "lat"),
        new Bad(zone("Home", HOME_LAT, HOME_LON, 200).put("name", 5), "name"),
        new Bad(new JsonObject().put("name", "Home").put("lon", HOME_LON).put("radiusM", 200), "lat"),
        new Bad(new JsonObject().put("name", "Home").put("lat", HOME_LAT).put("radiusM", 200), "lon"),
        new Bad(new JsonObject().put("name", "Home").put("lat", HOME_LAT).put("lon", HOME_LON), "radiusM"),
        new Bad(zone("Home", HOME_LAT, HOME_LON, 200).putNull("lat"), "lat"),
        new Bad(zone("Home", HOME_LAT, HOME_LON, 200).put("radius", 200), "radius"));
    String id = client.post(PATH, zone("Home", HOME_LAT, HOME_LON, 200)).json().getString("id");
    for (Bad b : bad) {
      var r = client.post(PATH, b.body());
      assertThat(r.status()).as(b.body().encode() + " → " + r).isEqualTo(422);
      assertThat(r.errorField()).as(b.body().encode()).isEqualTo(b.field());
      var put = client.put(PATH + "/" + id, b.body());
      assertThat(put.status()).as("PUT " + b.body().encode()).isEqualTo(422);
      assertThat(put.errorField()).isEqualTo(b.field());
    }
    assertThat(client.postRaw(PATH, "{\"name\":").status()).isEqualTo(400);
    assertThat(client.postRaw(PATH, "[]").status()).isEqualTo(400);
    assertThat(client.send("POST", PATH, "", "application/json").status()).isEqualTo(400);
    assertThat(stored()).isEqualTo(1);
    assertThat(client.get(PATH).json().getJsonArray("zones").getJsonObject(0))
        .isEqualTo(zone("Home", HOME_LAT, HOME_LON, 200).put("id", id));
    // The bounds themselves are valid.
    assertThat(client.post(PATH, zone("x".repeat(80), 90, 180, 100)).status()).isEqualTo(201);
    assertThat(client.post(PATH, zone("South", -90, -180, 1000)).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("At most 20 zones: the 21st is refused with 409 and not stored, deleting one makes room")
  void limit() {
    signedIn();
    String first = null;
    for (int i = 0; i < PrivacyService.MAX_ZONES; i++) {
      var r = client.post(PATH, zone("Zone " + i, 10 + i, 10, 100));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      first = first == null ? r.json().getString("id") : first;
    }
    var refused = client.post(PATH, zone("One too many", 50, 10, 100));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("too_many_zones");
    assertThat(stored()).isEqualTo(20);
    assertThat(client.delete(PATH + "/" + first).status()).isEqualTo(204);
    assertThat(client.post(PATH, zone("Now it fits", 50, 10, 100)).status()).isEqualTo(201);
    assertThat(stored()).isEqualTo(20);
  }

  @Test
  @DisplayName("Zones added at once from many requests still stop at 20")
  void limitUnderConcurrency() throws Exception {
    signedIn();
    String cookie = client.cookie();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        int n = i;
        answers.add(pool.submit(() -> new TestClient(app.port()).cookie(cookie).post(PATH, zone("Z" + n, 0, n, 100)).status()));
      }
      int created = 0;
      for (var a : answers) {
        int status = a.get();
        assertThat(status).isIn(201, 409);
        created += status == 201 ? 1 : 0;
      }
      assertThat(created).isEqualTo(20);
      assertThat(stored()).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("Another athlete's zone is 404 to read, change or delete, stays as it was, and hides nothing of mine")
  void otherAthlete() {
    signedIn();
    UUID theirs = UUID.fromString(client.post(PATH, zone("Their home", HOME_LAT, HOME_LON, 1000)).json().getString("id"));
    UUID run = storedRun();
    TestDatabase.inSecondAccount("privacy_zones", theirs, () -> {
      assertThat(client.get(PATH).json().getJsonArray("zones")).isEmpty();
      assertThat(client.put(PATH + "/" + theirs, zone("Mine now", 0, 0, 100)).status()).isEqualTo(404);
      assertThat(client.delete(PATH + "/" + theirs).status()).isEqualTo(404);
      String name = TestDatabase.query("SELECT name FROM privacy_zones WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null,
          theirs);
      assertThat(name).isEqualTo("Their home");
      JsonObject streams = client.get("/api/activities/" + run + "/streams").json();
      assertThat(streams.getJsonObject("privacy").getInteger("hiddenPoints")).isZero();
      assertThat(streams.getJsonObject("streams").getJsonArray("latlng").getValue(0)).isNotNull();
    });
  }

  @Test
  @DisplayName("Signed out, every privacy-zone route is 401 and stores nothing")
  void signedOut() {
    assertThat(client.get(PATH).status()).isEqualTo(401);
    assertThat(client.post(PATH, zone("Home", HOME_LAT, HOME_LON, 200)).status()).isEqualTo(401);
    assertThat(client.put(PATH + "/" + UUID.randomUUID(), zone("Home", HOME_LAT, HOME_LON, 200)).status()).isEqualTo(401);
    assertThat(client.delete(PATH + "/" + UUID.randomUUID()).status()).isEqualTo(401);
    assertThat(stored()).isZero();
  }

  /**
   * A run of 10 points that starts at home and runs north 100 m a point (the first three are within 250 m of home),
   * with heart rate, time and a route polyline that starts at home too.
   */
  private UUID storedRun() {
    UUID id = Workouts.store(app, Workouts.copy(ActivitySource.of("file"), "file-home-run", "Run", "From home",
        Instant.now().minus(1, ChronoUnit.DAYS), 600, 1000.0, 140.0));
    JsonArray time = new JsonArray();
    JsonArray latlng = new JsonArray();
    JsonArray hr = new JsonArray();
    double[][] route = new double[10][];
    for (int i = 0; i < 10; i++) {
      time.add(i * 60);
      double lat = HOME_LAT + i * 0.0009;
      latlng.add(new JsonArray().add(lat).add(HOME_LON));
      hr.add(130 + i);
      route[i] = new double[] {lat, HOME_LON};
    }
    Workouts.streams(app, id, Gzip.text(new JsonObject().put("time", time).put("latlng", latlng).put("heartrate", hr).encode()),
        List.of("time", "latlng", "heartrate"), 10);
    TestDatabase.query("UPDATE activities SET summary_polyline = ? WHERE id = ?", rs -> null, Polyline.encode(route), id);
    return id;
  }

  @Test
  @DisplayName("Streams: positions in a zone are null (counted), ?privacy=off shows them (still counted), others untouched")
  void streamsHidden() {
    signedIn();
    UUID run = storedRun();
    String streams = "/api/activities/" + run + "/streams";
    JsonObject before = client.get(streams).json();
    assertThat(before.getJsonObject("privacy")).isEqualTo(new JsonObject().put("hiddenPoints", 0).put("applied", true));

    assertThat(client.post(PATH, zone("Home", HOME_LAT, HOME_LON, 250)).status()).isEqualTo(201);
    JsonObject hidden = client.get(streams).json();
    assertThat(hidden.getJsonObject("privacy")).isEqualTo(new JsonObject().put("hiddenPoints", 3).put("applied", true));
    JsonArray latlng = hidden.getJsonObject("streams").getJsonArray("latlng");
    assertThat(latlng).hasSize(10);
    assertThat(latlng.getValue(0)).isNull();
    assertThat(latlng.getValue(1)).isNull();
    assertThat(latlng.getValue(2)).isNull();
    assertThat(latlng.getJsonArray(3)).isEqualTo(before.getJsonObject("streams").getJsonArray("latlng").getJsonArray(3));
    assertThat(hidden.encode()).doesNotContain(String.valueOf(HOME_LAT));
    // Charts keep every sample.
    assertThat(hidden.getJsonObject("streams").getJsonArray("heartrate"))
        .isEqualTo(before.getJsonObject("streams").getJsonArray("heartrate"));
    assertThat(hidden.getJsonObject("streams").getJsonArray("time")).isEqualTo(before.getJsonObject("streams").getJsonArray("time"));
    assertThat(hidden.getInteger("points")).isEqualTo(10);

    JsonObject shown = client.get(streams + "?privacy=off").json();
    assertThat(shown.getJsonObject("privacy")).isEqualTo(new JsonObject().put("hiddenPoints", 3).put("applied", false));
    assertThat(shown.getJsonObject("streams")).isEqualTo(before.getJsonObject("streams"));
    assertThat(client.get(streams + "?privacy=on").json()).isEqualTo(hidden);
    // Sampled down, the served points are the ones checked.
    JsonObject few = client.get(streams + "?maxPoints=10").json();
    assertThat(few.getJsonObject("privacy").getInteger("hiddenPoints")).isEqualTo(3);

    for (String bad : List.of("yes", "OFF", "1", "on,off")) {
      var r = client.get(streams + "?privacy=" + bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.errorField()).isEqualTo("privacy");
    }
    assertThat(client.get("/api/activities/" + UUID.randomUUID() + "/streams?privacy=off").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("An activity's route leaves out the points in a zone, on read and in the answers to edits")
  void routeHidden() {
    signedIn();
    UUID run = storedRun();
    String full = client.get("/api/activities/" + run).json().getString("summaryPolyline");
    assertThat(full).isNotNull();
    assertThat(client.post(PATH, zone("Home", HOME_LAT, HOME_LON, 250)).status()).isEqualTo(201);
    String shown = client.get("/api/activities/" + run).json().getString("summaryPolyline");
    double[][] rest = new double[7][];
    for (int i = 3; i < 10; i++) {
      rest[i - 3] = new double[] {HOME_LAT + i * 0.0009, HOME_LON};
    }
    assertThat(shown).isEqualTo(Polyline.encode(rest));
    var patched = client.send("PATCH", "/api/activities/" + run, new JsonObject().put("notes", "Windy").encode(),
        "application/json");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().getString("summaryPolyline")).isEqualTo(shown);
    // Stored as recorded: only what is handed out changes.
    String stored = TestDatabase.query("SELECT summary_polyline FROM activities WHERE id = ?",
        rs -> rs.next() ? rs.getString(1) : null, run);
    assertThat(stored).isEqualTo(full);
    // A zone over the whole route leaves no route at all.
    assertThat(client.post(PATH, zone("Park", HOME_LAT + 0.005, HOME_LON, 1000)).status()).isEqualTo(201);
    assertThat(client.get("/api/activities/" + run).json().getValue("summaryPolyline")).isNull();
  }
}
