package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivitySource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** planned_workouts and propose_plan over the real app's plan. */
class PlanToolsTest extends ToolTestBase {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private void plan(LocalDate date, String sport, String title, int seconds, JsonObject extra) {
    JsonObject body = new JsonObject().put("date", date.toString()).put("sport", sport).put("title", title)
        .put("durationS", seconds).put("intensity", new JsonObject().put("type", "rpe").put("value", 6));
    var r = client.post("/api/plan/workouts", body.mergeIn(extra));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  @Test
  @DisplayName("planned_workouts lists compact rows with steps as text, completion and events; a Strava-API-only completion shows no numbers unless allowed")
  void plannedWorkouts() {
    store(copy(ActivitySource.STRAVA_API, "zebra", "Run", "Zebra Strava-only", null, null, daysAgo(2), 5400, 31_337.0,
        171.0, null, null));
    plan(TODAY.minusDays(2), "Run", "Tempo", 3600, new JsonObject());
    plan(TODAY.minusDays(1), "Ride", "Skipped ride", 3600, new JsonObject());
    plan(TODAY.plusDays(3), "Ride", "Sweet spot", 4500, new JsonObject().put("steps", new JsonArray()
        .add(new JsonObject().put("type", "warmup").put("durationS", 600))
        .add(new JsonObject().put("type", "repeat").put("count", 3).put("steps", new JsonArray()
            .add(new JsonObject().put("type", "work").put("durationS", 720)
                .put("target", new JsonObject().put("type", "ftp_percent").put("low", 88).put("high", 94)))
            .add(new JsonObject().put("type", "recovery").put("durationS", 300))))));
    var event = client.post("/api/plan/events", new JsonObject().put("date", TODAY.plusDays(10).toString())
        .put("name", "City 10k").put("sport", "Run").put("distanceM", 10_000).put("priority", "A"));
    assertThat(event.status()).as(event.toString()).isEqualTo(201);
    String args = "{\"from\":\"" + TODAY.minusDays(7) + "\",\"to\":\"" + TODAY.plusDays(14) + "\"}";

    JsonObject on = result("planned_workouts", args, true);
    JsonArray rows = on.getJsonArray("workouts");
    assertThat(rows).hasSize(3);
    JsonObject tempo = rows.getJsonObject(0);
    assertThat(tempo.getString("title")).isEqualTo("Tempo");
    assertThat(tempo.getDouble("duration_min")).isEqualTo(60.0);
    assertThat(tempo.getString("intensity")).isEqualTo("RPE 6");
    assertThat(tempo.getDouble("target_load")).isEqualTo(60.0);
    assertThat(tempo.getBoolean("target_load_estimated")).isTrue();
    assertThat(tempo.getJsonObject("done").getString("done")).isEqualTo("yes");
    assertThat(tempo.getJsonObject("done").getDouble("duration_ratio")).isEqualTo(1.5);
    assertThat(rows.getJsonObject(1).getString("done")).isEqualTo("no");
    JsonObject structured = rows.getJsonObject(2);
    assertThat(structured.getString("done")).isEqualTo("not yet");
    assertThat(structured.getString("steps")).contains("88").contains("94");
    assertThat(on.getDouble("planned_load_total")).isEqualTo(60 + 60 + 75.0);
    JsonObject ev = on.getJsonArray("events").getJsonObject(0);
    assertThat(ev.getString("name")).isEqualTo("City 10k");
    assertThat(ev.getDouble("distance_km")).isEqualTo(10.0);
    assertThat(ev.getString("priority")).isEqualTo("A");

    ToolReply off = call("planned_workouts", args, false);
    assertThat(off.error()).isFalse();
    JsonObject hidden = new JsonObject(off.content()).getJsonArray("workouts").getJsonObject(0);
    assertThat(hidden.getString("done")).isEqualTo(PlannedWorkoutsTool.HIDDEN);
    assertThat(off.content()).doesNotContain("duration_ratio").doesNotContain("load_ratio").doesNotContainIgnoringCase("zebra");

    assertThat(call("planned_workouts", "{\"from\":\"" + TODAY + "\",\"to\":\"" + TODAY.plusDays(200) + "\"}", true).error())
        .as("more than 120 days").isTrue();
  }

  @Test
  @DisplayName("propose_plan returns the engine's sessions, weekly totals and projected form, stores nothing, and bad arguments are is_error results")
  void proposePlan() {
    client.post("/api/plan/events", new JsonObject().put("date", TODAY.plusDays(6).toString()).put("name", "Parkrun")
        .put("sport", "Run").put("priority", "C"));
    JsonObject args = new JsonObject().put("start", TODAY.plusDays(1).toString()).put("days", new JsonArray()
        .add(new JsonObject().put("date", TODAY.plusDays(1).toString()).put("sport", "Run").put("duration_min", 60)
            .put("intensity", 6).put("title", "Steady"))
        .add(new JsonObject().put("date", TODAY.plusDays(3).toString()).put("sport", "Ride").put("duration_min", 90)
            .put("intensity", new JsonObject().put("type", "hr_zone").put("value", 2)).put("title", "Endurance")));
    JsonObject out = result("propose_plan", args.encode(), false);
    JsonArray sessions = out.getJsonArray("sessions");
    assertThat(sessions).hasSize(2);
    assertThat(sessions.getJsonArray(0).getDouble(4)).isEqualTo(60.0);
    // Zone 2 for 1.5 h: 100 × 0.70² × 1.5.
    assertThat(sessions.getJsonArray(1).getDouble(4)).isEqualTo(73.5);
    double weekLoads = 0;
    for (Object w : out.getJsonArray("weeks")) {
      weekLoads += ((JsonObject) w).getDouble("load");
    }
    assertThat(weekLoads).isEqualTo(133.5);
    assertThat(out.getJsonObject("last_day").getString("date")).isEqualTo(TODAY.plusDays(3).toString());
    assertThat(out.getString("note")).contains("adds it to the calendar themself");
    // The event is after the last day of the proposal: no projection reaches it.
    assertThat(out.containsKey("event_days")).isFalse();
    long stored = fitcoach.testing.TestDatabase.query("SELECT count(*) FROM planned_workouts", rs -> {
      rs.next();
      return rs.getLong(1);
    });
    assertThat(stored).isZero();

    // The tool's numbers are the route's.
    JsonObject route = client.post("/api/plan/proposals", args).json();
    assertThat(out.getJsonObject("last_day").getDouble("form")).isEqualTo(route.getJsonObject("last").getDouble("form"));

    ToolReply bad = call("propose_plan", new JsonObject().put("start", TODAY.plusDays(1).toString()).put("days",
        new JsonArray().add(new JsonObject().put("date", TODAY.plusDays(1).toString()).put("sport", "Quidditch")
            .put("duration_min", 60).put("intensity", 6).put("title", "x"))).encode(), false);
    assertThat(bad.error()).isTrue();
    assertThat(bad.content()).contains("days[0].sport");
    ToolReply past = call("propose_plan", new JsonObject().put("start", TODAY.minusDays(3).toString()).put("days",
        new JsonArray().add(new JsonObject().put("date", TODAY.toString()).put("sport", "Run")
            .put("duration_min", 60).put("intensity", 6).put("title", "x"))).encode(), false);
    assertThat(past.error()).isTrue();
    assertThat(past.content()).contains("start");
  }

  @Test
  @DisplayName("The largest plans fit in a tool result: 60 proposed sessions with long titles, 120 days of structured workouts")
  void largestAnswersFit() {
    String longTitle = "Very long title ".repeat(12).strip();
    JsonArray days = new JsonArray();
    for (int i = 0; i < 60; i++) {
      days.add(new JsonObject().put("date", TODAY.plusDays(1 + i).toString()).put("sport", "Ride").put("duration_min", 75)
          .put("intensity", 5).put("title", longTitle));
    }
    JsonObject proposal = result("propose_plan", new JsonObject().put("start", TODAY.plusDays(1).toString())
        .put("days", days).encode(), false);
    assertThat(proposal.getJsonArray("sessions")).hasSize(60);
    assertThat(proposal.getJsonArray("weeks").size()).isBetween(9, 10);

    JsonArray batch = new JsonArray();
    JsonArray steps = new JsonArray()
        .add(new JsonObject().put("type", "warmup").put("durationS", 600))
        .add(new JsonObject().put("type", "repeat").put("count", 5).put("steps", new JsonArray()
            .add(new JsonObject().put("type", "work").put("durationS", 240)
                .put("target", new JsonObject().put("type", "ftp_percent").put("low", 105).put("high", 110)))
            .add(new JsonObject().put("type", "recovery").put("durationS", 180))))
        .add(new JsonObject().put("type", "cooldown").put("durationS", 600));
    for (int i = 0; i < 60; i++) {
      batch.add(new JsonObject().put("date", TODAY.plusDays(i * 2).toString()).put("sport", "Ride").put("title", longTitle)
          .put("durationS", 3600).put("steps", steps.copy()));
    }
    assertThat(client.post("/api/plan/workouts/batch", new JsonObject().put("workouts", batch)).status()).isEqualTo(201);
    JsonObject listed = result("planned_workouts", "{\"from\":\"" + TODAY + "\",\"to\":\"" + TODAY.plusDays(119) + "\"}", false);
    assertThat(listed.getJsonArray("workouts")).isNotEmpty();
    assertThat(listed.getString("more")).contains("more workouts after");
  }
}
