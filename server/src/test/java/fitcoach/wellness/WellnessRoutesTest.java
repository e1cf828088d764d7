package fitcoach.wellness;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Wellness entries over HTTP: read a range, partial PUT, DELETE, validation, ownership. */
class WellnessRoutesTest extends ApiTest {
  private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(3);

  private TestClient.Response put(LocalDate day, JsonObject body) {
    return client.put("/api/wellness/" + day, body);
  }

  private JsonArray days(LocalDate from, LocalDate to) {
    var r = client.get("/api/wellness?from=" + from + "&to=" + to);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.jsonArray("days");
  }

  private static long stored() {
    return TestDatabase.count("SELECT count(*) FROM wellness");
  }

  private static JsonObject full() {
    return new JsonObject().put("sleepHours", 7.5).put("sleepQuality", 4).put("soreness", 2).put("stress", 3)
        .put("motivation", 5).put("hrvRmssd", 62.4).put("restingHr", 48).put("weightKg", 71.25).put("note", "  Slept well  ")
        .put("illness", false).put("injury", false);
  }

  @Test
  @DisplayName("A full entry is stored with every value, its source and time, and read back over a range")
  void putAndRead() {
    signedIn();
    var r = put(DAY, full());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject e = r.json();
    assertThat(e.getString("date")).isEqualTo(DAY.toString());
    assertThat(e.getDouble("sleepHours")).isEqualTo(7.5);
    assertThat(e.getInteger("sleepQuality")).isEqualTo(4);
    assertThat(e.getInteger("soreness")).isEqualTo(2);
    assertThat(e.getInteger("stress")).isEqualTo(3);
    assertThat(e.getInteger("motivation")).isEqualTo(5);
    assertThat(e.getDouble("hrvRmssd")).isEqualTo(62.4);
    assertThat(e.getDouble("restingHr")).isEqualTo(48.0);
    assertThat(e.getDouble("weightKg")).isEqualTo(71.25);
    assertThat(e.getString("note")).isEqualTo("Slept well");
    assertThat(e.getBoolean("illness")).isFalse();
    assertThat(e.getBoolean("injury")).isFalse();
    assertThat(e.getString("source")).isEqualTo("manual");
    assertThat(e.getString("updatedAt")).isNotBlank();

    JsonArray days = days(DAY.minusDays(10), DAY.plusDays(1));
    assertThat(days).hasSize(1);
    assertThat(days.getJsonObject(0)).isEqualTo(e);
    assertThat(days(DAY.plusDays(1), DAY.plusDays(2))).isEmpty();
    assertThat(days(DAY, DAY)).hasSize(1);
  }

  @Test
  @DisplayName("A PUT changes only the fields it sends: absent keeps, null clears, and a day left with nothing is deleted (204)")
  void partialUpdates() {
    signedIn();
    assertThat(put(DAY, new JsonObject().put("hrvRmssd", 60)).status()).isEqualTo(200);
    var second = put(DAY, new JsonObject().put("sleepHours", 8).put("illness", true));
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().getDouble("hrvRmssd")).isEqualTo(60.0);
    assertThat(second.json().getDouble("sleepHours")).isEqualTo(8.0);
    assertThat(second.json().getBoolean("illness")).isTrue();

    var cleared = put(DAY, new JsonObject().putNull("hrvRmssd"));
    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.json().getValue("hrvRmssd")).isNull();
    assertThat(cleared.json().getDouble("sleepHours")).isEqualTo(8.0);
    assertThat(cleared.json().getBoolean("illness")).isTrue();
    // false is a value (not ill), null is none.
    assertThat(put(DAY, new JsonObject().putNull("sleepHours").put("illness", false)).json().getBoolean("illness")).isFalse();
    assertThat(stored()).isEqualTo(1);

    var emptied = put(DAY, new JsonObject().putNull("illness"));
    assertThat(emptied.status()).isEqualTo(204);
    assertThat(stored()).isZero();
    assertThat(days(DAY, DAY)).isEmpty();
    // Clearing a day that has nothing stores nothing either.
    assertThat(put(DAY, new JsonObject().putNull("note")).status()).isEqualTo(204);
    assertThat(stored()).isZero();
  }

  @Test
  @DisplayName("Every value is checked against its range, type and length; the 422 names the field and nothing is stored")
  void validation() {
    signedIn();
    Object[][] refused = {
        {"sleepHours", -0.1}, {"sleepHours", 24.01}, {"sleepQuality", 0}, {"sleepQuality", 6}, {"soreness", 0},
        {"soreness", 6}, {"stress", 0}, {"stress", 6}, {"motivation", 0}, {"motivation", 6}, {"hrvRmssd", 4.9},
        {"hrvRmssd", 300.1}, {"restingHr", 24.9}, {"restingHr", 120.5}, {"weightKg", 19.9}, {"weightKg", 350.1},
        {"sleepQuality", 3.5}, {"sleepHours", "7.5"}, {"hrvRmssd", true}, {"illness", "yes"}, {"injury", 1},
        {"note", 42}, {"note", "x".repeat(WellnessField.MAX_NOTE + 1)}, {"note", "a\u0000b"}, {"stress", new JsonArray()},
        {"motivation", 2147483648L}};
    for (Object[] c : refused) {
      String field = (String) c[0];
      var r = put(DAY, new JsonObject().put("sleepHours", 7).put(field, c[1]));
      assertThat(r.status()).as(field + "=" + c[1] + " → " + r).isEqualTo(422);
      assertThat(r.errorField()).as(field + "=" + c[1]).isEqualTo(field);
    }
    Object[][] accepted = {
        {"sleepHours", 0}, {"sleepHours", 24}, {"sleepQuality", 1}, {"sleepQuality", 5}, {"hrvRmssd", 5}, {"hrvRmssd", 300},
        {"restingHr", 25}, {"restingHr", 120}, {"weightKg", 20}, {"weightKg", 350}, {"note", "x".repeat(WellnessField.MAX_NOTE)},
        {"motivation", 3.0}};
    for (Object[] c : accepted) {
      assertThat(stored()).isZero();
      var r = put(DAY, new JsonObject().put((String) c[0], c[1]));
      assertThat(r.status()).as(c[0] + "=" + c[1] + " → " + r).isEqualTo(200);
      assertThat(client.delete("/api/wellness/" + DAY).status()).isEqualTo(204);
    }
    var unknown = put(DAY, new JsonObject().put("sleepHours", 7).put("hrv", 50));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.errorField()).isEqualTo("hrv");
    assertThat(put(DAY, new JsonObject()).errorCode()).isEqualTo("no_fields");
    assertThat(client.send("PUT", "/api/wellness/" + DAY, "{\"sleepHours\":", "application/json").status()).isEqualTo(400);
    assertThat(client.send("PUT", "/api/wellness/" + DAY, "[1]", "application/json").status()).isEqualTo(400);
    assertThat(stored()).isZero();
  }

  @Test
  @DisplayName("Dates must be real and inside 1970 to a year ahead, ranges in order and at most 1096 days; else 422 naming the parameter")
  void dates() {
    signedIn();
    for (String bad : new String[] {"0000-01-01", "9999-12-31", "1969-12-31", "2026-02-30", "x", "2026-1-5", "+999999999-12-31"}) {
      var r = client.put("/api/wellness/" + bad, new JsonObject().put("sleepHours", 7));
      assertThat(r.status()).as(bad + " → " + r).isEqualTo(422);
      assertThat(r.errorField()).isEqualTo("date");
      assertThat(client.delete("/api/wellness/" + bad).status()).as(bad).isEqualTo(422);
    }
    assertThat(stored()).isZero();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(client.get("/api/wellness?from=" + today).errorField()).isEqualTo("to");
    assertThat(client.get("/api/wellness?to=" + today).errorField()).isEqualTo("from");
    assertThat(client.get("/api/wellness?from=0000-01-01&to=" + today).errorField()).isEqualTo("from");
    assertThat(client.get("/api/wellness?from=" + today + "&to=9999-12-31").errorField()).isEqualTo("to");
    var reversed = client.get("/api/wellness?from=" + today + "&to=" + today.minusDays(1));
    assertThat(reversed.status()).isEqualTo(422);
    assertThat(reversed.errorField()).isEqualTo("from");
    var huge = client.get("/api/wellness?from=1970-01-01&to=" + today);
    assertThat(huge.status()).isEqualTo(422);
    assertThat(huge.errorCode()).isEqualTo("range_too_long");
    assertThat(client.get("/api/wellness?from=" + today.minusDays(WellnessService.MAX_RANGE_DAYS) + "&to=" + today).status())
        .isEqualTo(422);
    assertThat(client.get("/api/wellness?from=" + today.minusDays(WellnessService.MAX_RANGE_DAYS - 1) + "&to=" + today).status())
        .isEqualTo(200);
    assertThat(client.get("/api/wellness?from=a%00b&to=" + today).status()).isEqualTo(400);
    assertThat(client.get("/api/wellness?from=2026-13-01&to=" + today).errorField()).isEqualTo("from");
  }

  @Test
  @DisplayName("DELETE removes the day (204); a day with no entry is 404 and other days stay")
  void delete() {
    signedIn();
    put(DAY, full());
    put(DAY.minusDays(1), new JsonObject().put("restingHr", 50));
    assertThat(client.delete("/api/wellness/" + DAY).status()).isEqualTo(204);
    var again = client.delete("/api/wellness/" + DAY);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorCode()).isEqualTo("not_found");
    assertThat(days(DAY.minusDays(5), DAY)).hasSize(1);
  }

  @Test
  @DisplayName("Another athlete's entries are invisible: not listed, not changed by a PUT, not deleted; deleting a user deletes theirs")
  void ownership() {
    signedIn();
    TestDatabase.query("DROP INDEX users_single_account", rs -> null);
    try {
      UUID other = TestDatabase.query("INSERT INTO users (email, password_hash) VALUES ('second@example.com', 'x') RETURNING id",
          rs -> {
            rs.next();
            return (UUID) rs.getObject(1);
          });
      TestDatabase.query("INSERT INTO wellness (user_id, day, hrv_rmssd, note, source) VALUES (?, ?, 99, 'theirs', 'manual')",
          rs -> null, other, DAY);
      assertThat(days(DAY.minusDays(1), DAY.plusDays(1))).isEmpty();
      assertThat(client.delete("/api/wellness/" + DAY).status()).isEqualTo(404);
      var mine = put(DAY, new JsonObject().put("sleepHours", 6));
      assertThat(mine.json().getValue("hrvRmssd")).isNull();
      assertThat(mine.json().getValue("note")).isNull();
      assertThat(days(DAY, DAY)).hasSize(1);
      assertThat(TestDatabase.count("SELECT count(*) FROM wellness WHERE user_id = ? AND hrv_rmssd = 99 AND note = 'theirs' "
          + "AND sleep_hours IS NULL", other)).isEqualTo(1);
      assertThat(client.delete("/api/wellness/" + DAY).status()).isEqualTo(204);
      assertThat(TestDatabase.count("SELECT count(*) FROM wellness WHERE user_id = ?", other)).isEqualTo(1);
      TestDatabase.query("DELETE FROM users WHERE id = ?", rs -> null, other);
      assertThat(stored()).isZero();
    } finally {
      TestDatabase.query("DELETE FROM users WHERE email = 'second@example.com'", rs -> null);
      TestDatabase.query("CREATE UNIQUE INDEX users_single_account ON users ((true))", rs -> null);
    }
  }

  @Test
  @DisplayName("The wellness routes need the session: 401 signed out, 403 from a foreign origin, and nothing is stored")
  void needsSession() {
    assertThat(client.get("/api/wellness?from=2026-01-01&to=2026-01-31").status()).isEqualTo(401);
    assertThat(put(DAY, full()).status()).isEqualTo(401);
    assertThat(client.delete("/api/wellness/" + DAY).status()).isEqualTo(401);
    signedIn();
    var foreign = new TestClient(app.port()).cookie(client.cookie()).header("Origin", "http://evil.example")
        .put("/api/wellness/" + DAY, full());
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(stored()).isZero();
  }
}
