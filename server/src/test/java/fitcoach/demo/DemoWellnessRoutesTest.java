package fitcoach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoWellnessRoutesTest extends ApiTest {

  private static JsonObject signal(JsonObject card, String key) {
    return card.getJsonArray("signals").stream().map(JsonObject.class::cast).filter(s -> key.equals(s.getString("key")))
        .findFirst().orElseThrow();
  }

  private static List<String> rows() {
    List<String> out = new ArrayList<>();
    TestDatabase.query("SELECT day, hrv_rmssd, resting_hr, sleep_hours, soreness, stress, motivation, illness FROM wellness"
        + " WHERE source = 'demo' ORDER BY day", rs -> {
          while (rs.next()) {
            out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getString(7) + "|" + rs.getString(8));
          }
          return null;
        });
    return out;
  }

  @Test
  @DisplayName("The demo athlete brings wellness days that the card judges; removing the demo removes them but keeps the athlete's own")
  void wellnessWithTheDemo() {
    signedIn();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate own = today.minusDays(3);
    LocalDate changed = today.minusDays(10);
    // The athlete's own entry before the demo: the demo leaves that day alone.
    assertThat(client.put("/api/wellness/" + own, new JsonObject().put("sleepHours", 5.5).put("soreness", 2)).status()).isEqualTo(200);

    var created = client.post("/api/demo", null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    System.out.println("demo (2 years) with wellness: " + created.json());
    long demoDays = TestDatabase.count("SELECT count(*) FROM wellness WHERE source = 'demo'");
    assertThat(demoDays).isBetween(600L, 720L);
    assertThat(TestDatabase.count("SELECT count(*) FROM wellness WHERE day = '" + own + "' AND source = 'manual' AND sleep_hours = 5.5"))
        .isEqualTo(1L);

    JsonObject range = client.get("/api/wellness?from=" + today.minusDays(59) + "&to=" + today).json();
    assertThat(range.getJsonArray("days").size()).isGreaterThan(45);
    JsonArray trend = range.getJsonArray("trend");
    JsonObject last = trend.getJsonObject(trend.size() - 1);
    assertThat(last.getString("date")).isEqualTo(today.toString());
    assertThat(last.getDouble("hrvLow")).isNotNull();
    assertThat(last.getDouble("hrvHigh")).isGreaterThan(last.getDouble("hrvLow"));
    assertThat(last.getDouble("restingHrBaseline")).isBetween(47.0, 54.0);

    JsonObject card = client.get("/api/ai/recommendation").json().getJsonObject("card");
    assertThat(signal(card, "hrv").getString("status")).as(card.encodePrettily()).isEqualTo("judged");
    assertThat(signal(card, "hrv").getDouble("low")).isNotNull();
    assertThat(signal(card, "restingHr").getString("status")).isEqualTo("judged");
    System.out.println("card: " + card.getString("verdict") + " / " + signal(card, "hrv") + " / " + signal(card, "restingHr"));

    // A generated day the athlete writes to becomes theirs, with only what they wrote.
    assertThat(TestDatabase.count("SELECT count(*) FROM wellness WHERE day = '" + changed + "' AND source = 'demo'"))
        .as("the demo has an entry ten days ago").isEqualTo(1L);
    var put = client.put("/api/wellness/" + changed, new JsonObject().put("motivation", 5));
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().getString("source")).as(put.body()).isEqualTo("manual");
    assertThat(put.json().getValue("hrvRmssd")).isNull();

    List<String> first = rows();
    var removed = client.delete("/api/demo");
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.json().getInteger("removed")).isEqualTo(created.json().getInteger("activities"));
    assertThat(TestDatabase.count("SELECT count(*) FROM wellness WHERE source = 'demo'")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM wellness")).isEqualTo(2L);
    JsonArray left = client.get("/api/wellness?from=" + today.minusDays(59) + "&to=" + today).json().getJsonArray("days");
    assertThat(left.stream().map(JsonObject.class::cast).map(d -> d.getString("date")))
        .containsExactly(changed.toString(), own.toString());
    assertThat(left.getJsonObject(0).getInteger("motivation")).isEqualTo(5);
    assertThat(left.getJsonObject(0).getValue("sleepHours")).isNull();
    assertThat(left.getJsonObject(1).getDouble("sleepHours")).isEqualTo(5.5);
    assertThat(left.getJsonObject(1).getInteger("soreness")).isEqualTo(2);

    // The same seed, the same days (the two the athlete holds are skipped again).
    assertThat(client.post("/api/demo", null).status()).isEqualTo(201);
    assertThat(rows()).isEqualTo(first);
  }

  @Test
  @DisplayName("Ten years of demo wellness go in a few statements, within the demo's time")
  void tenYears() {
    signedIn();
    var created = client.post("/api/demo", new JsonObject().put("years", 10));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long days = TestDatabase.count("SELECT count(*) FROM wellness WHERE source = 'demo'");
    System.out.println("demo (10 years) with wellness: " + created.json() + ", " + days + " wellness days");
    assertThat(days).isBetween(3100L, 3500L);
    assertThat(created.json().getLong("millis")).isLessThan(60_000L);
  }
}
