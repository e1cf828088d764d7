package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Property: the same 30 workouts, each from up to three sources (device file, Strava export, Strava API), stored in
 * random orders, always end with the same primaries and the same chart.
 */
class OneStorePropertyTest extends ApiTest {
  private static final int WORKOUTS = 30;
  private static final int ORDERS = 4;

  /** Every copy of every workout: sources disagree a little on start and duration, as real ones do. */
  private static List<ActivityInput> copies(long seed) {
    Random r = new Random(seed);
    Instant base = Instant.now().minus(70, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    List<ActivityInput> copies = new ArrayList<>();
    for (int w = 0; w < WORKOUTS; w++) {
      // Two days apart, and two workouts on some days (morning and evening), so neighbours never match each other.
      Instant start = base.plus(2L * (w / 2) + 0, ChronoUnit.DAYS).plus(w % 2 == 0 ? 6 : 17, ChronoUnit.HOURS);
      String sport = r.nextBoolean() ? "Run" : "Ride";
      int seconds = 1800 + r.nextInt(7200);
      double hr = 120 + r.nextInt(50);
      boolean file = r.nextInt(4) != 0;
      boolean export = r.nextBoolean();
      boolean api = !file && !export || r.nextBoolean();
      if (file) {
        copies.add(Workouts.copy(ActivitySource.FILE, "file-" + w, sport, "File " + w, start, seconds, 10_000.0, hr));
      }
      if (export) {
        copies.add(Workouts.copy(ActivitySource.STRAVA_EXPORT, "export-" + w, sport, "Export " + w, start.plusSeconds(20),
            (int) (seconds * 1.03), 10_100.0, hr - 2));
      }
      if (api) {
        copies.add(Workouts.copy(ActivitySource.STRAVA_API, "api-" + w, sport, "Strava " + w, start.plusSeconds(45),
            (int) (seconds * 0.96), 9_900.0, hr + 3));
      }
    }
    return copies;
  }

  private List<String> primaries() {
    return TestDatabase.query("SELECT source || ':' || external_id FROM activities WHERE primary_activity_id IS NULL ORDER BY 1",
        rs -> {
          List<String> out = new ArrayList<>();
          while (rs.next()) {
            out.add(rs.getString(1));
          }
          return out;
        });
  }

  private Map<String, String> chart() {
    JsonArray days = client.get("/api/load/pmc?from=" + LocalDate.now().minusDays(80) + "&to=" + LocalDate.now()).json()
        .getJsonArray("days");
    Map<String, String> out = new TreeMap<>();
    days.forEach(d -> {
      var day = (io.vertx.core.json.JsonObject) d;
      out.put(day.getString("date"), day.getDouble("load") + "/" + day.getDouble("ctl") + "/" + day.getDouble("atl"));
    });
    return out;
  }

  @Test
  @DisplayName("Random interleavings of 30 workouts from three sources end with the same primaries and the same chart")
  void orderDoesNotMatter() {
    signedIn();
    List<ActivityInput> copies = copies(2026);
    List<String> firstPrimaries = null;
    Map<String, String> firstChart = null;
    Random random = new Random(12);
    for (int order = 0; order < ORDERS; order++) {
      TestDatabase.query("DELETE FROM activities", rs -> null);
      List<ActivityInput> shuffled = new ArrayList<>(copies);
      Collections.shuffle(shuffled, random);
      for (ActivityInput copy : shuffled) {
        Workouts.store(app, copy);
      }
      List<String> primaries = primaries();
      Map<String, String> chart = chart();
      assertThat(primaries).as("one primary per workout").hasSize(WORKOUTS);
      // Each workout is led by its best source.
      for (int w = 0; w < WORKOUTS; w++) {
        int n = w;
        String best = copies.stream().filter(c -> c.externalId().endsWith("-" + n))
            .min(java.util.Comparator.comparingInt(c -> c.source().priority()))
            .map(c -> c.source().value() + ":" + c.externalId()).orElseThrow();
        assertThat(primaries).contains(best);
      }
      if (firstPrimaries == null) {
        firstPrimaries = primaries;
        firstChart = chart;
      } else {
        assertThat(primaries).as("order " + order).isEqualTo(firstPrimaries);
        assertThat(chart).as("order " + order).isEqualTo(firstChart);
      }
    }
  }
}
