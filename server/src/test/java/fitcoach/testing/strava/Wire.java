package fitcoach.testing.strava;

import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Wire helpers shared by the fake's routes: parameters from query, form or JSON body, and responses. A request the
 * gate marked malformed gets a 200 with its JSON cut in half instead of the real answer.
 */
public final class Wire {
  static final String MALFORMED = "fakestrava.malformed";
  /** Stands for "answer 200 with truncated JSON" among scripted statuses. */
  static final int MALFORMED_STATUS = 0;

  private Wire() {
  }

  /** Query parameters, form fields and top-level JSON fields merged (Strava's docs say "query", clients send forms). */
  public static MultiMap params(RoutingContext ctx) {
    MultiMap params = MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams());
    params.addAll(ctx.request().formAttributes());
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.startsWith("application/json") && ctx.body().length() > 0) {
      try {
        new JsonObject(ctx.body().buffer()).forEach(e -> params.add(e.getKey(), String.valueOf(e.getValue())));
      } catch (DecodeException | ClassCastException e) {
        // Not an object: nothing to merge; validation below reports what is missing.
      }
    }
    return params;
  }

  /**
   * The token from {@code Authorization: Bearer …}. The fake is already as strict as Strava from 2027-06-01: a token in
   * an {@code access_token} parameter is not read, so a client that still sends one fails here.
   */
  public static String accessToken(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    return null;
  }

  public static void json(RoutingContext ctx, int status, Object body) {
    String text = Json.encode(body);
    if (Boolean.TRUE.equals(ctx.get(MALFORMED))) {
      status = 200;
      text = text.substring(0, Math.max(1, text.length() / 2));
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(text);
  }

  public static void html(RoutingContext ctx, int status, String reason) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .end(StravaErrors.html(status, reason));
  }

  public static void noContent(RoutingContext ctx) {
    if (Boolean.TRUE.equals(ctx.get(MALFORMED))) {
      json(ctx, 200, new JsonObject().put("id", 0));
    } else {
      ctx.response().setStatusCode(204).end();
    }
  }
}
