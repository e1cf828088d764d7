package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.llm.Reply;
import fitcoach.testing.llm.ToolUse;
import fitcoach.testing.llm.RecordedRequest;
import fitcoach.testing.SseStream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The coach and the plan: the daily card, the weekly report and a proposal in a chat turn. */
class CoachPlanTest extends CoachTestBase {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private void plan(LocalDate date, String title, int minutes, int rpe) {
    var r = client.post("/api/plan/workouts", new JsonObject().put("date", date.toString()).put("sport", "Run")
        .put("title", title).put("durationS", minutes * 60).put("intensity", new JsonObject().put("type", "rpe").put("value", rpe)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  @Test
  @DisplayName("On a rest day with a hard session planned, the card suggests swapping or moving it, and the model is told the same")
  void swapOnARedDay() {
    activity("file", "Run from my watch", 2, 2400, 8_000, 150);
    plan(TODAY, "Track intervals", 60, 8);
    plan(TODAY, "Mobility", 20, 2);
    JsonObject before = client.get("/api/ai/recommendation").json().getJsonObject("card").getJsonObject("plan");
    assertThat(before.getJsonArray("today")).hasSize(2);
    assertThat(before.getString("suggestion")).as("no wellness: the load verdict").isIn("as planned", "swap");

    var put = client.put("/api/wellness/" + TODAY, new JsonObject().put("illness", true));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonObject card = client.get("/api/ai/recommendation").json().getJsonObject("card");
    assertThat(card.getString("verdict")).isEqualTo("rest");
    JsonObject plan = card.getJsonObject("plan");
    assertThat(plan.getString("suggestion")).isEqualTo("swap");
    assertThat(plan.getString("text")).contains("Track intervals").contains("later day").doesNotContain("Mobility");
    JsonObject hard = plan.getJsonArray("today").getJsonObject(0);
    assertThat(hard.getString("title")).isEqualTo("Track intervals");
    assertThat(hard.getBoolean("hard")).isTrue();
    assertThat(hard.getDouble("targetLoad")).isEqualTo(80.0);
    assertThat(hard.getInteger("durationS")).isEqualTo(3600);
    assertThat(plan.getJsonArray("today").getJsonObject(1).getBoolean("hard")).isFalse();

    anthropic.next(Reply.text("Rest day\nSwap the intervals."));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      last(s.rest(WAIT), "done");
    }
    String asked = completions().get(completions().size() - 1).lastUserText();
    assertThat(asked).contains("planned today:").contains("- Track intervals (Run, 60 min, load 80.0, hard)")
        .contains("plan: swap — " + plan.getString("text"));
  }

  @Test
  @DisplayName("The weekly report is told next week's planned workouts and their planned load")
  void weeklyReportReadsNextWeek() {
    LocalDate monday = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    activity("file", "Week run", 0, 3600, 10_000, 150);
    plan(monday.plusDays(8), "Tempo Tuesday", 50, 7);
    plan(monday.plusDays(13), "Long run", 120, 4);
    plan(monday.plusDays(15), "Beyond next week", 30, 3);
    anthropic.next(Reply.text("Solid week."));
    try (SseStream s = client.stream("POST", "/api/ai/weekly-report", new JsonObject(), null)) {
      last(s.rest(WAIT), "done");
    }
    String asked = completions().get(completions().size() - 1).lastUserText();
    // RPE 7 × 50 min ÷ 6 = 58.3, RPE 4 × 120 ÷ 6 = 80.
    assertThat(asked).contains("Planned for next week (" + monday.plusDays(7) + " to " + monday.plusDays(13) + ")")
        .contains(monday.plusDays(8) + " Run: Tempo Tuesday, 50 min, load 58.3, hard")
        .contains("Long run, 120 min, load 80.0").contains("Planned load next week: 138.3 in 2 sessions.")
        .doesNotContain("Beyond next week");
  }

  @Test
  @DisplayName("A chat turn where the model calls propose_plan gets the engine's loads, weekly totals and form, and nothing is stored")
  void proposeInChat() {
    activity("file", "Run from my watch", 2, 2400, 8_000, 150);
    client.post("/api/load/recompute", null);
    JsonObject args = new JsonObject().put("start", TODAY.plusDays(1).toString()).put("days", new JsonArray()
        .add(new JsonObject().put("date", TODAY.plusDays(1).toString()).put("sport", "Run").put("duration_min", 45)
            .put("intensity", 5).put("title", "Easy run"))
        .add(new JsonObject().put("date", TODAY.plusDays(2).toString()).put("sport", "Ride").put("duration_min", 90)
            .put("intensity", new JsonObject().put("type", "hr_zone").put("value", 2)).put("title", "Endurance ride")));
    int before = completions().size();
    anthropic.next(Reply.toolUse(ToolUse.call("toolu_p", "propose_plan", args.encode())));
    anthropic.next(Reply.text("Here is a plan."));
    try (SseStream s = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", "Plan my next days"), null)) {
      last(s.rest(WAIT), "done");
    }
    List<RecordedRequest> requests = completions().subList(before, completions().size()).stream()
        .filter(r -> !r.rawBody().contains("You name chat conversations")).toList();
    RecordedRequest.SentToolResult result = requests.get(1).toolResults().get(0);
    JsonObject tool = new JsonObject(result.content());
    // The route's numbers for the same draft are the ones the model read.
    JsonObject card = client.post("/api/plan/proposals", args).json();
    JsonArray sessions = tool.getJsonArray("sessions");
    assertThat(sessions.getJsonArray(0).getDouble(4)).isEqualTo(37.5).isEqualTo(card.getJsonArray("sessions").getJsonObject(0).getDouble("targetLoad"));
    assertThat(sessions.getJsonArray(1).getDouble(4)).isEqualTo(73.5);
    assertThat(tool.getJsonObject("last_day").getDouble("form")).isEqualTo(card.getJsonObject("last").getDouble("form"));
    assertThat(tool.getJsonObject("last_day").getDouble("fitness")).isEqualTo(card.getJsonObject("last").getDouble("fitness"));
    assertThat(tool.getString("note")).contains("you cannot write the calendar");
    assertThat(requests.get(0).system()).contains("propose_plan").contains("planned_workouts");
    assertThat(client.get("/api/plan/workouts?from=" + TODAY + "&to=" + TODAY.plusDays(7)).json().getJsonArray("workouts"))
        .isEmpty();
  }
}
