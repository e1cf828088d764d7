package fitcoach.testing.llm;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs both fake LLM servers on their own, for the e2e suite, benchmarks and manual work:
 * {@code FakeLlmMain [anthropicPort] [openAiPort] [url-file|-] [token-delay-ms]} (0 or absent = a free port). Prints
 * {@code ANTHROPIC_BASE_URL=…}, {@code ANTHROPIC_API_KEY=…}, {@code OPENAI_BASE_URL=…} and {@code OPENAI_API_KEY=…}
 * lines (also written to the url file, as a .env fragment), then serves until killed.
 *
 * <p>Without a token delay every request gets {@link Reply#cannedAnswer()}. With one (the e2e suite), answers are
 * {@link #MARKDOWN_ANSWER} a few characters per delta, that many milliseconds apart, so a browser sees the text grow
 * and can stop it part way; chat-title requests get a short title at once. A message asking to "plan my week", when
 * the coach offers the propose_plan tool, is answered with a call to it ({@link #PROPOSAL}: three sessions from
 * tomorrow), and the turn after its result with {@link #PROPOSAL_ANSWER}. A message asking for the "longest run",
 * when search_activities is offered, is answered with a lookup of the three longest runs ({@link #LOOKUP_ID}); the
 * turn after its result quotes the first row as the app gave it ({@link #lookupAnswer}), so a browser test can check
 * that the answer carries FitCoach's own numbers. Asked for "every swim ever", it makes the same lookup with absurd
 * arguments, and answers with the error the app sent back.
 */
public final class FakeLlmMain {
  /**
   * Markdown with a heading and a list, plus the hostile bits a model could be tricked into writing: raw HTML with an
   * event handler and a {@code javascript:} link. The UI must render the Markdown and neutralise both.
   */
  public static final String MARKDOWN_ANSWER = String.join("\n",
      "**Train today: an easy aerobic session.**",
      "",
      "Your form is positive, so you have room for steady work.",
      "",
      "## Plan",
      "",
      "- 10 min easy warm-up",
      "- 40 min steady in zone 2",
      "- 10 min cool-down",
      "",
      "Keep tomorrow light if your legs feel heavy. <img src=x onerror=\"window.__pwned=1\">",
      "[Read more](javascript:window.__pwned=2) about recovery.");
  public static final String TITLE = "Easy aerobic day";
  /** What the athlete types to get a proposal in the e2e suite. */
  public static final String PROPOSAL_TRIGGER = "plan my week";
  public static final String PROPOSAL_ANSWER = "Here is a gentle week: two easy sessions and one tempo run. "
      + "The card below shows the loads and your form; add it to your calendar if it suits you.";

  /** What the athlete types to get a lookup in the e2e suite, and the id of the tool call it gets. */
  public static final String LOOKUP_TRIGGER = "longest run";
  public static final String LOOKUP_ID = "toolu_lookup_1";
  static final String LOOKUP_ARGUMENTS = "{\"sport\":\"run\",\"sort\":\"distance\",\"limit\":3}";
  /** What the athlete types to get a lookup with absurd arguments (year 0 to 9999, 5,000 rows), which the app refuses. */
  public static final String BAD_LOOKUP_TRIGGER = "every swim ever";
  static final String BAD_LOOKUP_ARGUMENTS = "{\"sport\":\"swim\",\"from\":\"0000-01-01\",\"to\":\"9999-12-31\",\"limit\":5000}";

  private FakeLlmMain() {
  }

  public static void main(String[] args) throws Exception {
    int anthropicPort = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int openAiPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    long tokenDelayMs = args.length > 3 ? Long.parseLong(args[3]) : 0;
    Vertx vertx = Vertx.vertx();
    FakeAnthropic anthropic = FakeAnthropic.start(vertx, anthropicPort).await(30, TimeUnit.SECONDS);
    FakeOpenAi openAi = FakeOpenAi.start(vertx, openAiPort).await(30, TimeUnit.SECONDS);
    if (tokenDelayMs > 0) {
      Reply answer = Reply.text(pieces(MARKDOWN_ANSWER, 6)).slow(Duration.ofMillis(tokenDelayMs));
      Reply proposed = Reply.text(pieces(PROPOSAL_ANSWER, 6)).slow(Duration.ofMillis(tokenDelayMs));
      java.util.function.Function<RecordedRequest, Reply> reply = request -> isTitleRequest(request) ? Reply.text(TITLE)
          : !request.toolResults().isEmpty() ? lookupResult(request)
              .map(result -> Reply.text(pieces(lookupAnswer(result), 6)).slow(Duration.ofMillis(tokenDelayMs)))
              .orElse(proposed)
          : asksFor(request, BAD_LOOKUP_TRIGGER, "search_activities")
              ? Reply.toolUse(ToolUse.call(LOOKUP_ID, "search_activities", BAD_LOOKUP_ARGUMENTS))
          : asksFor(request, LOOKUP_TRIGGER, "search_activities")
              ? Reply.toolUse(ToolUse.call(LOOKUP_ID, "search_activities", LOOKUP_ARGUMENTS))
          : asksFor(request, PROPOSAL_TRIGGER, "propose_plan")
              ? Reply.toolUse(ToolUse.call("toolu_plan_1", "propose_plan", PROPOSAL.get()))
          : answer;
      anthropic.replyWith(reply::apply);
      openAi.replyWith(reply::apply);
    }
    String env = "ANTHROPIC_BASE_URL=" + anthropic.baseUrl() + "\n"
        + "ANTHROPIC_API_KEY=" + anthropic.apiKey() + "\n"
        + "OPENAI_BASE_URL=" + openAi.baseUrl() + "\n"
        + "OPENAI_API_KEY=" + openAi.apiKey() + "\n";
    System.out.print(env);
    System.out.flush();
    if (args.length > 2 && !"-".equals(args[2])) {
      Files.writeString(Path.of(args[2]), env);
    }
    Thread.currentThread().join();
  }

  /** Three sessions from tomorrow (UTC), as a model would propose them. */
  static final java.util.function.Supplier<String> PROPOSAL = () -> {
    java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
    return new io.vertx.core.json.JsonObject().put("start", tomorrow.toString()).put("days", new io.vertx.core.json.JsonArray()
        .add(day(tomorrow, "Run", 45, 4, "Easy run"))
        .add(day(tomorrow.plusDays(2), "Ride", 90, 5, "Endurance ride"))
        .add(day(tomorrow.plusDays(4), "Run", 50, 7, "Tempo run"))).encode();
  };

  private static io.vertx.core.json.JsonObject day(java.time.LocalDate date, String sport, int minutes, int rpe, String title) {
    return new io.vertx.core.json.JsonObject().put("date", date.toString()).put("sport", sport).put("duration_min", minutes)
        .put("intensity", rpe).put("title", title);
  }

  private static boolean asksFor(RecordedRequest request, String trigger, String tool) {
    String text = request.lastUserText();
    return text != null && text.toLowerCase(java.util.Locale.ROOT).contains(trigger) && request.toolNames().contains(tool);
  }

  private static java.util.Optional<RecordedRequest.SentToolResult> lookupResult(RecordedRequest request) {
    return request.toolResults().stream().filter(r -> LOOKUP_ID.equals(r.toolCallId())).findFirst();
  }

  /**
   * The answer to the lookup: the first row's name, date and distance exactly as search_activities returned them (a
   * model told to quote tool numbers as given), or what went wrong.
   */
  static String lookupAnswer(RecordedRequest.SentToolResult result) {
    if (result.isError()) {
      return "The lookup failed: " + result.content();
    }
    try {
      io.vertx.core.json.JsonObject found = new io.vertx.core.json.JsonObject(result.content());
      io.vertx.core.json.JsonArray columns = found.getJsonArray("columns");
      io.vertx.core.json.JsonArray rows = found.getJsonArray("rows");
      if (rows == null || rows.isEmpty()) {
        return "You have no runs yet.";
      }
      io.vertx.core.json.JsonArray first = rows.getJsonArray(0);
      java.util.function.Function<String, Object> cell = name -> first.getValue(columns.getList().indexOf(name));
      return "Your longest run is **" + cell.apply("name") + "** on " + cell.apply("date") + ": " + cell.apply("distance_km")
          + " km in " + cell.apply("duration") + ".";
    } catch (RuntimeException e) {
      return "The lookup gave nothing I can read.";
    }
  }

  // The app names a chat with a separate short request whose system prompt asks for a title.
  private static boolean isTitleRequest(RecordedRequest request) {
    String system = request.system();
    return system != null && system.startsWith("You name chat conversations");
  }

  private static List<String> pieces(String text, int size) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < text.length(); i += size) {
      pieces.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return pieces;
  }
}
