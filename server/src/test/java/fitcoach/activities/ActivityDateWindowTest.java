package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every date the API accepts lies in the DateWindow; dates stored before it existed cannot break the chart. */
class ActivityDateWindowTest extends ApiTest {
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void signIn() {
    signedIn();
  }

  private TestClientResponse manual(String startLocal) {
    var r = client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", startLocal)
        .put("durationS", 3600).put("rpe", 5));
    return new TestClientResponse(r.status(), r.status() >= 400 ? r.errorField() : null);
  }

  private record TestClientResponse(int status, String field) {
  }

  @Test
  @DisplayName("A manual activity dated in year -999999999, 0001, 1969 or 9999 is a 422 naming startLocal; nothing is stored "
      + "and the next write works")
  void manualActivityOutsideTheWindow() {
    for (String start : new String[] {"-999999999-01-01T00:00", "0001-01-01T00:00", "1969-12-31T23:59", "9999-12-31T07:00",
        "+999999999-12-31T00:00"}) {
      TestClientResponse r = manual(start);
      assertThat(r.status()).as(start).isEqualTo(422);
      assertThat(r.field()).as(start).isEqualTo("startLocal");
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isZero();
    assertThat(manual("1970-01-01T08:00").status()).isEqualTo(201);
    assertThat(manual(today.minusDays(1) + "T07:00").status()).isEqualTo(201);
  }

  @Test
  @DisplayName("The chart for year +999999970 to +999999999 is an immediate 422 naming the field, not hours of computing")
  void farFutureChart() {
    var r = client.get("/api/load/pmc?from=%2B999999970-01-01&to=%2B999999999-12-31");
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.errorField()).isEqualTo("from");
    var to = client.get("/api/load/pmc?to=10000-01-01");
    assertThat(to.status()).isEqualTo(422);
    var past = client.get("/api/load/pmc?from=0001-01-01");
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.errorField()).isEqualTo("from");
    var allOfIt = client.get("/api/load/pmc?from=1970-01-01&to=" + today.plusYears(1));
    assertThat(allOfIt.status()).as(allOfIt.toString()).isEqualTo(200);
  }

  @Test
  @DisplayName("Query dates of the list and the sport totals are checked against the window")
  void queryDates() {
    assertThat(client.get("/api/activities?from=1969-12-31").errorField()).isEqualTo("from");
    assertThat(client.get("/api/activities?to=9999-12-31").errorField()).isEqualTo("to");
    assertThat(client.get("/api/activities?from=2026-02-01&to=2026-01-01").errorField()).isEqualTo("from");
    assertThat(client.get("/api/analytics/sports?from=0001-01-01").status()).isEqualTo(422);
    assertThat(client.get("/api/analytics/sports?to=-999999999-01-01").errorField()).isEqualTo("to");
    assertThat(client.get("/api/activities?from=1970-01-01&to=" + today).status()).isEqualTo(200);
    for (String instant : new String[] {"+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"}) {
      String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((instant + "|"
          + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      var page = client.get("/api/activities?cursor=" + cursor);
      assertThat(page.status()).as(instant + " → " + page).isEqualTo(422);
      assertThat(page.errorField()).isEqualTo("cursor");
    }
  }

  @Test
  @DisplayName("A chart seed dated 0001-01-01 is a 422 naming seed.date, and the settings stay as they were")
  void seedOutsideTheWindow() {
    var r = client.put("/api/load/settings", new JsonObject().put("seed", new JsonObject().put("date", "0001-01-01")
        .put("ctl", 50).put("atl", 40)));
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.errorField()).isEqualTo("seed.date");
    assertThat(TestDatabase.count("SELECT count(*) FROM load_settings")).isZero();
    var ok = client.put("/api/load/settings", new JsonObject().put("seed", new JsonObject().put("date", today.minusDays(30).toString())
        .put("ctl", 50).put("atl", 40)));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
  }

  @Test
  @DisplayName("Activities and a seed stored outside the window (before it existed) are left out of the chart: every write "
      + "and read still works")
  void storedDatesOutsideTheWindow() {
    String user = "(SELECT id FROM users)";
    for (String[] row : new String[][] {{"minus-infinity", "-infinity"}, {"year-one", "0001-01-01 07:00"},
        {"year-9999", "9999-01-01 07:00"}}) {
      TestDatabase.query("INSERT INTO activities (user_id, source, external_id, sport_type, sport_family, name, start_date, "
          + "start_date_local, time_zone, moving_time_s, elapsed_time_s, rpe, manual) VALUES (" + user + ", 'manual', ?, 'Run', "
          + "'run', 'Stored long ago', ?::timestamptz, ?::timestamp, 'UTC', 3600, 3600, 5, true)", rs -> null, row[0], row[1], row[1]);
    }
    TestDatabase.query("INSERT INTO load_settings (user_id, seed_date, seed_ctl, seed_atl) VALUES (" + user + ", '0001-01-01', 10, 10)",
        rs -> null);

    var created = client.post("/api/activities", new JsonObject().put("sportType", "Run")
        .put("startLocal", today.minusDays(2) + "T07:00").put("durationS", 3600).put("rpe", 6));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(client.get("/api/load/pmc").status()).isEqualTo(200);
    assertThat(client.post("/api/load/recompute", new JsonObject()).status()).isEqualTo(200);
    assertThat(client.get("/api/activities/stats").status()).isEqualTo(200);
    assertThat(client.get("/api/activities").json().getLong("total")).isEqualTo(4);
    LocalDate firstDay = TestDatabase.query("SELECT min(day) FROM daily_load", rs -> rs.next() ? rs.getObject(1, LocalDate.class) : null);
    assertThat(firstDay).isEqualTo(today.minusDays(3));
    assertThat(client.delete("/api/activities/" + created.json().getString("id")).status()).isEqualTo(200);
  }
}
