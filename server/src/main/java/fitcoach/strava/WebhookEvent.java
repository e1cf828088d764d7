package fitcoach.strava;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * A Strava webhook event as FitCoach keeps it (protocols.md B.12): only the documented fields, so a stored event stays
 * small whatever was posted. Strava signs nothing, so an event is a hint the worker confirms with the API, never an order.
 */
record WebhookEvent(long subscriptionId, long ownerId, String objectType, long objectId, String aspectType, long eventTime,
                    JsonObject updates) {
  /** Strava's events are under 1 KB; a body larger than this is refused (413) before it is parsed. */
  static final int MAX_BYTES = 4096;
  /** Events stored in any 60 s; beyond, 429 (Strava retries, up to three attempts in all). */
  static final int PER_MINUTE = 120;
  /** Events waiting to be confirmed; beyond, 429, so a flood cannot queue work without end. */
  static final int MAX_PENDING = 1000;
  /** Failed confirmations (5xx, timeouts, refused tokens) before an event is given up; waiting for the rate limit is free. */
  static final int MAX_ATTEMPTS = 5;
  /** Processed events (and ones never processed, counted from their arrival) are deleted after this many days. */
  static final int KEEP_DAYS = 30;

  private static final Set<String> OBJECT_TYPES = Set.of("activity", "athlete");
  private static final Set<String> ASPECT_TYPES = Set.of("create", "update", "delete");
  // The keys Strava documents in "updates"; each value is a short string ("true"/"false" for private and authorized).
  private static final Set<String> UPDATE_KEYS = Set.of("title", "type", "private", "authorized");
  private static final int MAX_UPDATE_CHARS = 255;

  /** The event, or empty when the payload is not shaped like one of Strava's. */
  static Optional<WebhookEvent> from(JsonObject payload) {
    Long subscription = number(payload, "subscription_id");
    Long owner = number(payload, "owner_id");
    Long object = number(payload, "object_id");
    Long time = number(payload, "event_time");
    String objectType = payload.getValue("object_type") instanceof String s ? s : null;
    String aspectType = payload.getValue("aspect_type") instanceof String s ? s : null;
    // Set.of(...).contains(null) throws, so a missing type is checked first.
    if (subscription == null || owner == null || object == null || time == null || objectType == null || aspectType == null
        || !OBJECT_TYPES.contains(objectType) || !ASPECT_TYPES.contains(aspectType)) {
      return Optional.empty();
    }
    JsonObject updates = new JsonObject();
    if (payload.getValue("updates") instanceof JsonObject given) {
      for (String key : UPDATE_KEYS) {
        Object value = given.getValue(key);
        if ((value instanceof String || value instanceof Boolean) && String.valueOf(value).length() <= MAX_UPDATE_CHARS) {
          updates.put(key, String.valueOf(value));
        }
      }
    }
    return Optional.of(new WebhookEvent(subscription, owner, objectType, object, aspectType, time, updates));
  }

  /** The athlete revoked FitCoach's access on Strava (or someone says so). */
  boolean deauthorization() {
    return "athlete".equals(objectType) && "false".equals(updates.getString("authorized"));
  }

  JsonObject toJson() {
    return new JsonObject().put("aspect_type", aspectType).put("event_time", eventTime).put("object_id", objectId)
        .put("object_type", objectType).put("owner_id", ownerId).put("subscription_id", subscriptionId)
        .put("updates", updates.copy());
  }

  private static Long number(JsonObject payload, String key) {
    // Ids are whole numbers; 1.5 or 1e300 is not an id.
    return payload.getValue(key) instanceof Number n && (n instanceof Long || n instanceof Integer) ? n.longValue() : null;
  }
}
