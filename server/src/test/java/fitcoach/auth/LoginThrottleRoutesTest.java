package fitcoach.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle over HTTP. The throttle lives as long as the app, so each test signs in from its own loopback
 * address (Linux routes all of 127.0.0.0/8 to the loopback interface): to the server these are different clients.
 */
class LoginThrottleRoutesTest extends ApiTest {
  private Vertx vertx;

  @BeforeAll
  void startClient() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  void stopClient() {
    vertx.close();
  }

  private static JsonObject guess(int i) {
    return new JsonObject().put("email", EMAIL).put("password", "guess number " + i);
  }

  /** Sends one sign-in from {@code from}, with an optional X-Forwarded-For. */
  private Future<HttpResponse<Buffer>> login(String from, JsonObject body, String forwardedFor) {
    WebClient web = WebClient.create(vertx, new WebClientOptions().setLocalAddress(from));
    var request = web.post(app.port(), "127.0.0.1", "/api/auth/login");
    if (forwardedFor != null) {
      request.putHeader("X-Forwarded-For", forwardedFor);
    }
    return request.sendJsonObject(body).andThen(done -> web.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("After five failed sign-ins in a minute the client gets 429 with Retry-After, even with the right password")
  void throttlesRepeatedFailures() throws Exception {
    signedIn();
    String attacker = "127.0.0.11";
    for (int i = 0; i < 5; i++) {
      assertThat(await(login(attacker, guess(i), null)).statusCode()).as("attempt %d", i + 1).isEqualTo(401);
    }
    var blocked = await(login(attacker, new JsonObject().put("email", EMAIL).put("password", PASSWORD), null));
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("too_many_requests");
    assertThat(Long.parseLong(blocked.getHeader("Retry-After"))).isBetween(1L, 60L);
    assertThat(blocked.cookies()).isEmpty();
    assertThat(await(login("127.0.0.12", new JsonObject().put("email", EMAIL).put("password", PASSWORD), null)).statusCode())
        .as("another client").isEqualTo(200);
  }

  @Test
  @DisplayName("Forty wrong passwords sent at once: exactly five are checked (401) and thirty-five get 429")
  void parallelGuessesAreThrottled() throws Exception {
    signedIn();
    String attacker = "127.0.0.13";
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      answers.add(login(attacker, guess(i), null));
    }
    List<Integer> statuses = new ArrayList<>();
    for (var answer : answers) {
      statuses.add(await(answer).statusCode());
    }
    assertThat(statuses.stream().filter(s -> s == 401).count()).as(statuses.toString()).isEqualTo(5);
    assertThat(statuses.stream().filter(s -> s == 429).count()).as(statuses.toString()).isEqualTo(35);
    var right = await(login(attacker, new JsonObject().put("email", EMAIL).put("password", PASSWORD), null));
    assertThat(right.statusCode()).isEqualTo(429);
  }

  @Test
  @DisplayName("With no trusted proxy, a client cannot shake off the throttle by sending its own X-Forwarded-For")
  void spoofedForwardedForIsIgnored() throws Exception {
    signedIn();
    String attacker = "127.0.0.14";
    for (int i = 0; i < 5; i++) {
      assertThat(await(login(attacker, guess(i), "203.0.113." + (i + 1))).statusCode()).as("attempt %d", i + 1).isEqualTo(401);
    }
    assertThat(await(login(attacker, guess(9), "198.51.100.7")).statusCode()).isEqualTo(429);
  }
}
