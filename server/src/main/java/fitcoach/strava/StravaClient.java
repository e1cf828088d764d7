package fitcoach.strava;

import fitcoach.app.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;

/**
 * Strava's OAuth and API v3 over the Vert.x web client. Every response feeds the {@link RateLimiter}; every failure
 * becomes a {@link StravaException} saying what to do next. Tokens are parameters, never logged.
 */
public final class StravaClient {
  private static final long TIMEOUT_MS = 30_000;
  private final WebClient web;
  private final AppConfig config;
  private final RateLimiter limiter;
  private final String oauthBase;
  private final java.time.Clock clock;

  public record Tokens(String accessToken, String refreshToken, Instant expiresAt, JsonObject athlete) {
    @Override
    public String toString() {
      return "Tokens[expiresAt=" + expiresAt + "]";
    }
  }

  /** {@code clock} picks the API host: Strava moves it on a set date (see {@link AppConfig.StravaApiHost}). */
  public StravaClient(Vertx vertx, AppConfig config, RateLimiter limiter, java.time.Clock clock) {
    this.web = WebClient.create(vertx, new WebClientOptions().setUserAgent("FitCoach").setConnectTimeout(10_000));
    this.config = config;
    this.limiter = limiter;
    this.oauthBase = config.stravaBaseUrl() + "/oauth";
    this.clock = clock;
  }

  private String api(String path) {
    return config.strava().api().at(clock.instant()) + path;
  }

  public String authorizeUrl(String state, String redirectUri) {
    return oauthBase + "/authorize?client_id=" + enc(config.stravaClientId().orElse("")) + "&redirect_uri=" + enc(redirectUri)
        + "&response_type=code&approval_prompt=auto&scope=" + enc("read,activity:read_all,profile:read_all")
        + "&state=" + enc(state);
  }

  public Future<Tokens> exchangeCode(String code) {
    return token(MultiMap.caseInsensitiveMultiMap().add("grant_type", "authorization_code").add("code", code));
  }

  public Future<Tokens> refresh(String refreshToken) {
    return token(MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token").add("refresh_token", refreshToken));
  }

  /**
   * Revokes FitCoach's access for the athlete ({@code POST /oauth/revoke}, the only way from 2027-06-01): the app's
   * credentials in HTTP Basic, the token in the body; revoking the refresh token revokes its access tokens too. A token
   * Strava no longer knows counts as revoked.
   */
  public Future<Void> revoke(String refreshToken) {
    return web.postAbs(oauthBase + "/revoke").basicAuthentication(config.stravaClientId().orElse(""),
            config.stravaClientSecret().orElse("")).timeout(TIMEOUT_MS)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("token", refreshToken).add("token_type_hint", "refresh_token"))
        .recover(StravaClient::unreachable)
        .compose(r -> r.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new StravaException(StravaException.Kind.FAILED, r.statusCode(),
                "Strava refused the revocation (" + errorText(r) + ")", null)));
  }

  /** One page of the athlete's activities (newest first); {@code after}/{@code before} are epoch seconds or null. */
  public Future<JsonArray> activities(String accessToken, Long after, Long before, int page, int perPage) {
    HttpRequest<Buffer> req = web.getAbs(api("/athlete/activities")).bearerTokenAuthentication(accessToken)
        .addQueryParam("page", Integer.toString(page)).addQueryParam("per_page", Integer.toString(perPage));
    if (after != null) {
      req.addQueryParam("after", Long.toString(after));
    }
    if (before != null) {
      req.addQueryParam("before", Long.toString(before));
    }
    return resource(req).map(body -> {
      Object json = io.vertx.core.json.Json.decodeValue(body);
      if (json instanceof JsonArray array) {
        return array;
      }
      throw new StravaException(StravaException.Kind.TRANSIENT, 200, "Strava sent an activity page that is not a list", null);
    });
  }

  /** The authenticated athlete; a cheap way to ask Strava whether an access token still works. */
  public Future<JsonObject> athlete(String accessToken) {
    return resource(web.getAbs(api("/athlete")).bearerTokenAuthentication(accessToken)).map(StravaClient::object);
  }

  public Future<JsonObject> activity(String accessToken, long id) {
    return resource(web.getAbs(api("/activities/" + id)).bearerTokenAuthentication(accessToken)).map(StravaClient::object);
  }

  public Future<JsonObject> streams(String accessToken, long id) {
    return resource(web.getAbs(api("/activities/" + id + "/streams")).bearerTokenAuthentication(accessToken)
        .addQueryParam("keys", "time,distance,latlng,altitude,velocity_smooth,heartrate,cadence,watts,moving")
        .addQueryParam("key_by_type", "true")).map(StravaClient::object);
  }

  public Future<Long> createSubscription(String callbackUrl, String verifyToken) {
    return web.postAbs(api("/push_subscriptions")).timeout(TIMEOUT_MS)
        .sendForm(credentials().add("callback_url", callbackUrl).add("verify_token", verifyToken))
        .recover(StravaClient::unreachable)
        .compose(r -> r.statusCode() / 100 == 2
            ? Future.succeededFuture(object(r.bodyAsBuffer()).getLong("id"))
            : Future.failedFuture(new StravaException(StravaException.Kind.FAILED, r.statusCode(),
                "Strava did not create the subscription: " + errorText(r), null)));
  }

  public Future<JsonArray> subscriptions() {
    return web.getAbs(api("/push_subscriptions")).timeout(TIMEOUT_MS)
        .addQueryParam("client_id", config.stravaClientId().orElse(""))
        .addQueryParam("client_secret", config.stravaClientSecret().orElse(""))
        .send().recover(StravaClient::unreachable)
        .compose(r -> r.statusCode() / 100 == 2 ? Future.succeededFuture(r.bodyAsJsonArray())
            : Future.failedFuture(new StravaException(StravaException.Kind.FAILED, r.statusCode(), errorText(r), null)));
  }

  public Future<Void> deleteSubscription(long id) {
    return web.deleteAbs(api("/push_subscriptions/" + id)).timeout(TIMEOUT_MS)
        .addQueryParam("client_id", config.stravaClientId().orElse(""))
        .addQueryParam("client_secret", config.stravaClientSecret().orElse(""))
        .send().recover(StravaClient::unreachable)
        .compose(r -> r.statusCode() / 100 == 2 || r.statusCode() == 404 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new StravaException(StravaException.Kind.FAILED, r.statusCode(), errorText(r), null)));
  }

  private Future<Tokens> token(MultiMap form) {
    return web.postAbs(oauthBase + "/token").timeout(TIMEOUT_MS)
        .sendForm(credentials().addAll(form))
        .recover(StravaClient::unreachable)
        .compose(r -> {
          if (r.statusCode() / 100 == 2) {
            JsonObject body = object(r.bodyAsBuffer());
            String access = body.getString("access_token");
            String refresh = body.getString("refresh_token");
            Long expiresAt = body.getLong("expires_at");
            if (access == null || refresh == null || expiresAt == null) {
              return Future.failedFuture(new StravaException(StravaException.Kind.TRANSIENT, r.statusCode(),
                  "Strava's token answer is missing fields", null));
            }
            return Future.succeededFuture(new Tokens(access, refresh, Instant.ofEpochSecond(expiresAt), body.getJsonObject("athlete")));
          }
          if (r.statusCode() == 400 || r.statusCode() == 401) {
            return Future.failedFuture(new StravaException(StravaException.Kind.REAUTHORIZE, r.statusCode(),
                "Strava refused the authorisation (" + errorText(r) + "); connect Strava again", null));
          }
          return Future.failedFuture(classify(r));
        });
  }

  private Future<Buffer> resource(HttpRequest<Buffer> request) {
    return request.timeout(TIMEOUT_MS).send().recover(StravaClient::unreachable).compose(r -> {
      limiter.update(r.headers());
      if (r.statusCode() / 100 == 2) {
        return Future.succeededFuture(r.bodyAsBuffer() == null ? Buffer.buffer("null") : r.bodyAsBuffer());
      }
      return Future.failedFuture(classify(r));
    });
  }

  private StravaException classify(HttpResponse<Buffer> r) {
    int status = r.statusCode();
    if (status == 429) {
      return new StravaException(StravaException.Kind.RATE_LIMITED, status, "Strava's rate limit is reached", limiter.rejected());
    }
    if (status == 401) {
      String text = errorText(r);
      boolean missingScope = text.contains("permission") || text.contains("missing");
      return new StravaException(missingScope ? StravaException.Kind.REAUTHORIZE : StravaException.Kind.UNAUTHORIZED, status,
          missingScope ? "Strava needs more permissions: connect Strava again and allow access to all activities"
              : "Strava did not accept the access token", null);
    }
    if (status == 404) {
      return new StravaException(StravaException.Kind.NOT_FOUND, status, "Strava does not know this object", null);
    }
    if (status >= 500) {
      return new StravaException(StravaException.Kind.TRANSIENT, status, "Strava had an error (" + status + ")", null);
    }
    return new StravaException(StravaException.Kind.FAILED, status, "Strava answered " + status + ": " + errorText(r), null);
  }

  private MultiMap credentials() {
    return MultiMap.caseInsensitiveMultiMap()
        .add("client_id", config.stravaClientId().orElse(""))
        .add("client_secret", config.stravaClientSecret().orElse(""));
  }

  private static <T> Future<T> unreachable(Throwable err) {
    return Future.failedFuture(new StravaException(StravaException.Kind.TRANSIENT, 0,
        "Strava did not answer (" + err.getClass().getSimpleName() + ")", null));
  }

  static JsonObject object(Buffer body) {
    try {
      Object json = io.vertx.core.json.Json.decodeValue(body);
      if (json instanceof JsonObject o) {
        return o;
      }
    } catch (RuntimeException e) {
      // fall through
    }
    throw new StravaException(StravaException.Kind.TRANSIENT, 200, "Strava sent an unreadable answer", null);
  }

  /** Strava's error message and codes, for logs and the athlete; never includes request secrets. */
  private static String errorText(HttpResponse<Buffer> r) {
    try {
      JsonObject body = r.bodyAsJsonObject();
      if (body == null) {
        return "HTTP " + r.statusCode();
      }
      StringBuilder sb = new StringBuilder(String.valueOf(body.getString("message", "HTTP " + r.statusCode())));
      JsonArray errors = body.getJsonArray("errors");
      if (errors != null) {
        for (Object e : errors) {
          if (e instanceof JsonObject err) {
            sb.append("; ").append(err.getString("resource")).append(' ').append(err.getString("field")).append(' ')
                .append(err.getString("code"));
          }
        }
      }
      return sb.toString();
    } catch (RuntimeException e) {
      return "HTTP " + r.statusCode();
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
