package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.activities.ActivitySource;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcSeries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrainingLoadToolTest extends RangeToolTestBase {
  private static final String SECRET = "Zebra Strava-only tempo";

  private static String range(LocalDate from, LocalDate to) {
    return new JsonObject().put("from", from.toString()).put("to", to.toString()).encode();
  }

  @Test
  @DisplayName("Daily rows are the coach's chart: load, fitness, fatigue, end-of-day form, morning form and ramp per day")
  void dailyRowsAreTheChart() {
    activity(ActivitySource.FILE, "Run", "Long run", TODAY.minusDays(10), 7200, 20_000, 150.0);
    activity(ActivitySource.FILE, "Ride", "Ride", TODAY.minusDays(3), 3600, 30_000, 140.0);
    JsonObject r = json(false, "training_load", range(TODAY.minusDays(29), TODAY));
    assertThat(r.getString("resolution")).isEqualTo("daily");
    assertThat(r.getJsonArray("columns").getList())
        .containsExactly("date", "load", "fitness", "fatigue", "form", "form_morning", "ramp");
    JsonArray rows = r.getJsonArray("rows");
    // The chart starts the day before the first activity: the rows start there, not 30 days back.
    assertThat(r.getString("chart_starts")).isEqualTo(TODAY.minusDays(11).toString());
    assertThat(rows).hasSize(12);
    PmcSeries chart = await(loadService().forCoach(userId, false)).series();
    for (int i = 0; i < rows.size(); i++) {
      JsonArray row = rows.getJsonArray(i);
      PmcDay day = chart.on(LocalDate.parse(row.getString(0)));
      assertThat(row.getDouble(1)).isCloseTo(day.load(), within(0.05));
      assertThat(row.getDouble(2)).isCloseTo(day.ctl(), within(0.05));
      assertThat(row.getDouble(3)).isCloseTo(day.atl(), within(0.05));
      // form is the end of the day: fitness − fatigue after the day's training.
      assertThat(row.getDouble(4)).isCloseTo(day.ctl() - day.atl(), within(0.051));
      assertThat(row.getDouble(5)).isCloseTo(day.form(), within(0.05));
      assertThat(row.getDouble(6)).isCloseTo(day.ramp(), within(0.05));
    }
    JsonArray runDay = rows.getJsonArray(1);
    assertThat(runDay.getString(0)).isEqualTo(TODAY.minusDays(10).toString());
    assertThat(runDay.getDouble(1)).isGreaterThan(0);
    // On a training day the end-of-day form drops below the morning's.
    assertThat(runDay.getDouble(4)).isLessThan(runDay.getDouble(5));
    assertThat(r.getJsonObject("last_day").getString("date")).isEqualTo(TODAY.toString());
    assertThat(call(false, "training_load", range(TODAY.minusDays(29), TODAY)).summary()).isEqualTo("12 days");
  }

  @Test
  @DisplayName("Longer ranges are weekly (load summed, the chart at each week's end), then monthly; days after today are cut")
  void weeklyAndMonthlyRows() {
    activity(ActivitySource.FILE, "Run", "Old run", TODAY.minusDays(900), 3600, 10_000, 150.0);
    activity(ActivitySource.FILE, "Run", "Run", TODAY.minusDays(20), 3600, 10_000, 150.0);
    activity(ActivitySource.FILE, "Run", "Run", TODAY.minusDays(19), 3600, 10_000, 150.0);
    JsonObject weekly = json(false, "training_load", range(TODAY.minusDays(200), TODAY.plusDays(30)));
    assertThat(weekly.getString("resolution")).startsWith("weekly");
    assertThat(weekly.getBoolean("cut_at_today")).isTrue();
    assertThat(weekly.getString("to")).isEqualTo(TODAY.toString());
    JsonArray rows = weekly.getJsonArray("rows");
    double sum = 0;
    int days = 0;
    for (int i = 0; i < rows.size(); i++) {
      sum += rows.getJsonArray(i).getDouble(2);
      days += rows.getJsonArray(i).getInteger(1);
    }
    assertThat(days).isEqualTo(201);
    PmcSeries chart = await(loadService().forCoach(userId, false)).series();
    double expected = chart.days().stream().filter(d -> !d.date().isBefore(TODAY.minusDays(200))).mapToDouble(PmcDay::load).sum();
    assertThat(sum).isCloseTo(expected, within(0.5));
    JsonArray last = rows.getJsonArray(rows.size() - 1);
    assertThat(last.getDouble(3)).isCloseTo(chart.onToday().ctl(), within(0.05));
    assertThat(last.getDouble(5)).isCloseTo(chart.onToday().formAfter(), within(0.05));

    JsonObject monthly = json(false, "training_load", range(TODAY.minusDays(799), TODAY));
    assertThat(monthly.getString("resolution")).startsWith("monthly");
    assertThat(monthly.getJsonArray("rows").getJsonArray(0).getString(0)).isEqualTo(TODAY.minusDays(799).toString());
  }

  @Test
  @DisplayName("Data policy: a Strava-API-only activity moves no number unless allowed, and then it counts")
  void stravaApiOnlyActivity() {
    activity(ActivitySource.FILE, "Run", "Own run", TODAY.minusDays(6), 3600, 10_000, 150.0);
    String args = range(TODAY.minusDays(13), TODAY);
    String before = ok(false, "training_load", args);
    UUID strava = activity(ActivitySource.STRAVA_API, "Run", SECRET, TODAY.minusDays(2), 5400, 15_000, 185.0);
    String without = ok(false, "training_load", args);
    assertThat(without).isEqualTo(before).doesNotContain(strava.toString()).doesNotContain("Zebra");
    String with = ok(true, "training_load", args);
    assertThat(with).isNotEqualTo(before);
    JsonArray rows = new JsonObject(with).getJsonArray("rows");
    JsonArray stravaDay = rows.stream().map(JsonArray.class::cast)
        .filter(row -> row.getString(0).equals(TODAY.minusDays(2).toString())).findFirst().orElseThrow();
    assertThat(stravaDay.getDouble(1)).isGreaterThan(0);
  }

  @Test
  @DisplayName("Invalid arguments are error replies: from after to, a bad date, a missing field, a range in the future, over 10 years")
  void invalidArguments() {
    assertThat(error("training_load", range(TODAY, TODAY.minusDays(1)))).contains("is after 'to'");
    assertThat(error("training_load", "{\"from\":\"2025-13-01\",\"to\":\"2025-12-01\"}")).contains("YYYY-MM-DD");
    assertThat(error("training_load", "{\"from\":\"2025-01-01\"}")).contains("to");
    assertThat(error("training_load", "{\"from\":\"2025-01-01\",\"to\":\"2025-02-01\",\"x\":1}")).contains("Invalid arguments");
    assertThat(error("training_load", range(TODAY.plusDays(1), TODAY.plusDays(5)))).contains("project_form");
    assertThat(error("training_load", range(TODAY.minusYears(11), TODAY))).contains("10 years");
    assertThat(error("training_load", "not json")).contains("not a JSON object");
  }

  @Test
  @DisplayName("The longest result of each resolution stays under 8 KB: 120 daily rows, two years weekly, ten years monthly")
  void eightKilobytes() {
    activity(ActivitySource.FILE, "Run", "First run", TODAY.minusDays(TrainingLoadTool.MAX_DAYS + 10), 3600, 10_000, 150.0);
    for (int i = 1; i < 120; i += 3) {
      activity(ActivitySource.FILE, "Ride", "Ride", TODAY.minusDays(i), 5000 + i * 37, 40_000, 140.0 + i % 20);
    }
    ToolReply daily = call(false, "training_load", range(TODAY.minusDays(TrainingLoadTool.DAILY_MAX_DAYS - 1), TODAY));
    assertThat(daily.error()).as(daily.content()).isFalse();
    assertThat(new JsonObject(daily.content()).getJsonArray("rows")).hasSize(TrainingLoadTool.DAILY_MAX_DAYS);
    ToolReply weekly = call(false, "training_load", range(TODAY.minusDays(TrainingLoadTool.WEEKLY_MAX_DAYS - 1), TODAY));
    assertThat(new JsonObject(weekly.content()).getString("resolution")).startsWith("weekly");
    ToolReply monthly = call(false, "training_load", range(TODAY.minusDays(TrainingLoadTool.MAX_DAYS - 1), TODAY));
    assertThat(new JsonObject(monthly.content()).getJsonArray("rows").size()).isGreaterThanOrEqualTo(120);
    for (ToolReply r : java.util.List.of(daily, weekly, monthly)) {
      assertThat(r.error()).as(r.content()).isFalse();
      assertThat(r.bytes()).isLessThan(ToolRegistry.MAX_RESULT_BYTES);
    }
  }
}
