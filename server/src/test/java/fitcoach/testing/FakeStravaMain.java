package fitcoach.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs the fake Strava on its own for the e2e suite, benchmarks and manual work:
 * {@code FakeStravaMain <activities> [url-file|-] [api-delay-ms]}. Prints the base URL and writes it to the url file,
 * then serves until killed. A delay holds back every API answer, so a browser can watch a sync's progress.
 *
 * <p>A process in another language cannot call the fake's Java methods, so one control route stands in for
 * "the athlete just finished a workout": {@code POST /_fake/activities {"name", "sportType"}} stores a new activity
 * that started an hour ago and pushes Strava's {@code create} event to the current webhook subscriber. It answers
 * {@code {"activity": …, "delivered": <status of the callback>}}, or 409 when nobody has subscribed. And
 * {@code GET /_fake/export.zip} hands out the athlete's Strava bulk export of the history ({@link FakeStrava#exportZip}).
 */
public final class FakeStravaMain {
  private FakeStravaMain() {
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long delayMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
    FakeStrava[] self = new FakeStrava[1];
    FakeStrava fake = FakeStrava.start(Vertx.vertx(), router -> {
      router.post("/_fake/activities").handler(ctx -> addAndPush(self[0], ctx));
      router.get("/_fake/export.zip").handler(ctx -> ctx.response().putHeader("Content-Type", "application/zip")
          .end(io.vertx.core.buffer.Buffer.buffer(self[0].exportZip())));
    });
    self[0] = fake;
    fake.history(count, 42).delay(Duration.ofMillis(delayMs));
    fake.rateLimits(1_000_000, 10_000_000);
    System.out.println(fake.baseUrl());
    System.out.flush();
    if (args.length > 1 && !"-".equals(args[1])) {
      Files.writeString(Path.of(args[1]), fake.baseUrl());
    }
    Thread.currentThread().join();
  }

  private static void addAndPush(FakeStrava fake, RoutingContext ctx) {
    JsonObject body = ctx.body().length() > 0 ? ctx.body().asJsonObject() : new JsonObject();
    JsonObject activity = fake.addActivity(Instant.now().minusSeconds(3600), body.getString("sportType", "Ride"));
    long id = activity.getLong("id");
    if (body.getString("name") != null) {
      fake.updateActivity(id, new JsonObject().put("name", body.getString("name")));
      activity.put("name", body.getString("name"));
    }
    fake.pushToSubscriber(fake.activityEvent("create", id)).onComplete(delivered -> {
      if (delivered.succeeded()) {
        ctx.response().putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("activity", activity).put("delivered", delivered.result()).encode());
      } else {
        ctx.response().setStatusCode(409).end(delivered.cause().getMessage());
      }
    });
  }
}
