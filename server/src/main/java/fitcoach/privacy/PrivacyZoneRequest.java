package fitcoach.privacy;

import fitcoach.app.ApiException;
import fitcoach.app.JsonFields;
import io.vertx.core.json.JsonObject;

/** A zone as the athlete sends it (POST and PUT alike: every field), validated in this one place; 422 names the field. */
record PrivacyZoneRequest(String name, double lat, double lon, int radiusM) {
  static final int MAX_NAME = 80;
  static final int MIN_RADIUS_M = 100;
  static final int MAX_RADIUS_M = 1000;

  static PrivacyZoneRequest from(JsonObject body) {
    JsonFields f = new JsonFields(body, "name", "lat", "lon", "radiusM");
    String name = f.requiredString("name", MAX_NAME).strip();
    Double lat = required(f.optionalDouble("lat", -90, 90), "lat", "the latitude in degrees, -90 to 90");
    Double lon = required(f.optionalDouble("lon", -180, 180), "lon", "the longitude in degrees, -180 to 180");
    Integer radius = f.optionalInt("radiusM", MIN_RADIUS_M, MAX_RADIUS_M);
    if (radius == null) {
      throw ApiException.invalid("radiusM", "required", "'radiusM' is required: the radius in metres, "
          + MIN_RADIUS_M + " to " + MAX_RADIUS_M);
    }
    return new PrivacyZoneRequest(name, lat, lon, radius);
  }

  private static Double required(Double value, String name, String what) {
    if (value == null) {
      throw ApiException.invalid(name, "required", "'" + name + "' is required: " + what);
    }
    return value;
  }
}
