package fitcoach.testing.strava;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The one athlete: SummaryAthlete (B.3), the detailed form with {@code profile:read_all} (B.11), and zones. */
public final class Athlete {
  private Athlete() {
  }

  public static JsonObject summary(long id) {
    return new JsonObject()
        .put("id", id).put("username", "marianne_t").put("resource_state", 2)
        .put("firstname", "Marianne").put("lastname", "T").put("bio", null)
        .put("city", "Berlin").put("state", "Berlin").put("country", "Germany").put("sex", "F")
        .put("premium", true).put("summit", true)
        .put("created_at", "2017-11-14T02:30:05Z").put("updated_at", "2018-02-06T19:32:20Z")
        .put("badge_type_id", 1).put("weight", 61.5)
        .put("profile_medium", "https://dgalywyr863hv.cloudfront.net/pictures/athletes/134815/medium.jpg")
        .put("profile", "https://dgalywyr863hv.cloudfront.net/pictures/athletes/134815/large.jpg")
        .put("friend", null).put("follower", null);
  }

  public static JsonObject detailed(long id) {
    return summary(id).put("resource_state", 3)
        .put("follower_count", 5).put("friend_count", 5).put("measurement_preference", "meters")
        .put("date_preference", "%m/%d/%Y").put("athlete_type", 1).put("ftp", 250)
        .put("clubs", new JsonArray())
        .put("bikes", new JsonArray()
            .add(gear("b9876543", true, "Canyon Ultimate CF SL", 10_234_567.0))
            .add(gear("b9876544", false, "Canyon Spectral", 1_234_567.0)))
        .put("shoes", new JsonArray().add(gear("g14862053", true, "Saucony Endorphin Speed 3", 812_345.0)));
  }

  public static JsonObject zones() {
    return new JsonObject()
        .put("heart_rate", new JsonObject().put("custom_zones", false)
            .put("zones", zones(0, 123, 153, 169, 184)))
        .put("power", new JsonObject().put("zones", zones(0, 138, 188, 225, 263, 300, 375)));
  }

  private static JsonArray zones(int... lowerBounds) {
    JsonArray zones = new JsonArray();
    for (int i = 0; i < lowerBounds.length; i++) {
      int max = i + 1 < lowerBounds.length ? lowerBounds[i + 1] : -1;
      zones.add(new JsonObject().put("min", lowerBounds[i]).put("max", max));
    }
    return zones;
  }

  private static JsonObject gear(String id, boolean primary, String name, double distance) {
    return new JsonObject().put("id", id).put("primary", primary).put("name", name).put("resource_state", 2)
        .put("distance", distance);
  }
}
