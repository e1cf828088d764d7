package fitcoach.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.strava.StravaTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.WorkoutFiles;
import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.Reply;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** FITCOACH_METRICS=true with no token: the real app, fake Strava and Anthropic, /metrics read from loopback. */
class MetricsTest extends StravaTest {
  private io.vertx.core.Vertx llmVertx;
  private FakeAnthropic anthropic;

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    super.environment(env);
    if (anthropic == null) {
      llmVertx = io.vertx.core.Vertx.vertx();
      anthropic = await(FakeAnthropic.start(llmVertx));
    }
    env.put("FITCOACH_METRICS", "true");
    // Small pages: the sync is about counting them, not about Strava's page size.
    env.put("STRAVA_PAGE_SIZE", "20");
    env.put("ANTHROPIC_BASE_URL", anthropic.baseUrl());
    env.put("CLAUDE_API_KEY", FakeAnthropic.API_KEY);
    env.put("FITCOACH_LLM_RETRY_BASE_MS", "10");
    return env;
  }

  @AfterAll
  void stopLlm() {
    if (llmVertx != null) {
      llmVertx.close();
    }
  }

  @Test
  @DisplayName("After requests, two imports, a coach answer and a Strava sync, /metrics shows Vert.x's series and FitCoach's own")
  void seriesAfterRealWork() {
    // Three requests (two pages, then an empty one) against one per window: the sync waits after each.
    fake.history(40, 3);
    fake.rateLimits(1, 1000);
    Scrape before = scrape();
    connect();
    String userId = client.get("/api/auth/me").json().getString("id");
    for (int i = 0; i < 3; i++) {
      assertThat(client.get("/api/health").status()).isEqualTo(200);
    }

    // One good file (a TCX without positions: no time zone map to load), one that cannot be read.
    var upload = client.upload("/api/imports", "files", Map.of(
        "morning-run.tcx", WorkoutFiles.tcx(Instant.now().minus(Duration.ofDays(2)), 1800, 150, "Running"),
        "broken.gpx", "<gpx><trk>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);

    anthropic.next(Reply.text("Train", " today:", " 45 min", " steady.").usage(900, 4));
    try (var stream = client.stream("POST", "/api/ai/recommendation", null, null)) {
      assertThat(stream.rest(Duration.ofSeconds(15))).anySatisfy(e -> assertThat(e.event()).isEqualTo("done"));
    }

    JsonObject sync = awaitSyncFinished().getJsonObject("sync");
    assertThat(sync.getString("state")).isEqualTo("done");
    // The import's files are counted once each is settled; the sync's pages as they are stored.
    Scrape after = eventually(s -> delta(before, s, "fitcoach_imports_files_total") == 2);

    assertThat(delta(before, after, "fitcoach_imports_files_total", "format=\"tcx\"")).isEqualTo(1);
    assertThat(delta(before, after, "fitcoach_imports_files_total", "format=\"gpx\"")).isEqualTo(1);
    assertThat(delta(before, after, "fitcoach_imports_failures_total", "format=\"gpx\"")).isEqualTo(1);
    assertThat(delta(before, after, "fitcoach_imports_failures_total", "format=\"tcx\"")).isZero();
    assertThat(delta(before, after, "fitcoach_strava_pages_total", "job=\"sync\"")).isEqualTo((double) sync.getInteger("pagesFetched"));
    assertThat(delta(before, after, "fitcoach_strava_rate_limit_wait_seconds_count", "job=\"sync\"")).isGreaterThanOrEqualTo(1);

    assertThat(delta(before, after, "fitcoach_llm_calls_total", "provider=\"anthropic\"")).isEqualTo(1);
    assertThat(after.value("fitcoach_llm_calls_total", "provider=\"openai\"")).isZero();
    assertThat(delta(before, after, "fitcoach_llm_tokens_total", "provider=\"anthropic\"", "type=\"input\"")).isEqualTo(900);
    assertThat(delta(before, after, "fitcoach_llm_tokens_total", "provider=\"anthropic\"", "type=\"output\"")).isEqualTo(4);
    assertThat(delta(before, after, "fitcoach_llm_first_token_seconds_count", "provider=\"anthropic\"")).isEqualTo(1);
    // The first token came within the answer's time, so it lies in the 30 s bucket.
    assertThat(delta(before, after, "fitcoach_llm_first_token_seconds_bucket", "provider=\"anthropic\"", "le=\"30.0\""))
        .isEqualTo(1);

    // Vert.x's own: HTTP by route template, the database pool, event loops, the JVM.
    assertThat(delta(before, after, "vertx_http_server_requests_total", "route=\"/api/health\"", "code=\"200\""))
        .isGreaterThanOrEqualTo(3);
    assertThat(after.value("vertx_pool_usage_seconds_count", "pool_type=\"sql\"", "pool_name=\"fitcoach\"")).isPositive();
    assertThat(after.has("netty_eventexecutor_tasks_pending")).isTrue();
    assertThat(after.has("jvm_memory_used_bytes")).isTrue();
    // Labels never carry ids: the athlete's, nor an activity's in a path.
    assertThat(after.text()).doesNotContain(userId);
    String activityId = client.get("/api/activities").json().getJsonArray("items").getJsonObject(0).getString("id");
    assertThat(client.get("/api/activities/" + activityId).status()).isEqualTo(200);
    assertThat(scrape().text()).doesNotContain(activityId).contains("route=\"/api/activities/:id\"");
  }

  @Test
  @DisplayName("A failed LLM call counts as a call and as an error of its kind")
  void llmErrors() {
    signedIn();
    Scrape before = scrape();
    anthropic.next(Reply.unauthorized());
    try (var stream = client.stream("POST", "/api/ai/recommendation", null, null)) {
      stream.rest(Duration.ofSeconds(15));
    }
    Scrape after = eventually(s -> delta(before, s, "fitcoach_llm_errors_total", "provider=\"anthropic\"",
        "kind=\"key_rejected\"") == 1);
    assertThat(delta(before, after, "fitcoach_llm_calls_total", "provider=\"anthropic\"")).isEqualTo(1);
    assertThat(delta(before, after, "fitcoach_llm_first_token_seconds_count", "provider=\"anthropic\"")).isZero();
  }

  @Test
  @DisplayName("Without a token only loopback may read: a forwarded request from an untrusted proxy is refused; other methods get 405")
  void loopbackOnly() {
    var plain = client.get("/metrics");
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.header("Content-Type")).startsWith("text/plain");

    // A proxy on this machine that is not in TRUSTED_PROXIES: its clients are not local.
    for (String header : new String[] {"X-Forwarded-For", "X-Real-IP", "Forwarded"}) {
      var proxied = new TestClient(app.port()).header(header, header.equals("Forwarded") ? "for=203.0.113.9" : "203.0.113.9")
          .get("/metrics");
      assertThat(proxied.status()).as(header).isEqualTo(403);
      assertThat(proxied.errorCode()).isEqualTo("metrics_loopback_only");
      assertThat(proxied.body()).doesNotContain("vertx_");
    }
    var post = new TestClient(app.port()).nonBrowser().post("/metrics", new JsonObject());
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.errorCode()).isEqualTo("method_not_allowed");
  }

  private Scrape scrape() {
    var r = new TestClient(app.port()).get("/metrics");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return new Scrape(r.body());
  }

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    Double a = after.value(name, labels);
    Double b = before.value(name, labels);
    return (a == null ? 0 : a) - (b == null ? 0 : b);
  }

  private Scrape eventually(java.util.function.Predicate<Scrape> done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Scrape s = scrape();
    while (!done.test(s)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("metrics never got there:\n" + s.text().lines().filter(l -> l.startsWith("fitcoach_"))
            .collect(java.util.stream.Collectors.joining("\n")));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      s = scrape();
    }
    return s;
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
