package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: times the four range tools on ten years of demo data (about 3,100 activities), run only with
 * {@code -Dfitcoach.bench=true}. The demo records streams for its last two years only; every other ride and run gets a
 * copy of a recorded one's stored analysis, so the curve reads scan ten years of rows as they would for an athlete who
 * recorded everything. Calls go through one registry, as the app keeps one (memoised chart warm), and are timed
 * sequentially on this thread: p50/p95/max per case, plus the first (cold) call.
 */
@EnabledIfSystemProperty(named = "fitcoach.bench", matches = "true")
class RangeToolsBench extends RangeToolTestBase {
  private static final int WARM_UP = 20;
  private static final int RUNS = 200;

  private static final String FILL_CURVES = """
      WITH samples AS (
        SELECT c.*, row_number() OVER (PARTITION BY c.sport_family ORDER BY c.activity_id) AS k,
               count(*) OVER (PARTITION BY c.sport_family) AS n
        FROM activity_curves c),
      targets AS (
        SELECT a.id, a.user_id, a.sport_family, a.local_date,
               row_number() OVER (PARTITION BY a.sport_family ORDER BY a.id) AS k
        FROM activities a LEFT JOIN activity_streams s ON s.activity_id = a.id
        WHERE s.activity_id IS NULL AND a.sport_family IN (SELECT DISTINCT sport_family FROM activity_curves)),
      pairs AS (
        SELECT t.id, t.user_id, t.sport_family, t.local_date, s.engine_version, s.grid_seconds, s.moving_seconds,
               s.normalized_power, s.power, s.power_start, s.hr, s.hr_start, s.speed, s.speed_start, s.effort_time,
               s.effort_start, s.hr_hist, s.power_hist
        FROM targets t JOIN samples s ON s.sport_family = t.sport_family AND s.k = 1 + t.k % s.n),
      streams AS (
        INSERT INTO activity_streams (activity_id, point_count, stream_types, fetched_at)
        SELECT id, 0, '{}', now() FROM pairs RETURNING activity_id, fetched_at),
      curves AS (
        INSERT INTO activity_curves (activity_id, user_id, engine_version, sport_family, local_date, streams_at,
          grid_seconds, moving_seconds, normalized_power, power, power_start, hr, hr_start, speed, speed_start,
          effort_time, effort_start, hr_hist, power_hist)
        SELECT p.id, p.user_id, p.engine_version, p.sport_family, p.local_date, st.fetched_at, p.grid_seconds,
          p.moving_seconds, p.normalized_power, p.power, p.power_start, p.hr, p.hr_start, p.speed, p.speed_start,
          p.effort_time, p.effort_start, p.hr_hist, p.power_hist
        FROM pairs p JOIN streams st ON st.activity_id = p.id RETURNING 1)
      SELECT count(*) FROM curves""";

  @Test
  void tenYears() {
    long t0 = System.nanoTime();
    System.out.println("BENCH demo: " + app.demo(false, 10) + " (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (TestDatabase.count("""
        SELECT count(*) FROM activity_streams s LEFT JOIN activity_curves c ON c.activity_id = s.activity_id
        WHERE c.activity_id IS NULL""") > 0) {
      assertThat(System.nanoTime()).as("analysis of the demo streams").isLessThan(deadline);
      sleep(200);
    }
    long filled = TestDatabase.query(FILL_CURVES, rs -> rs.next() ? rs.getLong(1) : 0L);
    System.out.println("BENCH activities " + TestDatabase.count("SELECT count(*) FROM activities") + ", curve rows "
        + TestDatabase.count("SELECT count(*) FROM activity_curves") + " (" + filled + " copied), from "
        + TestDatabase.query("SELECT min(local_date)::text FROM activities", rs -> rs.next() ? rs.getString(1) : null));

    Map<String, String[]> cases = new LinkedHashMap<>();
    cases.put("training_load 120 days (daily)", new String[] {"training_load", range(119)});
    cases.put("training_load 2 years (weekly)", new String[] {"training_load", range(730)});
    cases.put("training_load 10 years (monthly)", new String[] {"training_load", range(3650)});
    cases.put("compare_periods Nov vs Nov", new String[] {"compare_periods", new JsonObject()
        .put("a_from", TODAY.minusYears(1).withDayOfMonth(1).toString()).put("a_to", TODAY.minusYears(1).withDayOfMonth(30).toString())
        .put("b_from", TODAY.minusDays(30).toString()).put("b_to", TODAY.toString()).encode()});
    cases.put("compare_periods 3 y vs 3 y", new String[] {"compare_periods", new JsonObject()
        .put("a_from", TODAY.minusDays(2191).toString()).put("a_to", TODAY.minusDays(1096).toString())
        .put("b_from", TODAY.minusDays(1095).toString()).put("b_to", TODAY.toString()).encode()});
    cases.put("performance_curve power 365 d", new String[] {"performance_curve", "{\"metric\":\"power\"}"});
    cases.put("performance_curve pace all time", new String[] {"performance_curve", "{\"metric\":\"pace\",\"from\":\"1970-01-01\"}"});
    cases.put("performance_curve hr all time", new String[] {"performance_curve", "{\"metric\":\"hr\",\"from\":\"1970-01-01\"}"});
    JsonArray block = new JsonArray();
    for (int i = 1; i <= 31; i++) {
      block.add(new JsonObject().put("date", TODAY.plusDays(i).toString()).put("load", i <= 21 ? 85.7 : 30));
    }
    cases.put("project_form 31 days", new String[] {"project_form", new JsonObject().put("days", block).encode()});
    cases.put("project_form 1 year", new String[] {"project_form", new JsonObject().put("days", block)
        .put("until", fitcoach.app.DateWindow.latest().toString()).encode()});

    // The app's own start-up and demo import may block an event loop on a loaded machine; the tools' calls may not.
    fitcoach.testing.BlockedThreadDetector.drain();
    breakdown();
    ToolRegistry registry = registry();
    ToolScope scope = new ToolScope(userId, false, TODAY);
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      String tool = c.getValue()[0];
      String args = c.getValue()[1];
      long c0 = System.nanoTime();
      ToolReply first = await(registry.call(scope, tool, args));
      long cold = System.nanoTime() - c0;
      assertThat(first.error()).as(first.content()).isFalse();
      for (int i = 0; i < WARM_UP; i++) {
        await(registry.call(scope, tool, args));
      }
      long[] ns = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long s = System.nanoTime();
        await(registry.call(scope, tool, args));
        ns[i] = System.nanoTime() - s;
      }
      Arrays.sort(ns);
      System.out.println(String.format(Locale.ROOT, "BENCH %-36s first %7.1f ms  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  %5d bytes  %s",
          c.getKey(), cold / 1e6, ns[RUNS / 2] / 1e6, ns[(int) (RUNS * 0.95)] / 1e6, ns[RUNS - 1] / 1e6, first.bytes(),
          first.summary()));
    }
    uncached(registry, scope);
  }

  /** Calls that miss every memo: the same shape with the range shifted a day each time. p50/p95 of 60. */
  private void uncached(ToolRegistry registry, ToolScope scope) {
    Map<String, java.util.function.IntFunction<String[]>> shapes = new LinkedHashMap<>();
    shapes.put("compare_periods Nov vs Nov", i -> new String[] {"compare_periods", new JsonObject()
        .put("a_from", TODAY.minusDays(400 + i).toString()).put("a_to", TODAY.minusDays(370 + i).toString())
        .put("b_from", TODAY.minusDays(35 + i).toString()).put("b_to", TODAY.minusDays(5 + i).toString()).encode()});
    shapes.put("compare_periods 3 y vs 3 y", i -> new String[] {"compare_periods", new JsonObject()
        .put("a_from", TODAY.minusDays(2191 + i).toString()).put("a_to", TODAY.minusDays(1096 + i).toString())
        .put("b_from", TODAY.minusDays(1095 + i).toString()).put("b_to", TODAY.minusDays(i).toString()).encode()});
    shapes.put("performance_curve power 365 d", i -> new String[] {"performance_curve",
        new JsonObject().put("metric", "power").put("to", TODAY.minusDays(i).toString()).encode()});
    shapes.put("performance_curve pace all time", i -> new String[] {"performance_curve",
        new JsonObject().put("metric", "pace").put("from", "1970-01-01").put("to", TODAY.minusDays(i).toString()).encode()});
    shapes.put("performance_curve hr all time", i -> new String[] {"performance_curve",
        new JsonObject().put("metric", "hr").put("from", "1970-01-01").put("to", TODAY.minusDays(i).toString()).encode()});
    for (Map.Entry<String, java.util.function.IntFunction<String[]>> e : shapes.entrySet()) {
      long[] ns = new long[60];
      for (int i = 0; i < 65; i++) {
        String[] c = e.getValue().apply(i + 1);
        long s = System.nanoTime();
        ToolReply r = await(registry.call(scope, c[0], c[1]));
        assertThat(r.error()).as(r.content()).isFalse();
        if (i >= 5) {
          ns[i - 5] = System.nanoTime() - s;
        }
      }
      Arrays.sort(ns);
      System.out.println(String.format(Locale.ROOT, "BENCH uncached %-36s p50 %6.2f ms  p95 %6.2f ms", e.getKey(),
          ns[30] / 1e6, ns[57] / 1e6));
    }
  }

  /** Where a call's time goes: each read on its own, sequentially, p50/p95 of 50. */
  private void breakdown() {
    ToolRangeSql sql = new ToolRangeSql(pool);
    var load = loadService();
    ToolRangeSql.Range three = new ToolRangeSql.Range(userId, false, TODAY.minusDays(1095), TODAY, null);
    ToolRangeSql.Range all = new ToolRangeSql.Range(userId, false, fitcoach.app.DateWindow.EARLIEST, TODAY, null);
    java.util.List<Integer> idx = java.util.List.of(3, 6, 8, 10, 12, 15, 17, 20, 21, 23, 25);
    Map<String, java.util.function.Supplier<io.vertx.core.Future<?>>> reads = new LinkedHashMap<>();
    reads.put("forCoach (memoised)", () -> load.forCoach(userId, false));
    reads.put("datedForCoach (memoised)", () -> load.datedForCoach(userId, false));
    reads.put("sql activities 3 y", () -> sql.activities(three));
    reads.put("sql histograms 3 y", () -> sql.histograms(three));
    reads.put("sql curve hr all time", () -> sql.curve(all, "hr", idx));
    reads.put("sql efforts all time", () -> sql.efforts(new ToolRangeSql.Range(userId, false, fitcoach.app.DateWindow.EARLIEST, TODAY, "run")));
    for (Map.Entry<String, java.util.function.Supplier<io.vertx.core.Future<?>>> r : reads.entrySet()) {
      long[] ns = new long[50];
      for (int i = 0; i < 55; i++) {
        long s = System.nanoTime();
        await(r.getValue().get());
        if (i >= 5) {
          ns[i - 5] = System.nanoTime() - s;
        }
      }
      Arrays.sort(ns);
      System.out.println(String.format(Locale.ROOT, "BENCH part %-30s p50 %6.2f ms  p95 %6.2f ms", r.getKey(), ns[25] / 1e6,
          ns[47] / 1e6));
    }
  }

  private static String range(int days) {
    return new JsonObject().put("from", TODAY.minusDays(days).toString()).put("to", TODAY.toString()).encode();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
