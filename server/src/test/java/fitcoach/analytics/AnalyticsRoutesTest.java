package fitcoach.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnalyticsRoutesTest extends ApiTest {
  private final LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

  @BeforeEach
  void data() {
    signedIn();
    // Last week: a 1 h run at HR 150 and a 2 h ride at HR 120 (10 and 60 km); two weeks ago nothing; three weeks ago a swim.
    insert("Run", monday.minusWeeks(1), 3600, 10_000, 150.0, 100);
    insert("Ride", monday.minusWeeks(1).plusDays(2), 7200, 60_000, 120.0, 400);
    insert("Swim", monday.minusWeeks(3).plusDays(4), 1800, 1500, null, 0);
    client.post("/api/load/recompute", null);
  }

  private void insert(String sport, LocalDate day, int seconds, double meters, Double hr, double elevation) {
    java.time.Instant start = day.atTime(7, 0).toInstant(java.time.ZoneOffset.UTC);
    fitcoach.testing.Workouts.store(app, new fitcoach.activities.ActivityInput(fitcoach.activities.ActivitySource.FILE, sport + day,
        sport, null, null, null, start, day.atTime(7, 0), "UTC", seconds, seconds + 120, meters, elevation, hr, null, null, null,
        null, null, null, null, null, null, 5, false, false, false, null, null, null, null, null));
  }

  @Test
  @DisplayName("Weekly totals include empty weeks, and average HR is weighted by moving time over sessions with HR")
  void weekly() {
    JsonArray weeks = client.get("/api/analytics/weekly?weeks=4").jsonArray("weeks");
    assertThat(weeks).hasSize(4);
    assertThat(weeks.getJsonObject(3).getString("weekStart")).isEqualTo(monday.toString());
    JsonObject last = weeks.getJsonObject(2);
    assertThat(last.getInteger("sessions")).isEqualTo(2);
    assertThat(last.getDouble("distanceM")).isEqualTo(70_000.0);
    assertThat(last.getLong("movingTimeS")).isEqualTo(10_800L);
    assertThat(last.getLong("durationS")).isEqualTo(11_040L);
    assertThat(last.getDouble("elevationGainM")).isEqualTo(500.0);
    assertThat(last.getDouble("avgHr")).isCloseTo((150.0 * 3600 + 120.0 * 7200) / 10_800, within(0.01));
    assertThat(last.getDouble("load")).isGreaterThan(0);
    assertThat(weeks.getJsonObject(1).getInteger("sessions")).isZero();
    assertThat(weeks.getJsonObject(0).getValue("avgHr")).isNull();
    assertThat(weeks.getJsonObject(0).getInteger("sessions")).isEqualTo(1);
  }

  @Test
  @DisplayName("The sport filter narrows the weeks to one family, and sport totals add up per family")
  void sportFilterAndTotals() {
    JsonArray rides = client.get("/api/analytics/weekly?weeks=4&sport=ride").jsonArray("weeks");
    assertThat(rides.getJsonObject(2).getInteger("sessions")).isEqualTo(1);
    assertThat(rides.getJsonObject(2).getDouble("avgHr")).isEqualTo(120.0);

    JsonArray sports = client.get("/api/analytics/sports").jsonArray("sports");
    assertThat(sports).hasSize(3);
    assertThat(sports.getJsonObject(0).getString("sport")).isEqualTo("ride");
    assertThat(sports.getJsonObject(0).getDouble("distanceM")).isEqualTo(60_000.0);
    assertThat(client.get("/api/analytics/weekly?weeks=0").errorField()).isEqualTo("weeks");
    assertThat(client.get("/api/analytics/weekly?weeks=521").errorField()).isEqualTo("weeks");
  }
}
