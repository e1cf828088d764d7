package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.activities.ActivityLap;
import fitcoach.activities.ActivitySource;
import fitcoach.app.Gzip;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GetActivityToolTest extends ToolTestBase {
  private static final String NAME = GetActivityTool.NAME;
  private static final int N = 1800;

  private static String args(UUID id) {
    return new JsonObject().put("id", id.toString()).encode();
  }

  /** Laps of {@code seconds} each over the whole activity, 100 m per 20 s. */
  private static List<ActivityLap> laps(int count, int seconds) {
    List<ActivityLap> laps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      laps.add(new ActivityLap(i, i * seconds, seconds, seconds, seconds * 5.0, 150.0 + i, 160.0 + i, 200.0, 210.0, 5.0,
          null, "manual"));
    }
    return laps;
  }

  /** Streams of a ride: time, power (a hard minute at 700 s), heart rate and distance at 10 m/s. */
  private void rideStreams(UUID id) {
    JsonArray time = new JsonArray();
    JsonArray watts = new JsonArray();
    JsonArray hr = new JsonArray();
    JsonArray distance = new JsonArray();
    for (int i = 0; i < N; i++) {
      time.add(i);
      watts.add(150 + (i * 37 % 101) + (i >= 700 && i < 760 ? 200 : 0));
      hr.add(130 + i / 60);
      distance.add(i * 10.0);
    }
    JsonObject json = new JsonObject().put("time", time).put("watts", watts).put("heartrate", hr).put("distance", distance);
    Workouts.streams(app, id, Gzip.text(json.encode()), List.of("time", "watts", "heartrate", "distance"), N);
  }

  @Test
  @DisplayName("A ride in detail: summary with notes, the activity page's NP, IF, zones and curve, 30 laps and the rest summed, thresholds of its date")
  void rideInDetail() {
    assertThat(client.put("/api/settings/profile", new JsonObject().put("ftpWatts", 250).put("lthr", 170).put("maxHr", 190))
        .status()).isEqualTo(200);
    UUID id = store(copy(ActivitySource.FILE, "ride", "Ride", "Sweet spot ride", "3 x 10 min", "Legs heavy, slept badly",
        daysAgo(2), N, 18_000.0, 145.0, 200.0, laps(35, 50)));
    rideStreams(id);

    ToolReply reply = call(NAME, args(id), false);
    assertThat(reply.error()).as(reply.content()).isFalse();
    assertThat(reply.bytes()).isLessThan(ToolRegistry.MAX_RESULT_BYTES);
    assertThat(reply.activityIds()).containsExactly(id);
    assertThat(reply.summary()).endsWith("Sweet spot ride");
    assertThat(reply.lookup()).isEqualTo("activity " + id);
    JsonObject r = new JsonObject(reply.content());

    JsonObject a = r.getJsonObject("activity");
    assertThat(a.getString("id")).isEqualTo(id.toString());
    assertThat(a.getString("notes")).isEqualTo("Legs heavy, slept badly");
    assertThat(a.getString("description")).isEqualTo("3 x 10 min");
    assertThat(a.getString("duration")).isEqualTo("0:30:00");
    assertThat(a.getDouble("distance_km")).isEqualTo(18.0);
    assertThat(a.getString("pace")).isEqualTo("36.0 km/h");
    assertThat(a.getString("source")).isEqualTo("device file");
    assertThat(a.getDouble("load")).isPositive();

    JsonObject analysis = r.getJsonObject("analysis");
    assertThat(analysis.getBoolean("streams")).isTrue();
    double np = analysis.getDouble("np_w");
    assertThat(analysis.getDouble("intensity_factor")).isCloseTo(np / 250, within(0.001));
    assertThat(analysis.getDouble("efficiency_factor")).isNotNull();
    assertThat(analysis.getDouble("decoupling_percent")).isNotNull();

    JsonObject power = r.getJsonObject("zones").getJsonObject("power");
    assertThat(power.getJsonArray("lower_bounds").getList()).containsExactly(0.0, 138.0, 188.0, 225.0, 263.0, 300.0, 375.0);
    assertThat(power.getJsonArray("seconds").stream().mapToInt(v -> ((Number) v).intValue()).sum()).isEqualTo(N - 1);
    assertThat(r.getJsonObject("zones").getJsonObject("heart_rate").getString("basis")).isEqualTo("lthr");

    JsonArray curve = r.getJsonObject("curve").getJsonArray("power_w");
    assertThat(curve.stream().map(p -> ((JsonArray) p).getInteger(0)).toList()).containsExactly(5, 60, 300, 1200);
    assertThat(curve.getJsonArray(1).getDouble(1)).isGreaterThan(300.0);
    assertThat(r.getJsonObject("thresholds").getDouble("ftpW")).isEqualTo(250.0);

    JsonObject laps = r.getJsonObject("laps");
    assertThat(laps.getInteger("count")).isEqualTo(35);
    assertThat(laps.getJsonArray("rows")).hasSize(GetActivityTool.MAX_LAPS);
    assertThat(laps.getJsonArray("rows").getJsonArray(0).getList()).containsExactly(1, "0:00:00", "0:00:50", 0.25,
        "18.0 km/h", 150.0, 160.0, 200.0, 210.0);
    assertThat(laps.getJsonObject("not_shown").getInteger("laps")).isEqualTo(5);
    assertThat(laps.getJsonObject("not_shown").getString("duration")).isEqualTo("0:04:10");

    // No raw streams: no channel names, no long runs of samples.
    assertThat(reply.content()).doesNotContain("\"watts\"").doesNotContain("heartrate").doesNotContain("\"time\"");
  }

  @Test
  @DisplayName("A run gives pace per km, pace zones from the threshold pace and its best efforts")
  void runWithBestEfforts() {
    var pace = client.post("/api/settings/thresholds", new JsonObject().put("kind", "threshold_pace")
        .put("validFrom", "2020-01-01").put("value", 270));
    assertThat(pace.status()).as(pace.toString()).isEqualTo(201);
    UUID id = store(copy(ActivitySource.FILE, "run", "Run", "Progression run", null, null, daysAgo(1), N, 6_596.0, null,
        null, null));
    JsonArray time = new JsonArray();
    JsonArray distance = new JsonArray();
    double d = 0;
    for (int i = 0; i < N; i++) {
      d += i == 0 ? 0 : i <= 600 ? 3 : 4;
      time.add(i);
      distance.add(d);
    }
    Workouts.streams(app, id, Gzip.text(new JsonObject().put("time", time).put("distance", distance).encode()),
        List.of("time", "distance"), N);
    JsonObject r = result(NAME, args(id), false);
    JsonObject zones = r.getJsonObject("zones").getJsonObject("pace");
    assertThat(zones.getJsonArray("lower_bounds").getList()).containsExactly(null, 348.0, 306.0, 285.0, 267.0, 261.0, 243.0);
    assertThat(zones.getJsonArray("seconds").getInteger(1)).isEqualTo(600);
    JsonArray efforts = r.getJsonArray("best_efforts");
    assertThat(efforts.getJsonArray(0).getList()).containsExactly(400.0, "0:01:40");
    assertThat(efforts.stream().map(e -> ((JsonArray) e).getDouble(0)).toList()).contains(5000.0).doesNotContain(10000.0);
    assertThat(r.getJsonObject("curve").getJsonArray("pace").getJsonArray(1).getList()).containsExactly(60, "4:10/km");
    assertThat(r.getJsonObject("activity").getString("pace")).isEqualTo("4:33/km");
  }

  @Test
  @DisplayName("Strava API data stays out unless allowed: a Strava-only activity is 'not available' (as an unknown id is), and a file's Strava twin lends it no laps or streams")
  void dataPolicy() {
    UUID stravaOnly = store(copy(ActivitySource.STRAVA_API, "zebra", "Run", "Zebra Strava-only session", null, "zebra notes",
        daysAgo(5), 3600, 12_345.0, 171.0, null, null));
    UUID file = store(copy(ActivitySource.FILE, "file-ride", "Ride", "Morning ride (device)", null, null, daysAgo(1), N,
        18_000.0, 140.0, null, null));
    UUID twin = store(copy(ActivitySource.STRAVA_API, "strava-ride", "Ride", "Zebra ride on Strava", null, null, daysAgo(1), N,
        18_000.0, 140.0, null, laps(5, 360)));
    rideStreams(twin);
    String parent = fitcoach.testing.TestDatabase.query("SELECT primary_activity_id::text FROM activities WHERE id = ?::uuid",
        rs -> rs.next() ? rs.getString(1) : null, twin.toString());
    assertThat(parent).isEqualTo(file.toString());

    ToolReply hidden = call(NAME, args(stravaOnly), false);
    ToolReply unknown = call(NAME, args(UUID.randomUUID()), false);
    assertThat(hidden.error()).isTrue();
    assertThat(hidden.content()).isEqualTo(GetActivityTool.NOT_AVAILABLE).isEqualTo(unknown.content());
    assertThat(call(NAME, "{\"id\":\"not-an-id\"}", false).content()).isEqualTo(GetActivityTool.NOT_AVAILABLE);

    // The Strava copy's id leads to the workout's file copy; its laps and streams are Strava API data.
    for (UUID asked : List.of(file, twin)) {
      ToolReply off = call(NAME, args(asked), false);
      assertThat(off.error()).as(off.content()).isFalse();
      assertThat(off.content()).doesNotContainIgnoringCase("zebra").doesNotContain(twin.toString());
      JsonObject r = new JsonObject(off.content());
      assertThat(r.getJsonObject("activity").getString("id")).isEqualTo(file.toString());
      assertThat(r.getJsonObject("laps").getInteger("count")).isZero();
      assertThat(r.getJsonObject("analysis").getBoolean("streams")).isFalse();
      assertThat(off.activityIds()).containsExactly(file);
    }

    JsonObject allowed = result(NAME, args(stravaOnly), true);
    assertThat(allowed.getJsonObject("activity").getString("name")).isEqualTo("Zebra Strava-only session");
    assertThat(allowed.getJsonObject("activity").getString("notes")).isEqualTo("zebra notes");
    JsonObject withTwin = result(NAME, args(file), true);
    assertThat(withTwin.getJsonObject("activity").getString("id")).isEqualTo(file.toString());
    assertThat(withTwin.getJsonObject("laps").getInteger("count")).isEqualTo(5);
    assertThat(withTwin.getJsonObject("analysis").getBoolean("streams")).isTrue();
  }

  @Test
  @DisplayName("A Strava API copy leading a manual entry: with the policy off either id gives the entry, with it on the Strava copy")
  void stravaCopyLeadingAManualEntry() {
    UUID strava = store(copy(ActivitySource.STRAVA_API, "zebra", "Run", "Zebra Strava run", null, null, daysAgo(1), 3600,
        31_337.0, 171.0, null, null));
    UUID manual = store(copy(ActivitySource.MANUAL, "typed", "Run", "Typed-in tempo run", null, null, daysAgo(1), 3600,
        10_000.0, 150.0, null, null));
    String parent = fitcoach.testing.TestDatabase.query("SELECT primary_activity_id::text FROM activities WHERE id = ?::uuid",
        rs -> rs.next() ? rs.getString(1) : null, manual.toString());
    assertThat(parent).isEqualTo(strava.toString());
    for (UUID asked : List.of(strava, manual)) {
      ToolReply off = call(NAME, args(asked), false);
      assertThat(off.content()).doesNotContainIgnoringCase("zebra").doesNotContain(strava.toString()).doesNotContain("31.34")
          .contains("Typed-in tempo run");
      assertThat(off.activityIds()).containsExactly(manual);
      assertThat(result(NAME, args(asked), true).getJsonObject("activity").getString("id")).isEqualTo(strava.toString());
    }
  }

  @Test
  @DisplayName("An id is required and nothing else is accepted")
  void invalidArguments() {
    ToolReply missing = call(NAME, "{}", false);
    assertThat(missing.error()).isTrue();
    assertThat(missing.content()).startsWith("Invalid arguments for get_activity");
    assertThat(call(NAME, "{\"id\":\"" + UUID.randomUUID() + "\",\"streams\":true}", false).error()).isTrue();
    assertThat(call(NAME, "{\"id\":42}", false).error()).isTrue();
  }
}
