package fitcoach.settings;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProfileRoutesTest extends ApiTest {

  @BeforeEach
  void signIn() {
    signedIn();
  }

  @Test
  @DisplayName("A new athlete's profile is empty with metric units and UTC")
  void defaults() {
    JsonObject p = client.get("/api/settings/profile").json();
    assertThat(p.getValue("maxHr")).isNull();
    assertThat(p.getValue("ftpWatts")).isNull();
    assertThat(p.getString("units")).isEqualTo("metric");
    assertThat(p.getString("timeZone")).isEqualTo("UTC");
  }

  @Test
  @DisplayName("PUT sets the fields given, keeps the others, and null clears a field")
  void partialUpdates() {
    var first = client.put("/api/settings/profile", new JsonObject().put("sex", "female").put("birthYear", 1988)
        .put("weightKg", 61.5).put("maxHr", 188).put("restingHr", 48).put("lthr", 170).put("ftpWatts", 245)
        .put("thresholdPaceSPerKm", 245).put("units", "imperial").put("timeZone", "Europe/Berlin").put("goals", "Sub-3 marathon"));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().getDouble("weightKg")).isEqualTo(61.5);

    var second = client.put("/api/settings/profile", new JsonObject().put("ftpWatts", 250).putNull("goals"));
    assertThat(second.status()).isEqualTo(200);
    JsonObject p = client.get("/api/settings/profile").json();
    assertThat(p.getInteger("ftpWatts")).isEqualTo(250);
    assertThat(p.getInteger("maxHr")).isEqualTo(188);
    assertThat(p.getString("timeZone")).isEqualTo("Europe/Berlin");
    assertThat(p.getString("units")).isEqualTo("imperial");
    assertThat(p.getValue("goals")).isNull();
    assertThat(p.getString("updatedAt")).isNotBlank();
  }

  @Test
  @DisplayName("Values outside realistic ranges are refused with 422 naming the field, and the stored profile is unchanged")
  void ranges() {
    client.put("/api/settings/profile", new JsonObject().put("maxHr", 190).put("ftpWatts", 250));
    assertField(new JsonObject().put("maxHr", 99), "maxHr", "out_of_range");
    assertField(new JsonObject().put("maxHr", 231), "maxHr", "out_of_range");
    assertField(new JsonObject().put("restingHr", 24), "restingHr", "out_of_range");
    assertField(new JsonObject().put("restingHr", 121), "restingHr", "out_of_range");
    assertField(new JsonObject().put("ftpWatts", 49), "ftpWatts", "out_of_range");
    assertField(new JsonObject().put("ftpWatts", 601), "ftpWatts", "out_of_range");
    assertField(new JsonObject().put("ftpWatts", 250.5), "ftpWatts", "invalid_type");
    assertField(new JsonObject().put("ftpWatts", "250"), "ftpWatts", "invalid_type");
    assertField(new JsonObject().put("sex", "robot"), "sex", "invalid_value");
    assertField(new JsonObject().put("units", "furlongs"), "units", "invalid_value");
    assertField(new JsonObject().put("timeZone", "Mars/Olympus"), "timeZone", "invalid_value");
    assertField(new JsonObject().putNull("timeZone"), "timeZone", "required");
    assertField(new JsonObject().put("goals", "x".repeat(1001)), "goals", "too_long");
    assertField(new JsonObject().put("restingHr", 195), "restingHr", "out_of_range");
    assertField(new JsonObject().put("lthr", 200), "lthr", "out_of_range");
    assertField(new JsonObject().put("favouriteColour", "blue"), "favouriteColour", "unknown_field");

    JsonObject p = client.get("/api/settings/profile").json();
    assertThat(p.getInteger("maxHr")).isEqualTo(190);
    assertThat(p.getInteger("ftpWatts")).isEqualTo(250);
  }

  @Test
  @DisplayName("Whole numbers written as 180.0 are accepted for integer fields")
  void integralDoubles() {
    var r = client.put("/api/settings/profile", new JsonObject().put("maxHr", 180.0));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getInteger("maxHr")).isEqualTo(180);
  }

  private void assertField(JsonObject body, String field, String code) {
    var r = client.put("/api/settings/profile", body);
    assertThat(r.status()).as(body.encode() + " -> " + r).isEqualTo(422);
    assertThat(r.errorField()).isEqualTo(field);
    assertThat(r.errorCode()).isEqualTo(code);
  }
}
