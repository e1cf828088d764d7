package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GET /api/reports/week: a week's numbers from the engine, with no AI provider set up. */
class WeekNumbersTest extends ApiTest {
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
  private final LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

  @BeforeEach
  void signIn() {
    signedIn();
  }

  private double session(LocalDate day, int minutes, int rpe, double km) {
    var r = client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", day + "T07:00")
        .put("durationS", minutes * 60).put("rpe", rpe).put("distanceM", km * 1000));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getDouble("load");
  }

  /** Today's session starts at midnight, so it is never in the future whatever the hour the test runs. */
  private void sessionToday(int minutes, int rpe, double km) {
    var r = client.post("/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", today + "T00:00")
        .put("durationS", minutes * 60).put("rpe", rpe).put("distanceM", km * 1000));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private JsonObject pmcDay(LocalDate day) {
    var days = client.get("/api/load/pmc?from=" + day + "&to=" + day).jsonArray("days");
    assertThat(days).hasSize(1);
    return days.getJsonObject(0);
  }

  @Test
  @DisplayName("Without an AI provider a past week's numbers come from the engine: its loads, and the chart on its Sunday")
  void pastWeekWithoutAi() {
    LocalDate lastMonday = monday.minusWeeks(1);
    double a = session(lastMonday.plusDays(1), 60, 6, 10);
    double b = session(lastMonday.plusDays(4), 45, 8, 8);
    session(monday.minusWeeks(3), 30, 5, 5);

    var r = client.get("/api/reports/week?start=" + lastMonday.plusDays(2));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject body = r.json();
    assertThat(body.getString("weekStart")).isEqualTo(lastMonday.toString());
    assertThat(body.getString("thisWeek")).isEqualTo(monday.toString());
    assertThat(body.getString("firstWeek")).isEqualTo(monday.minusWeeks(3).toString());
    JsonObject m = body.getJsonObject("metrics");
    assertThat(m.getInteger("sessions")).isEqualTo(2);
    assertThat(m.getDouble("distanceKm")).isEqualTo(18.0);
    assertThat(m.getLong("durationS")).isEqualTo(105 * 60L);
    assertThat(m.getDouble("load")).isEqualTo((double) Math.round(a + b));
    LocalDate sunday = lastMonday.plusDays(6);
    assertThat(m.getString("through")).isEqualTo(sunday.toString());
    JsonObject chart = pmcDay(sunday);
    assertThat(m.getDouble("fitness")).isEqualTo(chart.getDouble("ctl"));
    assertThat(m.getDouble("fatigue")).isEqualTo(chart.getDouble("atl"));
    assertThat(m.getDouble("form")).isEqualTo(chart.getDouble("tsbAfter"));
    assertThat(m.getDouble("formMorning")).isEqualTo(chart.getDouble("tsb"));

    // The ISO week names the same week.
    String iso = lastMonday.getYear() + "-W" + String.format("%02d", lastMonday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    if (lastMonday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) == lastMonday.getYear()) {
      assertThat(client.get("/api/reports/week?start=" + iso).json().getJsonObject("metrics")).isEqualTo(m);
    }
  }

  @Test
  @DisplayName("The same day shows the same form everywhere: dashboard this morning and after training, the report and the coach card")
  void sameDaySameNumbers() {
    session(today.minusDays(40), 90, 6, 15);
    session(today.minusDays(10), 60, 7, 10);
    session(today.minusDays(3), 75, 8, 12);
    sessionToday(50, 7, 9);

    JsonObject m = client.get("/api/reports/week").json().getJsonObject("metrics");
    JsonObject stats = client.get("/api/activities/stats").json();
    JsonObject rules = client.get("/api/ai/recommendation").json().getJsonObject("rules");
    assertThat(m.getString("through")).isEqualTo(today.toString());
    assertThat(stats.getDouble("tsbAfter")).as("trained today, so the two forms differ").isNotEqualTo(stats.getDouble("tsb"));
    assertThat(m.getDouble("formMorning")).isEqualTo(stats.getDouble("tsb"));
    assertThat(m.getDouble("form")).isEqualTo(stats.getDouble("tsbAfter"));
    assertThat(m.getDouble("fitness")).isEqualTo(stats.getDouble("ctl"));
    assertThat(m.getDouble("fatigue")).isEqualTo(stats.getDouble("atl"));
    assertThat(rules.getDouble("form")).isEqualTo(stats.getDouble("tsb"));
    assertThat(rules.getDouble("fitness")).isEqualTo(stats.getDouble("ctl"));
  }

  @Test
  @DisplayName("A week before any history has zero sessions; one not started yet, a bad or an out-of-window date is a 422 naming 'start'")
  void boundaries() {
    session(today.minusDays(2), 30, 5, 5);
    var old = client.get("/api/reports/week?start=1990-01-03");
    assertThat(old.status()).isEqualTo(200);
    assertThat(old.json().getString("weekStart")).isEqualTo("1990-01-01");
    assertThat(old.json().getJsonObject("metrics").getInteger("sessions")).isZero();
    assertThat(old.json().getJsonObject("metrics").getDouble("fitness")).isZero();

    for (String bad : new String[] {"yesterday", "2026-13-01", "2026-W60", "1900-01-01", "9999-12-31"}) {
      var r = client.get("/api/reports/week?start=" + bad);
      assertThat(r.status()).as(bad).isEqualTo(422);
      assertThat(r.errorField()).as(bad).isEqualTo("start");
    }
    var future = client.get("/api/reports/week?start=" + monday.plusWeeks(2));
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.errorCode()).isEqualTo("future_week");
  }

  @Test
  @DisplayName("The week's numbers need a signed-in athlete")
  void signedOut() {
    var r = client.cookie("").get("/api/reports/week");
    assertThat(r.status()).isEqualTo(401);
  }
}
