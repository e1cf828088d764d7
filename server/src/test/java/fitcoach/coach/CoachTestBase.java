package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.SseStream;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.FakeOpenAi;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The real app wired to a fake Anthropic (as CLAUDE_API_KEY) and a fake OpenAI-compatible server on loopback. */
abstract class CoachTestBase extends ApiTest {
  static final Duration WAIT = Duration.ofSeconds(15);
  protected Vertx fakes;
  protected FakeAnthropic anthropic;
  protected FakeOpenAi openai;

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    fakes = Vertx.vertx();
    anthropic = await(FakeAnthropic.start(fakes));
    openai = await(FakeOpenAi.start(fakes));
    env.put("ANTHROPIC_BASE_URL", anthropic.baseUrl());
    env.put("CLAUDE_API_KEY", FakeAnthropic.API_KEY);
    env.put("FITCOACH_STREAM_GRACE_MS", "300");
    env.put("FITCOACH_LLM_RETRY_BASE_MS", "10");
    env.put("FITCOACH_LLM_IDLE_TIMEOUT_SECONDS", "2");
    return env;
  }

  @BeforeEach
  void resetFakes() {
    anthropic.reset();
    openai.reset();
    signedIn();
  }

  /**
   * A first complete chat answer asks for the session's title in the background. That request must have reached the
   * fakes before the next test resets and scripts them, or it would take a reply meant for that test.
   */
  @AfterEach
  void titleRequestsSettled() {
    eventually("every chat session with a complete first answer to get its title", () -> TestDatabase.count("""
        SELECT count(*) FROM chat_sessions s WHERE s.title = ? AND (SELECT m.status FROM chat_messages m
          WHERE m.session_id = s.id AND m.role = 'assistant' ORDER BY m.seq LIMIT 1) = 'complete'""",
        ChatRepository.DEFAULT_TITLE) == 0);
  }

  @AfterAll
  void stopFakes() {
    fakes.close();
  }

  /** The completion requests the fake Anthropic received (not model listings). */
  List<fitcoach.testing.llm.RecordedRequest> completions() {
    return anthropic.requests(FakeAnthropic.MESSAGES_PATH);
  }

  static List<String> tokens(List<SseStream.Event> events) {
    return events.stream().filter(e -> e.event().equals("token")).map(e -> e.json().getString("text")).toList();
  }

  static JsonObject last(List<SseStream.Event> events, String name) {
    return events.stream().filter(e -> e.event().equals(name)).reduce((a, b) -> b).orElseThrow(
        () -> new AssertionError("no '" + name + "' event in " + events)).json();
  }

  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static String string(String sql, Object... params) {
    return TestDatabase.query(sql, rs -> rs.next() ? rs.getString(1) : null, params);
  }

  /** An activity from {@code source}, {@code daysAgo} days back, stored through the app's activity store. */
  String activity(String source, String name, int daysAgo, int seconds, double meters, double avgHr) {
    Instant start = Instant.now().minus(java.time.Duration.ofDays(daysAgo));
    return fitcoach.testing.Workouts.store(app, fitcoach.testing.Workouts.copy(fitcoach.activities.ActivitySource.of(source),
        source + "-" + name, "Run", name, start, seconds, meters, avgHr)).toString();
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertStreamHeaders(SseStream s) {
    assertThat(s.status()).isEqualTo(200);
    assertThat(s.header("content-type")).startsWith("text/event-stream");
    assertThat(s.header("cache-control")).isEqualTo("no-cache");
    assertThat(s.header("x-accel-buffering")).isEqualTo("no");
  }
}
