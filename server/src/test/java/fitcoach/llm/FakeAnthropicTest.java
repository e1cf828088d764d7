package fitcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Checks the fake Anthropic's validation and response headers (protocols.md A.6, A.10) with a plain JDK client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeAnthropicTest {
  private static final HttpClient JDK = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String BODY = """
      {"model":"claude-sonnet-5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"Hi"}]}""";
  private Vertx vertx;
  private FakeAnthropic fake;

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    fake = FakeAnthropic.start(vertx).await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  void stop() throws Exception {
    fake.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void resetFake() {
    fake.reset();
  }

  @Test
  @DisplayName("A stream answers 200 with the event-stream type, a request id, rate-limit headers and the A.4 event order")
  void streamHeadersAndOrder() throws Exception {
    HttpResponse<String> response = post(headers(), BODY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains("text/event-stream; charset=utf-8");
    assertThat(response.headers().firstValue("request-id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    assertThat(response.headers().firstValue("anthropic-ratelimit-requests-remaining")).isPresent();
    assertThat(response.body().lines().filter(line -> line.startsWith("event: ")).distinct().toList()).containsExactly(
        "event: message_start", "event: content_block_start", "event: ping", "event: content_block_delta",
        "event: content_block_stop", "event: message_delta", "event: message_stop");
  }

  @Test
  @DisplayName("Requests without a key or with a wrong key get 401 authentication_error")
  void authentication() throws Exception {
    Map<String, String> noKey = headers();
    noKey.remove("x-api-key");
    Map<String, String> wrongKey = headers();
    wrongKey.put("x-api-key", "sk-ant-nope");

    assertError(post(noKey, BODY), 401, "authentication_error");
    assertError(post(wrongKey, BODY), 401, "authentication_error");
  }

  @Test
  @DisplayName("Missing anthropic-version, model, max_tokens or messages, or a system role, get 400 invalid_request_error")
  void validation() throws Exception {
    Map<String, String> noVersion = headers();
    noVersion.remove("anthropic-version");
    JsonObject body = new JsonObject(BODY);

    assertError(post(noVersion, BODY), 400, "invalid_request_error");
    assertError(post(headers(), body.copy().put("model", (String) null).encode()), 400, "invalid_request_error");
    assertError(post(headers(), without(body, "max_tokens")), 400, "invalid_request_error");
    assertError(post(headers(), without(body, "messages")), 400, "invalid_request_error");
    assertError(post(headers(), BODY.replace("\"user\"", "\"system\"")), 400, "invalid_request_error");
    assertError(post(headers(), "not json"), 400, "invalid_request_error");
    assertThat(fake.requests(FakeAnthropic.MESSAGES_PATH)).hasSize(6);
  }

  @Test
  @DisplayName("An unknown model gets 404 not_found_error naming the model")
  void unknownModel() throws Exception {
    HttpResponse<String> response = post(headers(), BODY.replace("claude-sonnet-5", "claude-2.1"));

    assertError(response, 404, "not_found_error");
    assertThat(new JsonObject(response.body()).getJsonObject("error").getString("message")).isEqualTo("model: claude-2.1");
  }

  @Test
  @DisplayName("A scripted 429 carries retry-after, retry-after-ms and x-should-retry with the JSON error shape")
  void rateLimitedShape() throws Exception {
    fake.next(Reply.rateLimited().retryAfterMillis(250));

    HttpResponse<String> response = post(headers(), BODY);

    assertError(response, 429, "rate_limit_error");
    assertThat(response.headers().firstValue("retry-after")).contains("1");
    assertThat(response.headers().firstValue("retry-after-ms")).contains("250");
    assertThat(response.headers().firstValue("x-should-retry")).contains("true");
    assertThat(new JsonObject(response.body()).getString("request_id"))
        .isEqualTo(response.headers().firstValue("request-id").orElseThrow());
  }

  @Test
  @DisplayName("A scripted 413 answers an HTML page, not JSON")
  void tooLargeIsHtml() throws Exception {
    fake.next(Reply.tooLargeHtml());

    HttpResponse<String> response = post(headers(), BODY);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("content-type")).contains("text/html");
    assertThat(response.body()).startsWith("<html>").contains("413 Request Entity Too Large");
  }

  @Test
  @DisplayName("replyWith computes the answer from the recorded request")
  void computedReply() throws Exception {
    fake.replyWith(request -> Reply.text("You said: ", request.lastUserText()));

    HttpResponse<String> response = post(headers(), BODY);

    assertThat(response.body()).contains("\"text\":\"You said: \"").contains("\"text\":\"Hi\"");
  }

  private HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + FakeAnthropic.MESSAGES_PATH))
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return JDK.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-api-key", FakeAnthropic.API_KEY);
    headers.put("anthropic-version", "2023-06-01");
    headers.put("content-type", "application/json");
    return headers;
  }

  private static String without(JsonObject body, String field) {
    JsonObject copy = body.copy();
    copy.remove(field);
    return copy.encode();
  }

  private static void assertError(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("type")).isEqualTo("error");
    assertThat(body.getJsonObject("error").getString("type")).isEqualTo(type);
    assertThat(body.getJsonObject("error").getString("message")).isNotBlank();
  }
}
