package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivitySource;
import fitcoach.settings.DataPolicy;
import fitcoach.testing.SseStream;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import fitcoach.testing.llm.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the coach sees, said: the coverage against the dashboard's count, the basis every stored answer keeps, and an
 * answer marked outdated when what it was computed from changed since.
 */
class CoachBasisTest extends CoachTestBase {

  private JsonObject coverage() {
    var response = client.get("/api/ai/coverage");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /** The dashboard's count: the total of the activity list. */
  private long dashboardTotal() {
    return client.get("/api/activities?limit=1").json().getLong("total");
  }

  private void allowStravaApi(boolean allow) {
    JsonObject body = new JsonObject().put("allowStravaApi", allow);
    if (allow) {
      body.put("acknowledgement", DataPolicy.ACKNOWLEDGEMENT);
    }
    var response = client.put("/api/settings/data-policy", body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  private static JsonObject coverage(long activities, long coach, long fileAndExport, long stravaApi, long keptOut,
                                     boolean allowed, boolean muchLess) {
    return new JsonObject().put("activities", activities).put("coachActivities", coach).put("fileAndExport", fileAndExport)
        .put("stravaApi", stravaApi).put("keptOut", keptOut).put("stravaApiAllowed", allowed).put("muchLess", muchLess);
  }

  private static JsonObject basis(long coach, long fileAndExport, long stravaApi, long keptOut, boolean allowed) {
    return new JsonObject().put("coachActivities", coach).put("fileAndExport", fileAndExport).put("stravaApi", stravaApi)
        .put("keptOut", keptOut).put("stravaApiAllowed", allowed);
  }

  /** Asks for an answer and returns its start frame. */
  private JsonObject ask(String path, JsonObject body) {
    anthropic.next(Reply.text("Noted."));
    try (SseStream s = client.stream("POST", path, body, null)) {
      List<SseStream.Event> events = s.rest(WAIT);
      last(events, "done");
      assertThat(events.get(0).event()).isEqualTo("start");
      return events.get(0).json();
    }
  }

  private JsonObject recommendation() {
    return client.get("/api/ai/recommendation").json().getJsonObject("ai");
  }

  private static List<String> reasons(JsonObject answer) {
    return answer.getJsonArray("outdatedReasons").stream().map(String.class::cast).toList();
  }

  private static void assertCurrent(JsonObject answer) {
    assertThat(answer.getBoolean("outdated")).as(answer.encode()).isFalse();
    assertThat(answer.getJsonArray("outdatedReasons")).isEmpty();
  }

  private static void assertOutdated(JsonObject answer, String... why) {
    assertThat(answer.getBoolean("outdated")).as(answer.encode()).isTrue();
    assertThat(reasons(answer)).containsExactly(why);
  }

  @Test
  @DisplayName("With the policy off and only Strava API copies, the coverage says every workout is kept out and the coach sees much less")
  void coverageOnlyStravaApi() {
    activity("strava", "Ride one", 3, 3600, 30_000, 140);
    activity("strava", "Ride two", 2, 3600, 30_000, 140);
    activity("strava", "Ride three", 1, 3600, 30_000, 140);
    assertThat(coverage()).isEqualTo(coverage(3, 0, 0, 0, 3, false, true));
    assertThat(coverage().getLong("activities")).isEqualTo(dashboardTotal());
  }

  @Test
  @DisplayName("With the policy on, Strava API copies count as read through the Strava API and none is kept out")
  void coveragePolicyOn() {
    activity("strava", "Ride one", 3, 3600, 30_000, 140);
    activity("strava", "Ride two", 2, 3600, 30_000, 140);
    activity("file", "Run from my watch", 1, 2400, 8_000, 150);
    assertThat(coverage()).isEqualTo(coverage(3, 1, 1, 0, 2, false, true));

    allowStravaApi(true);
    assertThat(coverage()).isEqualTo(coverage(3, 3, 1, 2, 0, true, false));
    assertThat(coverage().getLong("activities")).isEqualTo(dashboardTotal());
  }

  @Test
  @DisplayName("A Strava copy merged with another copy of the same workout counts once, read from the athlete's own copy, never kept out")
  void coverageMergedCopies() {
    activity("file", "Morning ride (device)", 2, 3600, 30_000, 140);
    activity("strava", "Morning ride", 2, 3600, 30_000, 140);
    // A Strava API copy that leads a manual entry of the same run: the coach reads the entry.
    String strava = activity("strava", "Tempo run", 1, 3600, 10_000, 160);
    String manual = activity("manual", "Typed-in tempo run", 1, 3600, 10_000, 160);
    assertThat(string("SELECT primary_activity_id::text FROM activities WHERE id = '" + manual + "'")).isEqualTo(strava);

    assertThat(dashboardTotal()).isEqualTo(2);
    assertThat(coverage()).isEqualTo(coverage(2, 2, 2, 0, 0, false, false));
    allowStravaApi(true);
    // The Strava copy leading the manual entry is now the one read; the device file still wins its group.
    assertThat(coverage()).isEqualTo(coverage(2, 2, 1, 1, 0, true, false));
  }

  @Test
  @DisplayName("A stored recommendation carries its basis and stays current while nothing it was computed from changed")
  void recommendationCurrent() {
    activity("file", "Run from my watch", 2, 2400, 8_000, 150);
    activity("strava", "Ride", 3, 3600, 30_000, 140);
    JsonObject start = ask("/api/ai/recommendation", null);
    assertThat(start.getJsonObject("basis")).isEqualTo(basis(1, 1, 0, 1, false));

    JsonObject ai = recommendation();
    assertThat(ai.getJsonObject("basis")).isEqualTo(basis(1, 1, 0, 1, false));
    assertCurrent(ai);
    assertThat(string("SELECT basis::text FROM recommendations")).contains("fingerprint");

    // The load engine recomputing unchanged data, and another copy the coach does not read joining the athlete's own
    // workout, change nothing the coach was given.
    assertThat(client.post("/api/load/recompute", null).status()).isLessThan(300);
    activity("strava", "Run", 2, 2400, 8_000, 150);
    assertThat(dashboardTotal()).isEqualTo(2);
    assertCurrent(recommendation());
  }

  @Test
  @DisplayName("With the policy on, a Strava refresh that brings the same data leaves the answer current; one with new numbers outdates it")
  void stravaRefresh() {
    allowStravaApi(true);
    Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String id = Workouts.store(app, ride(start, 30_000.0)).toString();
    JsonObject first = ask("/api/ai/recommendation", null);
    assertThat(first.getJsonObject("basis")).isEqualTo(basis(1, 0, 1, 0, true));
    String updated = string("SELECT updated_at::text FROM activities WHERE id = '" + id + "'");
    String refreshed = string("SELECT refreshed_at::text FROM activities WHERE id = '" + id + "'");

    // Strava confirms the copy as it was: it counts as refreshed, not as changed.
    assertThat(Workouts.store(app, ride(start, 30_000.0)).toString()).isEqualTo(id);
    assertThat(string("SELECT updated_at::text FROM activities WHERE id = '" + id + "'")).isEqualTo(updated);
    assertThat(string("SELECT refreshed_at::text FROM activities WHERE id = '" + id + "'")).isNotEqualTo(refreshed);
    assertCurrent(recommendation());

    Workouts.store(app, ride(start, 31_000.0));
    assertOutdated(recommendation(), "activities_changed");
  }

  private static fitcoach.activities.ActivityInput ride(Instant start, double meters) {
    return Workouts.copy(ActivitySource.STRAVA_API, "4242", "Ride", "Club ride", start, 3600, meters, 140.0);
  }

  @Test
  @DisplayName("A stored recommendation is outdated by a new activity the coach can read, not by one it cannot")
  void outdatedByNewActivity() {
    activity("file", "Run from my watch", 2, 2400, 8_000, 150);
    ask("/api/ai/recommendation", null);
    assertCurrent(recommendation());

    activity("strava", "Strava-only ride", 0, 3600, 30_000, 140);
    assertCurrent(recommendation());

    activity("file", "Evening run", 0, 1800, 5_000, 145);
    JsonObject ai = recommendation();
    assertOutdated(ai, "new_activities");
    // The basis stays what the answer was computed from.
    assertThat(ai.getJsonObject("basis")).isEqualTo(basis(1, 1, 0, 0, false));

    ask("/api/ai/recommendation", null);
    assertCurrent(recommendation());
    assertThat(recommendation().getJsonObject("basis")).isEqualTo(basis(2, 2, 0, 1, false));
  }

  @Test
  @DisplayName("A stored recommendation is outdated when the rule-based verdict beside it changed, even by a workout the coach may not read")
  void outdatedByVerdict() {
    activity("file", "Run from my watch", 20, 2400, 8_000, 150);
    ask("/api/ai/recommendation", null);
    String before = client.get("/api/ai/recommendation").json().getJsonObject("rules").getString("verdict");
    assertCurrent(recommendation());
    assertThat(string("SELECT basis::text FROM recommendations")).contains("\"verdict\": \"" + before + "\"");

    // A long hard Strava-only ride yesterday: the coach may not read it, but the card's verdict moves.
    activity("strava", "Strava-only epic", 1, 6 * 3600, 180_000, 175);
    String after = client.get("/api/ai/recommendation").json().getJsonObject("rules").getString("verdict");
    assertThat(after).isNotEqualTo(before);
    assertOutdated(recommendation(), "verdict_changed");

    ask("/api/ai/recommendation", null);
    assertCurrent(recommendation());
  }

  @Test
  @DisplayName("The model is given the decision card to narrate; an answer whose verdict line contradicts the card is flagged")
  void modelNarratesTheCard() {
    activity("file", "Run from my watch", 2, 2400, 8_000, 150);
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    var put = client.put("/api/wellness/" + today, new JsonObject().put("illness", true));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonObject card = client.get("/api/ai/recommendation").json().getJsonObject("card");
    assertThat(card.getString("verdict")).as("illness: rest, whatever the load says").isEqualTo("rest");

    anthropic.next(Reply.text("**Train**\nA steady hour today."));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      last(s.rest(WAIT), "done");
    }
    String asked = completions().get(completions().size() - 1).lastUserText();
    assertThat(asked).contains("<card>").contains("verdict: Rest day").contains("\"Rest day\"").contains("Illness");
    assertOutdated(recommendation(), "verdict_contradicted");
    assertThat(string("SELECT basis::text FROM recommendations")).contains("\"modelVerdict\": \"train\"");

    anthropic.next(Reply.text("Rest day\nYou flagged illness: rest and recover."));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      last(s.rest(WAIT), "done");
    }
    assertCurrent(recommendation());
  }

  @Test
  @DisplayName("A stored recommendation is outdated when the data policy changes, and current again when it is changed back")
  void outdatedByPolicy() {
    activity("file", "Run from my watch", 2, 2400, 8_000, 150);
    activity("strava", "Strava-only ride", 1, 3600, 30_000, 140);
    ask("/api/ai/recommendation", null);
    assertCurrent(recommendation());

    allowStravaApi(true);
    assertOutdated(recommendation(), "policy_changed");
    allowStravaApi(false);
    assertCurrent(recommendation());

    allowStravaApi(true);
    JsonObject start = ask("/api/ai/recommendation", null);
    assertThat(start.getJsonObject("basis")).isEqualTo(basis(2, 1, 1, 0, true));
    assertCurrent(recommendation());
  }

  @Test
  @DisplayName("A stored recommendation is outdated when an activity it was given is edited or deleted")
  void outdatedByEditAndDelete() {
    String edited = activity("file", "Run from my watch", 2, 2400, 8_000, 150);
    String deleted = activity("file", "Second run", 1, 1800, 5_000, 145);
    ask("/api/ai/recommendation", null);

    var patch = client.send("PATCH", "/api/activities/" + edited, new JsonObject().put("rpe", 7).toString(), "application/json");
    assertThat(patch.status()).as(patch.body()).isEqualTo(200);
    assertOutdated(recommendation(), "activities_changed");

    ask("/api/ai/recommendation", null);
    assertCurrent(recommendation());
    assertThat(client.delete("/api/activities/" + deleted).status()).isLessThan(300);
    assertOutdated(recommendation(), "activities_changed");

    // A new activity and a changed one at once: both reasons, in the contract's order.
    ask("/api/ai/recommendation", null);
    activity("file", "Evening run", 0, 1800, 5_000, 145);
    client.send("PATCH", "/api/activities/" + edited, new JsonObject().put("rpe", 9).toString(), "application/json");
    allowStravaApi(true);
    assertOutdated(recommendation(), "new_activities", "activities_changed", "policy_changed");
  }

  @Test
  @DisplayName("A chat answer says what it was based on, live in its start frame and stored with the message")
  void chatBasis() {
    activity("file", "Run from my watch", 2, 2400, 8_000, 150);
    activity("strava", "Ride", 3, 3600, 30_000, 140);
    activity("strava", "Another ride", 1, 3600, 30_000, 140);
    JsonObject start = ask("/api/ai/chat", new JsonObject().put("message", "How is my week going?"));
    assertThat(start.getJsonObject("basis")).isEqualTo(basis(1, 1, 0, 2, false));

    var messages = client.get("/api/ai/chat/sessions/" + start.getString("sessionId") + "/messages").json().getJsonArray("messages");
    JsonObject answer = messages.getJsonObject(1);
    assertThat(answer.getString("role")).isEqualTo("assistant");
    assertThat(answer.getJsonObject("basis")).isEqualTo(basis(1, 1, 0, 2, false));
    assertThat(messages.getJsonObject(0).getValue("basis")).isNull();
  }

  @Test
  @DisplayName("An answer stored before answers kept their basis is never outdated")
  void storedBeforeBasis() {
    activity("file", "Run from my watch", 2, 2400, 8_000, 150);
    ask("/api/ai/recommendation", null);
    TestDatabase.query("UPDATE recommendations SET basis = NULL", rs -> null);
    activity("file", "Evening run", 0, 1800, 5_000, 145);
    allowStravaApi(true);
    JsonObject ai = recommendation();
    assertThat(ai.getValue("basis")).isNull();
    assertCurrent(ai);
  }

  @Test
  @DisplayName("A past week's report is not outdated by an activity after its Sunday, but is by one within its week")
  void weeklyReportOfPastWeek() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate lastMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    int wednesday = (int) ChronoUnit.DAYS.between(lastMonday.plusDays(2), today);
    activity("file", "Last week's run", wednesday, 2400, 8_000, 150);
    JsonObject start = ask("/api/ai/weekly-report", new JsonObject().put("week", lastMonday.toString()));
    assertThat(start.getJsonObject("basis")).isEqualTo(basis(1, 1, 0, 0, false));

    activity("file", "This week's run", 0, 1800, 5_000, 145);
    JsonObject report = client.get("/api/ai/weekly-reports/" + lastMonday).json();
    assertThat(report.getJsonObject("basis")).isEqualTo(basis(1, 1, 0, 0, false));
    assertCurrent(report);

    activity("file", "Forgotten run last week", wednesday - 1, 1800, 5_000, 145);
    assertOutdated(client.get("/api/ai/weekly-reports/" + lastMonday).json(), "new_activities");
    JsonArray reports = client.get("/api/ai/weekly-reports").json().getJsonArray("reports");
    assertThat(reports).hasSize(1);
    assertOutdated(reports.getJsonObject(0), "new_activities");
  }

  @Test
  @DisplayName("Weekly reports listed together are each judged against their own week")
  void reportsJudgedEach() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate lastMonday = thisMonday.minusWeeks(1);
    activity("file", "Last week's run", (int) ChronoUnit.DAYS.between(lastMonday.plusDays(1), today), 2400, 8_000, 150);
    ask("/api/ai/weekly-report", new JsonObject().put("week", lastMonday.toString()));
    ask("/api/ai/weekly-report", new JsonObject().put("week", thisMonday.toString()));
    activity("file", "Today's run", 0, 1800, 5_000, 145);

    JsonArray reports = client.get("/api/ai/weekly-reports").json().getJsonArray("reports");
    assertThat(reports).hasSize(2);
    assertThat(reports.getJsonObject(0).getString("date")).isEqualTo(thisMonday.toString());
    assertOutdated(reports.getJsonObject(0), "new_activities");
    assertCurrent(reports.getJsonObject(1));
  }

  @Test
  @DisplayName("An activity insight keeps its basis up to its activity's day; an earlier new activity makes it outdated")
  void insightBasis() {
    // Thresholds of the athlete's own, so the insight's load (and its data hash) does not move with estimates from history.
    assertThat(client.put("/api/settings/profile", new JsonObject().put("maxHr", 190).put("restingHr", 50).put("lthr", 170))
        .status()).isEqualTo(200);
    String id = activity("file", "Threshold run", 2, 2400, 8_000, 165);
    JsonObject start = ask("/api/ai/activity-insight", new JsonObject().put("activityId", id));
    assertThat(start.getJsonObject("basis")).isEqualTo(basis(1, 1, 0, 0, false));

    activity("file", "Later run", 0, 1800, 5_000, 145);
    var got = client.get("/api/ai/activity-insight/" + id);
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    JsonObject insight = got.json();
    assertThat(insight.getJsonObject("basis")).isEqualTo(basis(1, 1, 0, 0, false));
    assertCurrent(insight);

    activity("file", "Earlier run", 4, 1800, 5_000, 145);
    assertOutdated(client.get("/api/ai/activity-insight/" + id).json(), "new_activities");
    // Asked again without regenerating, the stored insight is replayed with what it was based on and that it is outdated.
    try (SseStream s = client.stream("POST", "/api/ai/activity-insight", new JsonObject().put("activityId", id), null)) {
      JsonObject replayed = s.rest(WAIT).get(0).json();
      assertThat(replayed.getBoolean("cached")).isTrue();
      assertThat(replayed.getJsonObject("basis")).isEqualTo(basis(1, 1, 0, 0, false));
      assertOutdated(replayed, "new_activities");
    }
  }
}
