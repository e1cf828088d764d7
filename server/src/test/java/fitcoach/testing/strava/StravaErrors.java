package fitcoach.testing.strava;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Strava's error bodies exactly as documented (protocols.md B.4, B.6, B.12): a Fault with one error. */
public final class StravaErrors {
  private StravaErrors() {
  }

  public static JsonObject fault(String message, String resource, String field, String code) {
    return new JsonObject().put("message", message)
        .put("errors", new JsonArray().add(new JsonObject().put("resource", resource).put("field", field).put("code", code)));
  }

  public static JsonObject badRequest(String resource, String field, String code) {
    return fault("Bad Request", resource, field, code);
  }

  /** 401 for an unknown, expired or revoked access token. */
  public static JsonObject invalidToken() {
    return fault("Authorization Error", "Athlete", "access_token", "invalid");
  }

  /** 401 when the token lacks a scope, e.g. {@code activity:read_permission}. */
  public static JsonObject missingPermission(String field) {
    return fault("Authorization Error", "AccessToken", field, "missing");
  }

  public static JsonObject notFound(String resource) {
    return fault("Resource Not Found", resource, "id", "invalid");
  }

  public static JsonObject rateLimited() {
    return fault("Rate Limit Exceeded", "Application", "rate limit", "exceeded");
  }

  /** What a proxy in front of Strava answers on 5xx: HTML, not JSON. */
  public static String html(int status, String reason) {
    return "<!DOCTYPE html>\n<html><head><title>" + status + " " + reason + "</title></head>\n"
        + "<body><h1>" + reason + "</h1><p>Strava is temporarily unavailable. Please try again later.</p></body></html>\n";
  }
}
