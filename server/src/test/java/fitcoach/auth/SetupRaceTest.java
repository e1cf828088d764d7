package fitcoach.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SetupRaceTest extends ApiTest {

  @Test
  @DisplayName("Twenty concurrent setup requests create exactly one account; the other nineteen get 409")
  void concurrentSetupsYieldOneAccount(Vertx vertx, VertxTestContext ctx) throws Exception {
    WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(app.port()));
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    Checkpoint answered = ctx.checkpoint(20);
    for (int i = 0; i < 20; i++) {
      JsonObject body = new JsonObject().put("email", "racer" + i + "@example.com").put("password", "a long enough password");
      web.post("/api/auth/setup").sendJsonObject(body).onComplete(ctx.succeeding(r -> {
        statuses.add(r.statusCode());
        answered.flag();
      }));
    }
    assertThat(ctx.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
    if (ctx.failed()) {
      throw new AssertionError(ctx.causeOfFailure());
    }
    assertThat(statuses).hasSize(20);
    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(19);
    assertThat(TestDatabase.count("SELECT count(*) FROM users")).isEqualTo(1L);
  }
}
