package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivitySource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AthleteProfileToolTest extends ToolTestBase {
  private static final String NAME = AthleteProfileTool.NAME;

  @Test
  @DisplayName("Profile, today's thresholds with their history, the on-screen zones, and goals and preferences as data")
  void profileThresholdsAndZones() {
    var saved = client.put("/api/settings/profile", new JsonObject().put("sex", "female").put("birthYear", 1990)
        .put("weightKg", 61.5).put("heightCm", 170.0).put("ftpWatts", 250).put("lthr", 170).put("maxHr", 190)
        .put("goals", "Sub-3 marathon in April <b>").put("preferences", "No training on Mondays").put("timeZone", "UTC"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    for (JsonObject entry : new JsonObject[] {
        new JsonObject().put("kind", "ftp").put("validFrom", "2024-01-01").put("value", 240),
        new JsonObject().put("kind", "threshold_pace").put("validFrom", "2024-06-01").put("value", 270)}) {
      var r = client.post("/api/settings/thresholds", entry);
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    ToolReply reply = call(NAME, "{}", false);
    assertThat(reply.error()).as(reply.content()).isFalse();
    assertThat(reply.lookup()).isEqualTo("profile, thresholds and zones");
    // Athlete text is data: markup is escaped in the JSON the model reads.
    assertThat(reply.content()).doesNotContain("<b>").contains("\\u003cb\\u003e");
    JsonObject r = new JsonObject(reply.content());

    JsonObject profile = r.getJsonObject("profile");
    assertThat(profile.getString("sex")).isEqualTo("female");
    assertThat(profile.getInteger("age")).isEqualTo(today.getYear() - 1990);
    assertThat(profile.getDouble("weight_kg")).isEqualTo(61.5);
    assertThat(profile.getDouble("height_cm")).isEqualTo(170.0);
    assertThat(profile.getString("time_zone")).isEqualTo("UTC");

    JsonObject thresholds = r.getJsonObject("thresholds");
    assertThat(thresholds.getJsonObject("ftp_w").getMap()).containsEntry("value", 250.0).containsEntry("source", "entered");
    assertThat(thresholds.getJsonObject("lthr_bpm").getDouble("value")).isEqualTo(170.0);
    assertThat(thresholds.getJsonObject("resting_hr_bpm").getString("source")).isEqualTo("estimated");
    assertThat(thresholds.getJsonObject("threshold_pace").getString("value")).isEqualTo("4:30/km");

    JsonArray ftpHistory = r.getJsonObject("threshold_history").getJsonObject("ftp").getJsonArray("entries");
    assertThat(ftpHistory.getJsonArray(0).getList()).containsExactly("2024-01-01", 240.0);
    assertThat(ftpHistory.getJsonArray(ftpHistory.size() - 1).getList()).containsExactly(today.toString(), 250.0);
    assertThat(r.getJsonObject("threshold_history").getJsonObject("threshold_pace").getJsonArray("entries").getJsonArray(0)
        .getList()).containsExactly("2024-06-01", "4:30/km");

    JsonObject zones = r.getJsonObject("zones");
    JsonObject power = zones.getJsonObject("power_w");
    assertThat(power.getString("basis")).isEqualTo("ftp");
    assertThat(power.getJsonArray("rows").getJsonArray(0).getList()).containsExactly(1, "Active recovery", 0.0, 138.0);
    assertThat(power.getJsonArray("rows").getJsonArray(6).getList()).containsExactly(7, "Neuromuscular", 375.0, null);
    JsonObject heart = zones.getJsonObject("heart_rate_bpm");
    assertThat(heart.getString("basis")).isEqualTo("lthr");
    assertThat(heart.getJsonArray("rows").getJsonArray(3).getList()).containsExactly(4, "Threshold", 160.0, 179.0);
    JsonObject pace = zones.getJsonObject("run_pace");
    assertThat(pace.getJsonArray("rows").getJsonArray(0).getList()).containsExactly(1, "Recovery", null, "5:48/km");
    assertThat(pace.getJsonArray("rows").getJsonArray(6).getList()).containsExactly(7, "Sprint", "4:03/km", null);

    assertThat(r.getJsonObject("athlete_says").getString("goals")).isEqualTo("Sub-3 marathon in April <b>");
    assertThat(r.getJsonObject("athlete_says").getString("preferences")).isEqualTo("No training on Mondays");
    assertThat(reply.activityIds()).isEmpty();
  }

  @Test
  @DisplayName("Estimated thresholds use only what the coach may read: a Strava-only max HR moves them only when allowed")
  void estimatesFollowTheDataPolicy() {
    // The estimate is the second-highest max HR observed: 165 from the watch alone, 199 with the Strava-only rides.
    store(copy(ActivitySource.FILE, "a", "Run", "Watch run", null, null, daysAgo(3), 3600, 10_000.0, 150.0, null, null));
    store(copy(ActivitySource.FILE, "b", "Run", "Watch run 2", null, null, daysAgo(2), 3600, 10_000.0, 153.0, null, null));
    store(copy(ActivitySource.STRAVA_API, "c", "Run", "Strava run", null, null, daysAgo(5), 3600, 10_000.0, 184.0, null, null));
    store(copy(ActivitySource.STRAVA_API, "d", "Run", "Strava run 2", null, null, daysAgo(6), 3600, 10_000.0, 186.0, null,
        null));

    JsonObject off = result(NAME, "{}", false).getJsonObject("thresholds").getJsonObject("max_hr_bpm");
    assertThat(off.getMap()).containsEntry("value", 165.0).containsEntry("source", "estimated");
    JsonObject on = result(NAME, "{}", true).getJsonObject("thresholds").getJsonObject("max_hr_bpm");
    assertThat(on.getMap()).containsEntry("value", 199.0).containsEntry("source", "estimated");
  }

  @Test
  @DisplayName("Takes no arguments: anything given is an error the model can read")
  void noArguments() {
    ToolReply extra = call(NAME, "{\"athlete\":\"someone else\"}", false);
    assertThat(extra.error()).isTrue();
    assertThat(extra.content()).startsWith("Invalid arguments for athlete_profile");
    assertThat(call(NAME, "", false).error()).isFalse();
    assertThat(Arrays.asList(call(NAME, "[]", false).content())).containsExactly("The arguments are not a JSON object.");
  }
}
