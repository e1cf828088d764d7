package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.TestDatabase;
import fitcoach.wellness.WellnessEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** wellness {from, to}: the athlete's daily entries as rows, bounded in days and bytes, whatever the data policy. */
class WellnessToolTest extends ToolTestBase {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private String args(LocalDate from, LocalDate to) {
    return new JsonObject().put("from", from.toString()).put("to", to.toString()).encode();
  }

  @Test
  @DisplayName("Daily values come back as rows (one per day with an entry), in date order, with columns and their scales")
  void dailyRows() {
    client.put("/api/wellness/" + TODAY.minusDays(2), new JsonObject().put("hrvRmssd", 61.5).put("restingHr", 48)
        .put("sleepHours", 7.5).put("soreness", 2).put("note", "<b>legs</b> heavy & tired"));
    client.put("/api/wellness/" + TODAY.minusDays(5), new JsonObject().put("illness", true));
    client.put("/api/wellness/" + TODAY.minusDays(40), new JsonObject().put("stress", 5));
    // Strava API data off or on, wellness reads the same: it is the athlete's own.
    for (boolean strava : new boolean[] {false, true}) {
      JsonObject out = result("wellness", args(TODAY.minusDays(7), TODAY), strava);
      JsonArray columns = out.getJsonArray("columns");
      assertThat(columns.getList()).containsExactly("date", "sleep_hours", "sleep_quality", "soreness", "stress", "motivation",
          "hrv_rmssd", "resting_hr", "weight_kg", "note", "illness", "injury");
      JsonArray rows = out.getJsonArray("rows");
      assertThat(rows).hasSize(2);
      JsonArray ill = rows.getJsonArray(0);
      assertThat(ill.getString(0)).isEqualTo(TODAY.minusDays(5).toString());
      assertThat(ill.getBoolean(columns.getList().indexOf("illness"))).isTrue();
      JsonArray recent = rows.getJsonArray(1);
      assertThat(recent.getDouble(columns.getList().indexOf("hrv_rmssd"))).isEqualTo(61.5);
      assertThat(recent.getDouble(columns.getList().indexOf("resting_hr"))).isEqualTo(48.0);
      assertThat(recent.getDouble(columns.getList().indexOf("sleep_hours"))).isEqualTo(7.5);
      assertThat(recent.getInteger(columns.getList().indexOf("soreness"))).isEqualTo(2);
      assertThat(recent.getValue(columns.getList().indexOf("motivation"))).isNull();
      assertThat(recent.getString(columns.getList().indexOf("note"))).isEqualTo("<b>legs</b> heavy & tired");
      assertThat(out.getString("note")).contains("5 = slept very well");
    }
    // The athlete's note reaches the model escaped, never as markup.
    ToolReply reply = call("wellness", args(TODAY.minusDays(7), TODAY), false);
    assertThat(reply.content()).doesNotContain("<b>").contains("\\u003cb\\u003e");
    assertThat(reply.summary()).isEqualTo("2 days");
    assertThat(result("wellness", args(TODAY.minusDays(3), TODAY.minusDays(3)), false).getString("note"))
        .isEqualTo("No wellness entries in this range.");
  }

  @Test
  @DisplayName("The range's last day carries the card's baselines, the same as the Wellness screen's trend for that day")
  void baselines() {
    for (int i = 1; i <= 20; i++) {
      client.put("/api/wellness/" + TODAY.minusDays(i), new JsonObject().put("hrvRmssd", i % 2 == 0 ? 52.0 : 70.0)
          .put("restingHr", 50));
    }
    JsonObject baselines = result("wellness", args(TODAY.minusDays(6), TODAY), false).getJsonObject("baselines");
    assertThat(baselines.getString("on")).isEqualTo(TODAY.toString());
    JsonObject trend = client.get("/api/wellness?from=" + TODAY + "&to=" + TODAY).json().getJsonArray("trend").getJsonObject(0);
    assertThat(baselines.getDouble("hrv_normal_low_ms")).isNotNull().isEqualTo(trend.getDouble("hrvLow"));
    assertThat(baselines.getDouble("hrv_normal_high_ms")).isEqualTo(trend.getDouble("hrvHigh"));
    assertThat(baselines.getDouble("hrv_7day_ms")).isEqualTo(trend.getDouble("hrv7"));
    assertThat(baselines.getDouble("resting_hr_baseline_60day")).isEqualTo(50.0);
    assertThat(baselines.getValue("sleep_usual_30day_h")).isNull();
    assertThat(baselines.getDouble("hrv_normal_low_ms")).isLessThan(baselines.getDouble("hrv_normal_high_ms"));
  }

  @Test
  @DisplayName("Ranges are at most 60 days, in order, with real dates; anything else is an error the model can read")
  void arguments() {
    assertThat(call("wellness", args(TODAY.minusDays(WellnessTool.MAX_DAYS - 1), TODAY), false).error()).isFalse();
    ToolReply tooLong = call("wellness", args(TODAY.minusDays(WellnessTool.MAX_DAYS), TODAY), false);
    assertThat(tooLong.error()).isTrue();
    assertThat(tooLong.content()).contains("at most 60 days");
    assertThat(call("wellness", args(TODAY, TODAY.minusDays(1)), false).content()).contains("is after");
    assertThat(call("wellness", "{\"from\":\"0000-01-01\",\"to\":\"2026-01-01\"}", false).error()).isTrue();
    assertThat(call("wellness", "{\"from\":\"yesterday\",\"to\":\"2026-01-01\"}", false).content()).contains("YYYY-MM-DD");
    assertThat(call("wellness", "{\"from\":\"2026-01-01\"}", false).error()).isTrue();
    assertThat(call("wellness", "{\"from\":\"2026-01-01\",\"to\":\"2026-01-02\",\"sport\":\"run\"}", false).error()).isTrue();
  }

  @Test
  @DisplayName("Another athlete's entries never appear")
  void ownData() {
    TestDatabase.query("DROP INDEX users_single_account", rs -> null);
    try {
      java.util.UUID other = TestDatabase.query("INSERT INTO users (email, password_hash) VALUES ('second@example.com', 'x') "
          + "RETURNING id", rs -> {
            rs.next();
            return (java.util.UUID) rs.getObject(1);
          });
      TestDatabase.query("INSERT INTO wellness (user_id, day, hrv_rmssd, source) VALUES (?, ?, 99, 'manual')", rs -> null,
          other, TODAY.minusDays(1));
      assertThat(result("wellness", args(TODAY.minusDays(7), TODAY), false).getJsonArray("rows")).isEmpty();
    } finally {
      TestDatabase.query("DELETE FROM users WHERE email = 'second@example.com'", rs -> null);
      TestDatabase.query("CREATE UNIQUE INDEX users_single_account ON users ((true))", rs -> null);
    }
  }

  @Test
  @DisplayName("The longest answer (60 full days, long notes of characters that escape to 6 bytes) stays under the 8 KB a result may hold")
  void boundedOutput() {
    List<WellnessEntry> entries = new ArrayList<>();
    for (int i = 0; i < WellnessTool.MAX_DAYS; i++) {
      entries.add(new WellnessEntry(TODAY.minusDays(i), 23.75, 5, 5, 5, 5, 299.9, 119.9, 349.99, "<".repeat(2000), false,
          false, "manual", Instant.now()));
    }
    ToolOutput out = WellnessTool.table(TODAY.minusDays(WellnessTool.MAX_DAYS - 1), TODAY, entries);
    int bytes = ToolJson.write(out.data()).getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isLessThan(ToolRegistry.MAX_RESULT_BYTES);
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> data = (java.util.Map<String, Object>) out.data();
    assertThat(data.get("notes_cut")).isEqualTo(true);
  }
}
