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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Input tokens of a chat turn before and after the tools, on ten years of demo data, for the four questions.
 * "Before" is the fixed full context (the fake refuses tools, so the app sends its fallback); "after" is the card plus
 * the tool specs, with the scripted lookups a model would make, every round counted in full, and also counted as
 * Anthropic bills it with the cached prefix (system and tools read from the cache after the first round). Then the
 * four questions as one conversation, with Anthropic's token kinds (input, cache write, cache read) and their price
 * ratios. Tokens are estimated as UTF-8 bytes / 4 of the system prompt, tools and messages, the same for both. Not a test (surefire
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
    String parts = "";
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
      if (q == questions.get(0)) {
        parts = String.format("parts: full system %d, card system %d, tool specs %d, message %d%n",
            bytes(fixed.get(fixed.size() - 1).body().getValue("system")) / 4, bytes(rounds.get(0).body().getValue("system")) / 4,
            bytes(rounds.get(0).body().getValue("tools")) / 4, bytes(rounds.get(0).body().getValue("messages")) / 4);
      }
      before += b;
      after += a;
      billed += c;
    }
    report.append(String.format("%-80s %8d %8d %8d%n", "total", before, after, billed)).append(parts);
    report.append(String.format("after vs before: %+.0f %% (every round counted in full), %+.0f %% (cached prefix)%n",
        100.0 * (after - before) / before, 100.0 * (billed - before) / before));

    // The four questions asked one after another in one conversation, billed as Anthropic bills a cached prefix:
    // "before" is the app before the tools, which sent no cache breakpoints (every token is input); "after" reads the
    // tools and system prompt from the cache once a request in the conversation has written them.
    Bill fixedTalk = new Bill();
    Bill toolTalk = new Bill();
    String[] fixedSession = new String[1];
    String[] toolSession = new String[1];
    Set<String> cached = new HashSet<>();
    report.append(String.format("%nOne conversation of the four questions, priced as input-token equivalents "
        + "(input 1, cache write 1.25, cache read 0.1):%n"));
    report.append(String.format("%-80s %8s %8s %8s %8s %8s%n", "question", "before", "input", "write", "read", "after"));
    for (Question q : questions) {
      anthropic.next(Reply.status(400, "invalid_request_error", "tools: this model does not support tools"));
      anthropic.next(Reply.text("Fixed-context answer."));
      List<RecordedRequest> fixed = turn(q.text(), fixedSession[0], fixedSession);
      Bill b = new Bill();
      b.input += tokens(fixed.get(fixed.size() - 1), true);
      q.replies().forEach(anthropic::next);
      List<RecordedRequest> rounds = turn(q.text(), toolSession[0], toolSession);
      Bill a = new Bill();
      rounds.forEach(r -> a.add(r, cached));
      report.append(String.format("%-80s %8d %8d %8d %8d %8.0f%n", q.text(), b.input, a.input, a.write, a.read, a.cost()));
      fixedTalk.plus(b);
      toolTalk.plus(a);
    }
    report.append(String.format("%-80s %8d %8d %8d %8d %8.0f%n", "conversation", fixedTalk.input, toolTalk.input,
        toolTalk.write, toolTalk.read, toolTalk.cost()));
    report.append(String.format("conversation after vs before: input tokens %+.0f %%, priced %+.0f %%%n",
        100.0 * (toolTalk.input - fixedTalk.input) / fixedTalk.input, 100.0 * (toolTalk.cost() - fixedTalk.cost()) / fixedTalk.cost()));
    // Reported, not asserted: loading ten years of demo data recomputes the load on an event loop (see the note).
    List<String> blocked = fitcoach.testing.BlockedThreadDetector.drain();
    report.append("blocked-thread warnings during the run: ").append(blocked.size()).append('\n');
    System.out.print(report);
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "coach-tokens-bench.txt"), report.toString());
  }

  /** One chat turn in a new session; the answer requests it made, in order (the title request left out). */
  private List<RecordedRequest> turn(String message) {
    return turn(message, null, new String[1]);
  }

  /**
   * One chat turn, in the given session (null: a new one, whose id goes into {@code session[0]}); the answer requests
   * it made, in order (the title request left out).
   */
  private List<RecordedRequest> turn(String message, String sessionId, String[] session) {
    int from = completions().size();
    JsonObject body = new JsonObject().put("message", message);
    if (sessionId != null) {
      body.put("sessionId", sessionId);
    }
    try (SseStream s = client.stream("POST", "/api/ai/chat", body, null)) {
      List<SseStream.Event> events = s.rest(WAIT);
      assertThat(last(events, "done").getString("status")).isEqualTo("complete");
      session[0] = events.stream().map(SseStream.Event::json).filter(j -> j != null && j.getString("sessionId") != null)
          .map(j -> j.getString("sessionId")).findFirst().orElse(sessionId);
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

  /**
   * What requests cost, in tokens by kind, as Anthropic counts them: the tools and system prompt up to the system
   * prompt's cache breakpoint are a cache write the first time that exact prefix is sent (at least 1,024 tokens, the
   * smallest prefix Sonnet caches) and a read after that; the messages are input.
   */
  private static final class Bill {
    long input;
    long write;
    long read;

    void add(RecordedRequest r, Set<String> cached) {
      JsonObject body = r.body();
      long messages = bytes(body.getValue("messages")) / 4;
      long prefix = (bytes(body.getValue("system")) + bytes(body.getValue("tools"))) / 4;
      boolean breakpoint = body.getValue("system") instanceof JsonArray system && !system.isEmpty()
          && system.getJsonObject(system.size() - 1).containsKey("cache_control");
      input += messages;
      if (!breakpoint || prefix < 1024) {
        input += prefix;
      } else if (cached.add(String.valueOf(body.getValue("tools")) + body.getValue("system"))) {
        write += prefix;
      } else {
        read += prefix;
      }
    }

    void plus(Bill other) {
      input += other.input;
      write += other.write;
      read += other.read;
    }

    double cost() {
      return input + 1.25 * write + 0.1 * read;
    }
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
