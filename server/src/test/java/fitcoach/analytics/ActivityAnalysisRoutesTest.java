package fitcoach.analytics;

import static fitcoach.testing.AnalysisJson.array;
import static fitcoach.testing.AnalysisJson.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.activities.ActivitySource;
import fitcoach.app.Gzip;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/activities/:id/analysis against the real app, with streams stored as imports store them. */
class ActivityAnalysisRoutesTest extends ApiTest {
  private static final int N = 1800;

  @Test
  @org.junit.jupiter.api.DisplayName("A ride with power and heart rate: curves with their start seconds, NP and IF from the FTP, zone seconds over the moving time")
  void rideWithPowerAndHeartRateGivesCurvesNpIfAndZones() {
    signedIn();
    assertThat(client.put("/api/settings/profile", new JsonObject().put("ftpWatts", 250).put("lthr", 170).put("maxHr", 190))
        .status()).isEqualTo(200);
    double[] watts = new double[N];
    double[] hr = new double[N];
    for (int i = 0; i < N; i++) {
      watts[i] = 150 + (i * 37 % 101) + (i >= 700 && i < 760 ? 200 : 0);
      hr[i] = 130 + i / 60;
    }
    watts[1234] = 950;
    UUID id = store("Ride", watts, hr, null);

    JsonObject a = client.get("/api/activities/" + id + "/analysis").json();
    assertThat(a.getString("activityId")).isEqualTo(id.toString());
    assertThat(a.getString("sportFamily")).isEqualTo("ride");
    assertThat(a.getBoolean("streams")).isTrue();
    assertThat(a.getInteger("gridSeconds")).isEqualTo(N);
    JsonArray power = a.getJsonObject("curves").getJsonArray("power");
    assertThat(point(power, 1).getDouble("value")).isEqualTo(950.0);
    assertThat(point(power, 1).getInteger("startS")).isEqualTo(1234);
    double[] best60 = bestMean(watts, 60);
    assertThat(point(power, 60).getDouble("value")).isCloseTo(best60[0], within(0.05));
    assertThat(point(power, 60).getInteger("startS")).isEqualTo((int) best60[1]);
    assertThat(a.getJsonObject("curves").getJsonArray("speed")).isNotEmpty();
    assertThat(a.getJsonObject("curves").containsKey("pace")).isFalse();

    double np = normalizedPower(watts);
    assertThat(a.getDouble("normalizedPowerW")).isCloseTo(np, within(0.05));
    assertThat(a.getDouble("intensityFactor")).isCloseTo(np / 250, within(0.0005));
    assertThat(a.getDouble("efficiencyFactor")).isNotNull();
    assertThat(a.getDouble("decouplingPercent")).isNotNull();
    assertThat(a.getJsonObject("thresholds").getDouble("ftpW")).isEqualTo(250.0);
    assertThat(a.getJsonObject("thresholds").getDouble("lthrBpm")).isEqualTo(170.0);

    // Times 0..1799 s every second: every second after the first ends a moving interval.
    int moving = a.getInteger("movingSeconds");
    assertThat(moving).isEqualTo(N - 1);
    JsonObject zones = a.getJsonObject("zones");
    assertThat(zones.getJsonObject("power").getJsonArray("bounds").getList())
        .containsExactly(0.0, 138.0, 188.0, 225.0, 263.0, 300.0, 375.0);
    assertThat(sum(zones.getJsonObject("power").getJsonArray("seconds"))).isEqualTo(moving);
    assertThat(sum(zones.getJsonObject("heartRate").getJsonArray("seconds"))).isEqualTo(moving);
    assertThat(a.getJsonArray("bestEfforts")).isEmpty();
  }

  @Test
  @org.junit.jupiter.api.DisplayName("A run with distance: best efforts interpolated within a second, and a pace curve")
  void runWithDistanceGivesBestEffortsAndPace() {
    signedIn();
    double[] distance = new double[N];
    for (int i = 1; i < N; i++) {
      distance[i] = distance[i - 1] + (i <= 600 ? 3 : 4); // 3 m/s for 10 min, then 4 m/s
    }
    UUID id = store("Run", null, null, distance);
    var pace = client.post("/api/settings/thresholds", new JsonObject().put("kind", "threshold_pace")
        .put("validFrom", "2026-01-01").put("value", 270));
    assertThat(pace.status()).as(pace.toString()).isEqualTo(201);

    JsonObject a = client.get("/api/activities/" + id + "/analysis").json();
    assertThat(a.getString("sportFamily")).isEqualTo("run");
    // Friel pace zones at 4:30/km: 3 m/s (5:33/km, 123 %) is Z2, 4 m/s (4:10/km, 93 %) is Z5b.
    JsonObject paceZones = a.getJsonObject("zones").getJsonObject("pace");
    assertThat(paceZones.getJsonArray("bounds").getList()).containsExactly(null, 348.0, 306.0, 285.0, 267.0, 261.0, 243.0);
    int moving = a.getInteger("movingSeconds");
    assertThat(paceZones.getJsonArray("seconds").getList()).containsExactly(0, 600, 0, 0, 0, moving - 600, 0);
    JsonArray efforts = a.getJsonArray("bestEfforts");
    JsonObject m400 = effort(efforts, 400);
    assertThat(m400.getDouble("timeS")).isEqualTo(100.0);
    assertThat(m400.getDouble("startS")).isEqualTo(600.0);
    // 6596 m in all: the fastest 5 km ends at the end, starting where 1596 m was reached (532 s at 3 m/s).
    JsonObject k5 = effort(efforts, 5000);
    assertThat(k5.getDouble("timeS")).isEqualTo(1267.0);
    assertThat(k5.getDouble("startS")).isEqualTo(532.0);
    assertThat(efforts.stream().map(e -> ((JsonObject) e).getDouble("distanceM")).toList()).doesNotContain(10000.0);
    JsonArray paceCurve = a.getJsonObject("curves").getJsonArray("pace");
    assertThat(point(paceCurve, 60).getDouble("value")).isEqualTo(250.0); // 4 m/s is 250 s/km
    assertThat(a.getJsonObject("curves").getJsonArray("power")).isEmpty();
    assertThat(a.getValue("normalizedPowerW")).isNull();
    assertThat(a.getValue("intensityFactor")).isNull();
  }

  @Test
  @org.junit.jupiter.api.DisplayName("An activity without stored streams answers streams: false and nothing made up")
  void activityWithoutStreamsAnswersStreamsFalse() {
    signedIn();
    UUID id = Workouts.store(app, Workouts.copy(ActivitySource.FILE, "plain", "Ride", "Plain", Instant.parse("2026-03-01T08:00:00Z"),
        3600, 30000.0, 140.0));
    var r = client.get("/api/activities/" + id + "/analysis");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject a = r.json();
    assertThat(a.getBoolean("streams")).isFalse();
    assertThat(a.getValue("gridSeconds")).isNull();
    assertThat(a.getValue("normalizedPowerW")).isNull();
    assertThat(a.getJsonObject("curves").getJsonArray("power")).isEmpty();
    assertThat(a.getJsonArray("bestEfforts")).isEmpty();
    assertThat(a.getJsonObject("thresholds").containsKey("ftpW")).isTrue();
  }

  @Test
  @org.junit.jupiter.api.DisplayName("Unknown, malformed and another account's activity ids answer 404, for the analysis and the streams")
  void unknownMalformedAndOtherUsersIdsAre404() {
    signedIn();
    assertThat(client.get("/api/activities/" + UUID.randomUUID() + "/analysis").status()).isEqualTo(404);
    var malformed = client.get("/api/activities/not-a-uuid/analysis");
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.json().getJsonObject("error").getString("code")).isEqualTo("not_found");

    UUID id = store("Ride", new double[] {200, 210, 220}, null, null);
    assertThat(client.get("/api/activities/" + id + "/analysis").status()).isEqualTo(200);
    TestDatabase.inSecondAccount("activities", id, () -> {
      assertThat(client.get("/api/activities/" + id + "/analysis").status()).isEqualTo(404);
      // The stored streams themselves are not served across accounts either.
      assertThat(client.get("/api/activities/" + id + "/streams").status()).isEqualTo(404);
    });
  }

  @Test
  @org.junit.jupiter.api.DisplayName("Signed out, the analysis is refused with 401")
  void signedOutIs401() {
    signedIn();
    UUID id = store("Ride", new double[] {200, 210, 220}, null, null);
    client.post("/api/auth/logout", new JsonObject());
    assertThat(client.get("/api/activities/" + id + "/analysis").status()).isEqualTo(401);
  }

  /** Stores an activity of 1 Hz samples (watts, heart rate, distance optional) as gzipped JSON keyed by stream type. */
  private UUID store(String sport, double[] watts, double[] hr, double[] distance) {
    int n = watts != null ? watts.length : hr != null ? hr.length : distance.length;
    UUID id = Workouts.store(app, Workouts.copy(ActivitySource.FILE, "f-" + sport + n, sport, sport,
        Instant.parse("2026-03-02T08:00:00Z"), n, distance == null ? null : distance[n - 1], null));
    JsonObject json = new JsonObject();
    JsonArray time = new JsonArray();
    for (int i = 0; i < n; i++) {
      time.add(i);
    }
    json.put("time", time);
    List<String> types = new java.util.ArrayList<>(List.of("time"));
    if (watts != null) {
      json.put("watts", array(watts));
      types.add("watts");
    }
    if (hr != null) {
      json.put("heartrate", array(hr));
      types.add("heartrate");
    }
    if (distance != null) {
      json.put("distance", array(distance));
      types.add("distance");
    } else if ("Ride".equals(sport)) {
      JsonArray speed = new JsonArray();
      for (int i = 0; i < n; i++) {
        speed.add(8.0);
      }
      json.put("velocity_smooth", speed);
      types.add("velocity_smooth");
    }
    Workouts.streams(app, id, Gzip.text(json.encode()), types, n);
    return id;
  }

  private static JsonObject effort(JsonArray efforts, double distanceM) {
    return efforts.stream().map(JsonObject.class::cast).filter(e -> e.getDouble("distanceM") == distanceM).findFirst()
        .orElseThrow(() -> new AssertionError("no " + distanceM + " m effort in " + efforts));
  }

  /** Brute force: the best mean of {@code d} consecutive samples and where it starts (earliest on ties). */
  private static double[] bestMean(double[] v, int d) {
    double best = -1;
    int at = -1;
    for (int s = 0; s + d <= v.length; s++) {
      double sum = 0;
      for (int i = s; i < s + d; i++) {
        sum += v[i];
      }
      if (sum / d > best + 1e-9) {
        best = sum / d;
        at = s;
      }
    }
    return new double[] {best, at};
  }

  /** Coggan NP by hand: 30 s rolling means of full windows, 4th power, mean, 4th root. */
  private static double normalizedPower(double[] w) {
    double total = 0;
    int windows = 0;
    for (int end = 30; end <= w.length; end++) {
      double sum = 0;
      for (int i = end - 30; i < end; i++) {
        sum += w[i];
      }
      total += Math.pow(sum / 30, 4);
      windows++;
    }
    return Math.pow(total / windows, 0.25);
  }

  private static int sum(JsonArray a) {
    return a.stream().mapToInt(x -> ((Number) x).intValue()).sum();
  }
}
