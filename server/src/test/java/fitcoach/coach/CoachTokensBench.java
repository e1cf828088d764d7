package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.SseStream;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.llm.RecordedRequest;
import fitcoach.testing.llm.Reply;
import fitcoach.testing.llm.ToolUse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Input tokens of a chat turn before and after the tools, on ten years of demo data, for the four questions.
 * "Before" is the fixed full context (the fake refuses tools, so the app sends its fallback); "after" is the card plus
 * the tool specs, with the scripted lookups a model would make, every round counted in full, and also counted as
 * Anthropic bills it with the cached prefix (system and tools read from the cache after the first round). Tokens are
 * estimated as UTF-8 bytes / 4 of the system prompt, tools and messages, the same for both. Not a test (surefire
 * skips it by name): {@code bench/coach-tools.sh} runs it. Writes {@code server/target/coach-tokens-bench.txt}.
 */
class CoachTokensBench extends CoachTestBase {

  private record Question(String text, List<Reply> replies) {
  }

  @Test
  void tokensPerTurn() throws Exception {
    var demo = client.post("/api/demo", new JsonObject().put("years", 10));
    assertThat(demo.status()).as(demo.toString()).isLessThan(300);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate tuesday = today.minusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
    String run = TestDatabase.query("SELECT id::text FROM activities WHERE local_date BETWEEN ? AND ? AND sport_family = 'run' "
        + "ORDER BY local_date DESC LIMIT 1", rs -> rs.next() ? rs.getString(1) : null, tuesday.minusDays(3), tuesday);
    assertThat(run).as("a run near " + tuesday).isNotNull();
    LocalDate thisNov = LocalDate.of(today.getMonthValue() >= 11 ? today.getYear() : today.getYear() - 1, 11, 1);
    JsonArray plan = new JsonArray();
    for (int d = 1; d <= 31; d++) {
      plan.add(new JsonObject().put("date", today.plusDays(d).toString()).put("load", d <= 21 ? 86 : 40));
    }
    List<Question> questions = List.of(
        new Question("What was my best 10k ever?", List.of(
            Reply.toolUse(ToolUse.call("t1", "performance_curve", new JsonObject().put("metric", "pace").put("sport", "run")
                .put("from", today.minusYears(10).toString()).encode())),
            Reply.text("Your best 10k is in the list above."))),
        new Question("How does this November compare with last November?", List.of(
            Reply.toolUse(ToolUse.call("t2", "compare_periods", new JsonObject()
                .put("a_from", thisNov.minusYears(1).toString()).put("a_to", thisNov.minusYears(1).plusDays(29).toString())
                .put("b_from", thisNov.toString()).put("b_to", thisNov.plusDays(29).toString()).encode())),
            Reply.text("This November you trained more."))),
        new Question("What was my heart rate on Tuesday's run three weeks ago?", List.of(
            Reply.toolUse(ToolUse.call("t3", "search_activities", new JsonObject().put("from", tuesday.minusDays(3).toString())
                .put("to", tuesday.toString()).put("sport", "run").encode())),
            Reply.toolUse(ToolUse.call("t4", "get_activity", new JsonObject().put("id", run).encode())),
            Reply.text("Your average heart rate was as shown."))),
        new Question("If I do three 600-load weeks and taper 10 days, what is my form on race day?", List.of(
            Reply.toolUse(ToolUse.call("t5", "project_form", new JsonObject().put("days", plan).encode())),
            Reply.text("On race day your form would be as projected."))));

    StringBuilder report = new StringBuilder("Input tokens per chat turn (UTF-8 bytes / 4), ten years of demo data\n");
    report.append(String.format("%-80s %8s %8s %8s %7s%n", "question", "before", "after", "billed", "rounds"));
    long before = 0;
    long after = 0;
    long billed = 0;
    for (Question q : questions) {
      anthropic.next(Reply.status(400, "invalid_request_error", "tools: this model does not support tools"));
      anthropic.next(Reply.text("Fixed-context answer."));
      List<RecordedRequest> fixed = turn(q.text());
      long b = tokens(fixed.get(fixed.size() - 1), true);

      q.replies().forEach(anthropic::next);
      List<RecordedRequest> rounds = turn(q.text());
      long a = 0;
      long c = 0;
      for (int i = 0; i < rounds.size(); i++) {
        a += tokens(rounds.get(i), true);
        c += tokens(rounds.get(i), i == 0);
      }
      assertThat(rounds).hasSize(q.replies().size());
      for (RecordedRequest r : rounds.subList(1, rounds.size())) {
        assertThat(r.toolResults()).allMatch(t -> !t.isError(), "tool results without errors");
      }
      report.append(String.format("%-80s %8d %8d %8d %7d%n", q.text(), b, a, c, rounds.size() - 1));
      before += b;
      after += a;
      billed += c;
    }
    report.append(String.format("%-80s %8d %8d %8d%n", "total", before, after, billed));
    report.append(String.format("after vs before: %+.0f %% (every round counted in full), %+.0f %% (cached prefix)%n",
        100.0 * (after - before) / before, 100.0 * (billed - before) / before));
    // Reported, not asserted: loading ten years of demo data recomputes the load on an event loop (see the note).
    List<String> blocked = fitcoach.testing.BlockedThreadDetector.drain();
    report.append("blocked-thread warnings during the run: ").append(blocked.size()).append('\n');
    System.out.print(report);
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "coach-tokens-bench.txt"), report.toString());
  }

  /** One chat turn in a new session; the answer requests it made, in order (the title request left out). */
  private List<RecordedRequest> turn(String message) {
    int from = completions().size();
    try (SseStream s = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", message), null)) {
      assertThat(last(s.rest(WAIT), "done").getString("status")).isEqualTo("complete");
    }
    titleRequestsSettled();
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : completions().subList(from, completions().size())) {
      if (!r.rawBody().contains("You name chat conversations")) {
        out.add(r);
      }
    }
    return out;
  }

  /** The request's prompt in tokens; without {@code prefix}, only the messages (the cached system and tools left out). */
  private static long tokens(RecordedRequest r, boolean prefix) {
    JsonObject body = r.body();
    long bytes = bytes(body.getValue("messages"));
    if (prefix) {
      bytes += bytes(body.getValue("system")) + bytes(body.getValue("tools"));
    }
    return bytes / 4;
  }

  private static long bytes(Object json) {
    if (json == null) {
      return 0;
    }
    String text = json instanceof JsonArray a ? a.encode() : json instanceof JsonObject o ? o.encode() : json.toString();
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
