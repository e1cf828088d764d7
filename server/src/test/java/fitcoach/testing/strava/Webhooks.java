package fitcoach.testing.strava;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Strava's side of webhooks (B.12): the one push subscription per application, the validation GET it makes before
 * creating one (2 s to echo {@code hub.challenge} as JSON), and event POSTs (2 s each, up to three attempts).
 */
public final class Webhooks {
  public static final long FIRST_SUBSCRIPTION_ID = 120475;
  private static final long TIMEOUT_MS = 2000;
  private static final int ATTEMPTS = 3;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Why a create was refused: the {@code code} of the 400 body. */
  public static final class Refused extends RuntimeException {
    public Refused(String code) {
      super(code, null, false, false);
    }
  }

  public record Subscription(long id, String callbackUrl, Instant createdAt) {
    public JsonObject toJson(String applicationId) {
      String at = ActivityFactory.UTC.format(createdAt);
      return new JsonObject().put("id", id).put("resource_state", 2).put("application_id", Long.parseLong(applicationId))
          .put("callback_url", callbackUrl).put("created_at", at).put("updated_at", at);
    }
  }

  private final WebClient client;
  private final Clock clock;
  private Subscription current;
  private long nextId = FIRST_SUBSCRIPTION_ID;

  public Webhooks(Vertx vertx, Clock clock) {
    this.client = WebClient.create(vertx);
    this.clock = clock;
  }

  public synchronized Optional<Subscription> current() {
    return Optional.ofNullable(current);
  }

  /** Validates the callback, then creates the subscription; fails with {@link Refused}. */
  public Future<Subscription> create(String callbackUrl, String verifyToken) {
    if (current().isPresent()) {
      return Future.failedFuture(new Refused("already exists"));
    }
    String challenge = HexFormat.of().formatHex(randomBytes());
    Future<HttpResponse<Buffer>> validation;
    try {
      validation = client.getAbs(callbackUrl).timeout(TIMEOUT_MS)
          .addQueryParam("hub.mode", "subscribe")
          .addQueryParam("hub.challenge", challenge)
          .addQueryParam("hub.verify_token", verifyToken)
          .send();
    } catch (RuntimeException badUrl) {
      return Future.failedFuture(new Refused("not verifiable"));
    }
    return validation.recover(err -> Future.failedFuture(new Refused("not verifiable"))).compose(response -> {
      if (!echoes(response, challenge)) {
        return Future.failedFuture(new Refused("not verifiable"));
      }
      synchronized (this) {
        if (current != null) {
          return Future.failedFuture(new Refused("already exists"));
        }
        current = new Subscription(nextId++, callbackUrl, clock.instant());
        return Future.succeededFuture(current);
      }
    });
  }

  public synchronized boolean delete(long id) {
    if (current == null || current.id() != id) {
      return false;
    }
    current = null;
    return true;
  }

  /** POSTs the event as Strava does; the status of the last attempt, or -1 if it got no answer in time. */
  public Future<Integer> deliver(String callbackUrl, JsonObject event) {
    return attempt(callbackUrl, event, 1);
  }

  public void close() {
    client.close();
  }

  private Future<Integer> attempt(String callbackUrl, JsonObject event, int attempt) {
    Future<Integer> status;
    try {
      status = client.postAbs(callbackUrl).timeout(TIMEOUT_MS).sendJsonObject(event)
          .map(HttpResponse::statusCode).otherwise(-1);
    } catch (RuntimeException badUrl) {
      status = Future.succeededFuture(-1);
    }
    return status.compose(code -> code == 200 || attempt >= ATTEMPTS
        ? Future.succeededFuture(code) : attempt(callbackUrl, event, attempt + 1));
  }

  private static boolean echoes(HttpResponse<Buffer> response, String challenge) {
    String type = response.getHeader("Content-Type");
    if (response.statusCode() != 200 || type == null || !type.toLowerCase().startsWith("application/json")) {
      return false;
    }
    try {
      return challenge.equals(response.bodyAsJsonObject().getString("hub.challenge"));
    } catch (RuntimeException notJson) {
      return false;
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
