package fitcoach.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivitySource;
import fitcoach.app.Gzip;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Thresholds over time through the API: dated loads, edits that recompute from their date, validation, suggestions. */
class ThresholdRoutesTest extends ApiTest {
  private static final String PATH = "/api/settings/thresholds";
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void signIn() {
    signedIn();
  }

  /** One hour at NP {@code np} W (power from a meter) with the given max HR, on {@code day} at 08:00 UTC. */
  private UUID ride(LocalDate day, Double np, double maxHr, String name) {
    LocalDateTime start = day.atTime(8, 0);
    return Workouts.store(app, new ActivityInput(ActivitySource.FILE, name, "Ride", name, null, null,
        start.toInstant(ZoneOffset.UTC), start, "UTC", 3600, 3600, null, null, 140.0, maxHr, np, np, np != null, null, null,
        null, null, null, null, false, false, false, null, null, null, null, null));
  }

  private JsonObject post(String kind, LocalDate validFrom, Object value) {
    var r = client.post(PATH, new JsonObject().put("kind", kind).put("validFrom", validFrom.toString()).put("value", value));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  private JsonObject activity(UUID id) {
    return client.get("/api/activities/" + id).json();
  }

  private Map<String, Long> versions(String sql) {
    return TestDatabase.query(sql, rs -> {
      Map<String, Long> out = new HashMap<>();
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
      return out;
    });
  }

  @Test
  @DisplayName("A ride before an FTP change uses the old FTP and one after it the new one, in its load and in its analysis")
  void rideBeforeAndAfterFtpChange() {
    LocalDate change = today.minusDays(30);
    post("ftp", today.minusDays(365), 250);
    post("ftp", change, 300);
    UUID before = ride(change.minusDays(1), 200.0, 170, "Before");
    UUID onTheDay = ride(change, 200.0, 170, "On the day");
    withPowerStream(before);
    withPowerStream(onTheDay);

    // One hour at NP 200 W: IF 0.8 and TSS 64 with FTP 250; IF 2/3 and TSS 44.4 with FTP 300.
    assertThat(activity(before).getDouble("load")).isCloseTo(64.0, within(1e-6));
    assertThat(activity(onTheDay).getDouble("load")).isCloseTo(100.0 * 4 / 9, within(1e-6));
    JsonObject a = client.get("/api/activities/" + before + "/analysis").json();
    assertThat(a.getDouble("intensityFactor")).isCloseTo(0.8, within(0.0005));
    assertThat(a.getJsonObject("thresholds").getString("date")).isEqualTo(change.minusDays(1).toString());
    assertThat(a.getJsonObject("thresholds").getDouble("ftpW")).isEqualTo(250.0);
    assertThat(a.getJsonObject("thresholds").containsKey("inForce")).isFalse();
    JsonObject b = client.get("/api/activities/" + onTheDay + "/analysis").json();
    assertThat(b.getDouble("intensityFactor")).isCloseTo(200.0 / 300, within(0.0005));
    assertThat(b.getJsonObject("thresholds").getDouble("ftpW")).isEqualTo(300.0);
    assertThat(b.getJsonObject("thresholds").getString("date")).isEqualTo(change.toString());
    // The profile shows the value in force today.
    assertThat(client.get("/api/settings/profile").json().getInteger("ftpWatts")).isEqualTo(300);
  }

  private void withPowerStream(UUID id) {
    JsonArray time = new JsonArray();
    JsonArray watts = new JsonArray();
    for (int i = 0; i < 600; i++) {
      time.add(i);
      watts.add(200);
    }
    Workouts.streams(app, id, Gzip.text(new JsonObject().put("time", time).put("watts", watts).encode()),
        List.of("time", "watts"), 600);
  }

  @Test
  @DisplayName("Editing an entry dated D recomputes from D only: earlier loads and chart days keep their values and are not rewritten")
  void editRecomputesFromItsDateOnly() {
    LocalDate d = today.minusDays(30);
    post("ftp", today.minusDays(90), 250);
    JsonObject later = post("ftp", d, 280);
    UUID early1 = ride(today.minusDays(50), 200.0, 170, "Early 1");
    UUID early2 = ride(today.minusDays(40), 210.0, 170, "Early 2");
    UUID late1 = ride(today.minusDays(20), 200.0, 170, "Late 1");
    UUID late2 = ride(d, 220.0, 170, "Late 2");
    double earlyLoad = activity(early1).getDouble("load");
    double lateLoad = activity(late1).getDouble("load");
    Map<String, Long> activityVersions = versions("SELECT id::text, xmin::text::bigint FROM activities");
    LocalDate firstDay = TestDatabase.query("SELECT min(day) FROM daily_load", rs -> {
      rs.next();
      return rs.getObject(1, LocalDate.class);
    });
    Map<String, Long> dayVersions = versions("SELECT day::text, xmin::text::bigint FROM daily_load");
    Map<String, Long> dayCtl = versions("SELECT day::text, (ctl * 1000000)::bigint FROM daily_load");

    var r = client.put(PATH + "/" + later.getString("id"), new JsonObject().put("value", 300));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getDouble("value")).isEqualTo(300.0);
    assertThat(r.json().getString("validFrom")).isEqualTo(d.toString());

    assertThat(activity(early1).getDouble("load")).isEqualTo(earlyLoad);
    assertThat(activity(late1).getDouble("load")).isCloseTo(100.0 * (200.0 / 300) * (200.0 / 300), within(1e-6))
        .isNotEqualTo(lateLoad);
    Map<String, Long> activitiesAfter = versions("SELECT id::text, xmin::text::bigint FROM activities");
    assertThat(activitiesAfter.get(early1.toString())).as("an earlier load is not rewritten").isEqualTo(activityVersions.get(early1.toString()));
    assertThat(activitiesAfter.get(early2.toString())).isEqualTo(activityVersions.get(early2.toString()));
    assertThat(activitiesAfter.get(late2.toString())).isNotEqualTo(activityVersions.get(late2.toString()));
    Map<String, Long> daysAfter = versions("SELECT day::text, xmin::text::bigint FROM daily_load");
    Map<String, Long> ctlAfter = versions("SELECT day::text, (ctl * 1000000)::bigint FROM daily_load");
    int checked = 0;
    for (LocalDate day = firstDay.plusDays(1); day.isBefore(d); day = day.plusDays(1)) {
      assertThat(daysAfter.get(day.toString())).as("chart day " + day + " not rewritten").isEqualTo(dayVersions.get(day.toString()));
      assertThat(ctlAfter.get(day.toString())).isEqualTo(dayCtl.get(day.toString()));
      checked++;
    }
    assertThat(checked).as("days from the first ride to the day before D").isEqualTo(20);
    assertThat(ctlAfter.get(d.toString())).as("the chart changes from D").isLessThan(dayCtl.get(d.toString()));
  }

  @Test
  @DisplayName("Moving an entry to an earlier date recomputes from the earlier date; deleting one restores the loads it changed")
  void moveAndDelete() {
    post("ftp", today.minusDays(90), 250);
    JsonObject later = post("ftp", today.minusDays(10), 300);
    UUID ride = ride(today.minusDays(20), 200.0, 170, "Middle");
    assertThat(activity(ride).getDouble("load")).isCloseTo(64.0, within(1e-6));
    var moved = client.put(PATH + "/" + later.getString("id"), new JsonObject().put("validFrom", today.minusDays(25).toString()));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(activity(ride).getDouble("load")).isCloseTo(100.0 * 4 / 9, within(1e-6));
    assertThat(client.delete(PATH + "/" + later.getString("id")).status()).isEqualTo(204);
    assertThat(activity(ride).getDouble("load")).isCloseTo(64.0, within(1e-6));
    assertThat(client.delete(PATH + "/" + later.getString("id")).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("GET lists entries by kind then newest first, with the values in force today; bad input is 422 naming the field")
  void listAndValidation() {
    post("ftp", today.minusDays(100), 250);
    post("ftp", today.minusDays(10), 265);
    post("weight", today.minusDays(5), 71.5);
    JsonObject list = client.get(PATH).json();
    JsonArray entries = list.getJsonArray("entries");
    assertThat(entries).extracting(e -> ((JsonObject) e).getString("kind") + "@" + ((JsonObject) e).getString("validFrom"))
        .containsExactly("ftp@" + today.minusDays(10), "ftp@" + today.minusDays(100), "weight@" + today.minusDays(5));
    assertThat(entries.getJsonObject(0).getString("source")).isEqualTo("athlete");
    assertThat(entries.getJsonObject(0).getString("createdAt")).isNotBlank();
    JsonObject current = list.getJsonObject("current");
    assertThat(current.getInteger("ftp")).isEqualTo(265);
    assertThat(current.getDouble("weight")).isEqualTo(71.5);
    assertThat(current.getValue("maxHr")).isNull();

    String date = today.minusDays(1).toString();
    invalid(new JsonObject().put("kind", "vo2").put("validFrom", date).put("value", 50), "kind", "invalid_value");
    invalid(new JsonObject().put("validFrom", date).put("value", 50), "kind", "required");
    invalid(new JsonObject().put("kind", "ftp").put("validFrom", date).put("value", 601), "value", "out_of_range");
    invalid(new JsonObject().put("kind", "ftp").put("validFrom", date).put("value", 250.5), "value", "invalid_type");
    invalid(new JsonObject().put("kind", "weight").put("validFrom", date).put("value", 19.9), "value", "out_of_range");
    invalid(new JsonObject().put("kind", "threshold_pace").put("validFrom", date).put("value", 901), "value", "out_of_range");
    invalid(new JsonObject().put("kind", "ftp").put("validFrom", date), "value", "required");
    invalid(new JsonObject().put("kind", "ftp").put("validFrom", "2026-02-30").put("value", 250), "validFrom", "invalid_value");
    invalid(new JsonObject().put("kind", "ftp").put("validFrom", "1960-01-01").put("value", 250), "validFrom", "out_of_range");
    invalid(new JsonObject().put("kind", "ftp").put("validFrom", today.plusYears(2).toString()).put("value", 250), "validFrom",
        "out_of_range");
    invalid(new JsonObject().put("kind", "ftp").put("validFrom", date).put("value", 250).put("watts", 1), "watts", "unknown_field");
    var duplicate = client.post(PATH, new JsonObject().put("kind", "ftp").put("validFrom", today.minusDays(10).toString()).put("value", 270));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.errorField()).isEqualTo("validFrom");
    String id = entries.getJsonObject(0).getString("id");
    var badPut = client.put(PATH + "/" + id, new JsonObject().put("value", 20));
    assertThat(badPut.status()).isEqualTo(422);
    assertThat(badPut.errorField()).isEqualTo("value");
    assertThat(client.put(PATH + "/" + id, new JsonObject().putNull("value")).status()).isEqualTo(422);
    var collide = client.put(PATH + "/" + id, new JsonObject().put("validFrom", today.minusDays(100).toString()));
    assertThat(collide.status()).isEqualTo(409);
    assertThat(client.put(PATH + "/not-a-uuid", new JsonObject().put("value", 250)).status()).isEqualTo(404);
    assertThat(client.put(PATH + "/" + UUID.randomUUID(), new JsonObject().put("value", 250)).status()).isEqualTo(404);
    assertThat(TestDatabase.count("SELECT count(*) FROM threshold_history")).as("nothing refused was stored").isEqualTo(3);
    assertThat(client.get(PATH).json().getJsonArray("entries")).isEqualTo(entries);
  }

  private void invalid(JsonObject body, String field, String code) {
    var r = client.post(PATH, body);
    assertThat(r.status()).as(body.encode() + " -> " + r).isEqualTo(422);
    assertThat(r.errorField()).as(body.encode()).isEqualTo(field);
    assertThat(r.errorCode()).as(body.encode()).isEqualTo(code);
  }

  @Test
  @DisplayName("Another account's entry is 404 to edit or delete, and is left as it was")
  void anotherAccountsEntry() {
    JsonObject entry = post("lthr", today.minusDays(3), 170);
    UUID id = UUID.fromString(entry.getString("id"));
    TestDatabase.inSecondAccount("threshold_history", id, () -> {
      assertThat(client.put(PATH + "/" + id, new JsonObject().put("value", 160)).status()).isEqualTo(404);
      assertThat(client.delete(PATH + "/" + id).status()).isEqualTo(404);
      assertThat(client.get(PATH).json().getJsonArray("entries")).isEmpty();
      assertThat(TestDatabase.count("SELECT count(*) FROM threshold_history WHERE id = ? AND value = 170", id)).isEqualTo(1);
    });
  }

  @Test
  @DisplayName("The profile keeps its fields: a number is the entry dated today, null removes the kind, checks use today's values")
  void profileFieldsWriteTheHistory() {
    post("max_hr", today.minusDays(200), 192);
    assertThat(client.get("/api/settings/profile").json().getInteger("maxHr")).isEqualTo(192);
    var put = client.put("/api/settings/profile", new JsonObject().put("maxHr", 195).put("weightKg", 70.5));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(put.json().getInteger("maxHr")).isEqualTo(195);
    assertThat(TestDatabase.count("SELECT count(*) FROM threshold_history WHERE kind = 'max_hr' AND valid_from = ? AND value = 195",
        today)).isEqualTo(1);
    assertThat(TestDatabase.count("SELECT count(*) FROM threshold_history WHERE kind = 'max_hr' AND value = 192")).isEqualTo(1);
    // Resending today's values writes nothing new.
    assertThat(client.put("/api/settings/profile", new JsonObject().put("maxHr", 195).put("goals", "Tour")).status()).isEqualTo(200);
    assertThat(TestDatabase.count("SELECT count(*) FROM threshold_history")).isEqualTo(3);
    // Cross-field checks against the values in force today.
    assertThat(client.put("/api/settings/profile", new JsonObject().put("lthr", 196)).errorField()).isEqualTo("lthr");
    var cleared = client.put("/api/settings/profile", new JsonObject().putNull("maxHr"));
    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.json().getValue("maxHr")).isNull();
    assertThat(TestDatabase.count("SELECT count(*) FROM threshold_history WHERE kind = 'max_hr'")).isZero();
    assertThat(client.get("/api/settings/profile").json().getDouble("weightKg")).isEqualTo(70.5);
  }

  @Test
  @DisplayName("A max HR above the entered one is suggested with its evidence, a lower one is not; accepting adds the entry and recomputes")
  void maxHrSuggestionAccepted() {
    LocalDate day = today.minusDays(2);
    post("max_hr", today.minusDays(300), 190);
    post("resting_hr", today.minusDays(300), 50);
    post("lthr", today.minusDays(300), 170);
    ride(today.minusDays(5), null, 185, "Easy spin");
    assertThat(client.get(PATH + "/suggestions").json().getJsonArray("suggestions")).as("185 is below 190").isEmpty();
    UUID hard = ride(day, null, 196, "Hill repeats");
    double loadBefore = activity(hard).getDouble("load");

    JsonArray suggestions = client.get(PATH + "/suggestions").json().getJsonArray("suggestions");
    assertThat(suggestions).hasSize(1);
    JsonObject s = suggestions.getJsonObject(0);
    assertThat(s.getString("kind")).isEqualTo("max_hr");
    assertThat(s.getDouble("value")).isEqualTo(196.0);
    assertThat(s.getDouble("current")).isEqualTo(190.0);
    assertThat(s.getString("validFrom")).isEqualTo(day.toString());
    assertThat(s.getString("activityId")).isEqualTo(hard.toString());
    assertThat(s.getString("activityName")).isEqualTo("Hill repeats");
    assertThat(s.getString("evidence")).isEqualTo("Max HR 196 bpm on " + day + " in Hill repeats");
    assertThat(TestDatabase.count("SELECT count(*) FROM threshold_history WHERE kind = 'max_hr'")).as("never applied silently")
        .isEqualTo(1);

    var accepted = client.post(PATH + "/suggestions/" + s.getString("id") + "/accept", null);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    JsonObject entry = accepted.json().getJsonObject("entry");
    assertThat(entry.getString("kind")).isEqualTo("max_hr");
    assertThat(entry.getDouble("value")).isEqualTo(196.0);
    assertThat(entry.getString("validFrom")).isEqualTo(day.toString());
    assertThat(entry.getString("source")).isEqualTo("suggestion");
    assertThat(client.get(PATH).json().getJsonObject("current").getInteger("maxHr")).isEqualTo(196);
    assertThat(activity(hard).getDouble("load")).as("heart-rate load recomputed with the new max HR").isNotEqualTo(loadBefore);
    assertThat(client.get(PATH + "/suggestions").json().getJsonArray("suggestions")).isEmpty();
    assertThat(client.post(PATH + "/suggestions/" + s.getString("id") + "/accept", null).status()).isEqualTo(409);
  }

  @Test
  @DisplayName("A dismissed suggestion is hidden and not offered again; a higher one replaces a pending one; another account's is 404")
  void suggestionsDismissedAndReplaced() {
    post("max_hr", today.minusDays(300), 190);
    ride(today.minusDays(4), null, 194, "Tempo");
    JsonObject first = client.get(PATH + "/suggestions").json().getJsonArray("suggestions").getJsonObject(0);
    assertThat(first.getDouble("value")).isEqualTo(194.0);
    ride(today.minusDays(3), null, 192, "Lower");
    assertThat(client.get(PATH + "/suggestions").json().getJsonArray("suggestions")).hasSize(1)
        .extracting(o -> ((JsonObject) o).getDouble("value")).containsExactly(194.0);
    ride(today.minusDays(2), null, 197, "Race");
    JsonArray list = client.get(PATH + "/suggestions").json().getJsonArray("suggestions");
    assertThat(list).hasSize(1);
    JsonObject higher = list.getJsonObject(0);
    assertThat(higher.getDouble("value")).isEqualTo(197.0);
    assertThat(higher.getString("activityName")).isEqualTo("Race");

    UUID id = UUID.fromString(higher.getString("id"));
    TestDatabase.inSecondAccount("threshold_suggestions", id, () -> {
      assertThat(client.post(PATH + "/suggestions/" + id + "/accept", null).status()).isEqualTo(404);
      assertThat(client.post(PATH + "/suggestions/" + id + "/dismiss", null).status()).isEqualTo(404);
    });
    // The row went with the second account: the next change offers the race again, and this time it is dismissed.
    assertThat(client.post("/api/load/recompute", null).status()).isEqualTo(200);
    JsonObject again = client.get(PATH + "/suggestions").json().getJsonArray("suggestions").getJsonObject(0);
    assertThat(client.post(PATH + "/suggestions/" + again.getString("id") + "/dismiss", null).status()).isEqualTo(204);
    assertThat(client.get(PATH + "/suggestions").json().getJsonArray("suggestions")).isEmpty();
    assertThat(client.post("/api/load/recompute", null).status()).isEqualTo(200);
    assertThat(client.get(PATH + "/suggestions").json().getJsonArray("suggestions")).as("not offered again").isEmpty();
    assertThat(TestDatabase.count("SELECT count(*) FROM threshold_history WHERE kind = 'max_hr'")).isEqualTo(1);
  }
}
