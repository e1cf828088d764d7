package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.activities.ActivitySource;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcSeries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProjectFormToolTest extends RangeToolTestBase {
  private static final String SECRET = "Zebra Strava-only long ride";

  private void history() {
    for (int i = 3; i < 60; i += 2) {
      activity(ActivitySource.FILE, i % 4 == 1 ? "Ride" : "Run", "Session " + i, TODAY.minusDays(i), 3000 + i * 20,
          15_000, 135.0 + i % 25);
    }
  }

  private static JsonObject plan(JsonArray days, LocalDate until) {
    JsonObject args = new JsonObject().put("days", days);
    if (until != null) {
      args.put("until", until.toString());
    }
    return args;
  }

  private static JsonObject day(LocalDate date, double load) {
    return new JsonObject().put("date", date.toString()).put("load", load);
  }

  @Test
  @DisplayName("Consistency: the projection runs the chart's engine, so it equals the chart on every past day and the chart's own projection when only rest is planned")
  void projectionEqualsTheChart() {
    history();
    PmcSeries chart = await(loadService().forCoach(userId, true)).series();
    assertThat(chart.days()).isNotEmpty();
    SortedMap<LocalDate, Double> planned = new TreeMap<>(java.util.Map.of(TODAY.plusDays(2), 150.0));
    List<PmcDay> projected = ProjectFormTool.project(chart, planned, TODAY.plusDays(30));
    for (PmcDay past : chart.days()) {
      PmcDay p = projected.stream().filter(d -> d.date().equals(past.date())).findFirst().orElseThrow();
      assertThat(p).as(past.date().toString()).isEqualTo(past);
    }
    // With only rest ahead it is the chart's own projection (LoadService.projected, the dashboard's future days).
    List<PmcDay> restOnly = ProjectFormTool.project(chart, new TreeMap<>(), TODAY.plusDays(30));
    List<PmcDay> charts = await(loadService().projected(userId, TODAY.plusDays(30)));
    assertThat(restOnly).isEqualTo(charts);

    // Through the tool: today's numbers are the chart's, rows start tomorrow.
    JsonObject r = json(true, "project_form", plan(new JsonArray().add(day(TODAY.plusDays(2), 150)), TODAY.plusDays(5)).encode());
    assertThat(r.getJsonObject("today").getDouble("fitness")).isCloseTo(chart.onToday().ctl(), within(0.05));
    assertThat(r.getJsonObject("today").getDouble("form")).isCloseTo(chart.onToday().formAfter(), within(0.05));
    JsonArray rows = r.getJsonArray("rows");
    assertThat(rows).hasSize(5);
    assertThat(rows.getJsonArray(0).getString(0)).isEqualTo(TODAY.plusDays(1).toString());
    assertThat(rows.getJsonArray(1).getDouble(1)).isEqualTo(150.0);
    PmcDay day2 = projected.stream().filter(d -> d.date().equals(TODAY.plusDays(2))).findFirst().orElseThrow();
    assertThat(rows.getJsonArray(1).getDouble(4)).isCloseTo(day2.formAfter(), within(0.05));
  }

  @Test
  @DisplayName("Three 600-load weeks then a 10-day taper: fitness builds, form dips, then rises to race day; the numbers follow the 42/7-day EWMA")
  void buildAndTaper() {
    history();
    JsonArray days = new JsonArray();
    LocalDate start = TODAY.plusDays(1);
    for (int i = 0; i < 21; i++) {
      // Six days of 100 and a rest day: 600 a week.
      if (i % 7 != 6) {
        days.add(day(start.plusDays(i), 100));
      }
    }
    for (int i = 21; i < 31; i++) {
      days.add(day(start.plusDays(i), 30));
    }
    LocalDate race = start.plusDays(30);
    ToolReply reply = call(false, "project_form", plan(days, race).encode());
    assertThat(reply.error()).as(reply.content()).isFalse();
    JsonObject r = new JsonObject(reply.content());
    JsonArray rows = r.getJsonArray("rows");
    assertThat(rows).hasSize(31);
    // An independent oracle: CTL/ATL by the exponential EWMA from today's end-of-day values.
    double ctl = r.getJsonObject("today").getDouble("fitness");
    double atl = r.getJsonObject("today").getDouble("fatigue");
    double kCtl = 1 - Math.exp(-1.0 / 42);
    double kAtl = 1 - Math.exp(-1.0 / 7);
    for (int i = 0; i < rows.size(); i++) {
      JsonArray row = rows.getJsonArray(i);
      double load = row.getDouble(1);
      ctl += (load - ctl) * kCtl;
      atl += (load - atl) * kAtl;
      assertThat(row.getDouble(2)).as(row.toString()).isCloseTo(ctl, within(0.15));
      assertThat(row.getDouble(3)).as(row.toString()).isCloseTo(atl, within(0.15));
      assertThat(row.getDouble(4)).as(row.toString()).isCloseTo(ctl - atl, within(0.2));
    }
    double formEndOfBlock = rows.getJsonArray(20).getDouble(4);
    double fitnessEndOfBlock = rows.getJsonArray(20).getDouble(2);
    assertThat(fitnessEndOfBlock).isGreaterThan(rows.getJsonArray(0).getDouble(2));
    assertThat(formEndOfBlock).isNegative();
    JsonObject last = r.getJsonObject("last_day");
    assertThat(last.getString("date")).isEqualTo(race.toString());
    assertThat(last.getDouble("form")).isGreaterThan(formEndOfBlock + 10);
    assertThat(r.getString("summary")).startsWith("form on " + race + ": ");
    assertThat(reply.summary()).isEqualTo(String.format(java.util.Locale.ROOT, "form on %s: %+.1f", race, last.getDouble("form")));
    assertThat(reply.lookup()).isEqualTo("form with 28 planned days until " + race);
  }

  @Test
  @DisplayName("A load given for today counts today (on top of what is recorded); days not given are rest")
  void todayAndRest() {
    history();
    JsonObject r = json(false, "project_form", plan(new JsonArray().add(day(TODAY, 80)).add(day(TODAY.plusDays(3), 50)), null).encode());
    JsonArray rows = r.getJsonArray("rows");
    assertThat(rows).hasSize(4);
    assertThat(rows.getJsonArray(0).getString(0)).isEqualTo(TODAY.toString());
    assertThat(rows.getJsonArray(1).getDouble(1)).isZero();
    // A rest day: fitness and fatigue both decay.
    assertThat(rows.getJsonArray(1).getDouble(2)).isLessThan(rows.getJsonArray(0).getDouble(2));
    assertThat(rows.getJsonArray(1).getDouble(3)).isLessThan(rows.getJsonArray(0).getDouble(3));
  }

  @Test
  @DisplayName("Data policy: a Strava-API-only activity moves no projected number unless allowed")
  void stravaApiOnlyActivity() {
    history();
    String args = plan(new JsonArray().add(day(TODAY.plusDays(1), 100)), TODAY.plusDays(14)).encode();
    String before = ok(false, "project_form", args);
    UUID strava = activity(ActivitySource.STRAVA_API, "Ride", SECRET, TODAY.minusDays(1), 10_800, 90_000, 170.0);
    String without = ok(false, "project_form", args);
    assertThat(without).isEqualTo(before).doesNotContain(strava.toString()).doesNotContain("Zebra");
    String with = ok(true, "project_form", args);
    assertThat(new JsonObject(with).getJsonObject("today").getDouble("fitness"))
        .isGreaterThan(new JsonObject(before).getJsonObject("today").getDouble("fitness"));
  }

  @Test
  @DisplayName("Invalid arguments are error replies: past dates, an until in the past, too far ahead, a negative load, nothing planned")
  void invalidArguments() {
    assertThat(error("project_form", plan(new JsonArray().add(day(TODAY.minusDays(1), 50)), null).encode()))
        .contains("is in the past");
    assertThat(error("project_form", plan(new JsonArray().add(day(TODAY.plusDays(1), 50)), TODAY.minusDays(3)).encode()))
        .contains("'until'").contains("past");
    // The date window (a year ahead) bounds it before the 366-day limit does, except in a leap year.
    assertThat(error("project_form", plan(new JsonArray(), TODAY.plusDays(400)).encode())).contains("must be a date from");
    assertThat(error("project_form", plan(new JsonArray().add(day(TODAY.plusDays(1), -5)), null).encode()))
        .contains("Invalid arguments");
    assertThat(error("project_form", plan(new JsonArray(), null).encode())).contains("at least one planned day");
    assertThat(error("project_form", "{\"days\":[{\"date\":\"tomorrow\",\"load\":3}]}")).contains("YYYY-MM-DD");
  }

  @Test
  @DisplayName("The longest projections stay under 8 KB: 120 daily rows, and 366 days (weekly) with every day planned")
  void eightKilobytes() {
    history();
    JsonArray daily = new JsonArray();
    for (int i = 1; i <= ProjectFormTool.DAILY_MAX_DAYS; i++) {
      daily.add(day(TODAY.plusDays(i), 123.45 + i));
    }
    JsonObject d = json(false, "project_form", plan(daily, null).encode());
    assertThat(d.getString("resolution")).isEqualTo("daily");
    assertThat(d.getJsonArray("rows")).hasSize(ProjectFormTool.DAILY_MAX_DAYS);
    JsonArray year = new JsonArray();
    LocalDate furthest = fitcoach.app.DateWindow.latest();
    int ahead = (int) java.time.temporal.ChronoUnit.DAYS.between(TODAY, furthest);
    assertThat(ahead).isGreaterThanOrEqualTo(365);
    for (int i = 0; i <= ahead; i++) {
      year.add(day(TODAY.plusDays(i), 99.9));
    }
    JsonObject w = json(false, "project_form", plan(year, null).encode());
    assertThat(w.getString("resolution")).startsWith("weekly");
    JsonArray rows = w.getJsonArray("rows");
    double planned = 0;
    for (int i = 0; i < rows.size(); i++) {
      planned += rows.getJsonArray(i).getDouble(1);
    }
    assertThat(planned).isCloseTo(99.9 * (ahead + 1), within(1.0));
    assertThat(w.getJsonObject("last_day").getString("date")).isEqualTo(furthest.toString());
  }

  @Test
  @DisplayName("The tool and the chart agree: the same plan in the calendar and in project_form gives the same fitness, fatigue and form on every day")
  void agreesWithTheChartsProjection() {
    history();
    JsonArray days = new JsonArray();
    for (int i = 1; i <= 20; i++) {
      double value = i % 4 == 0 ? 0 : 40 + 7 * i;
      if (value > 0) {
        days.add(day(TODAY.plusDays(i), value));
        fitcoach.testing.PlanRows.workout(TODAY.plusDays(i), i % 2 == 0 ? "Ride" : "Run", value);
      }
    }
    LocalDate end = TODAY.plusDays(24);
    JsonArray rows = json(false, "project_form", plan(days, end).encode()).getJsonArray("rows");
    var response = client.get("/api/load/pmc?from=" + TODAY.plusDays(1) + "&to=" + end);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonArray chart = response.json().getJsonArray("days");
    assertThat(rows).hasSize(24);
    assertThat(chart).hasSize(24);
    for (int i = 0; i < rows.size(); i++) {
      JsonArray row = rows.getJsonArray(i);
      JsonObject d = chart.getJsonObject(i);
      assertThat(d.getString("date")).isEqualTo(row.getString(0));
      assertThat(d.getDouble("load")).as(row.toString()).isEqualTo(row.getDouble(1));
      assertThat(d.getDouble("ctl")).as(row.toString()).isCloseTo(row.getDouble(2), within(0.056));
      assertThat(d.getDouble("atl")).as(row.toString()).isCloseTo(row.getDouble(3), within(0.056));
      // The tool's form is after the day's training: the chart's tsbAfter.
      assertThat(d.getDouble("tsbAfter")).as(row.toString()).isCloseTo(row.getDouble(4), within(0.056));
    }
  }
}
