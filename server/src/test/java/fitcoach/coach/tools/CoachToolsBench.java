package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Timing of the activity tools (search_activities, get_activity, athlete_profile) on ten years of demo data (about
 * 3,000 activities), called as the coach calls them (ToolRegistry.call with JSON text, result written and guarded).
 * Not a test (no assertions on time; surefire skips it by name): run it with
 * {@code mvn -o -pl server test -Dtest=CoachToolsBench}. Prints p50/p95/max per tool and writes them to
 * {@code server/target/coach-tools-bench.txt}.
 */
class CoachToolsBench extends ToolTestBase {
  private static final int WARM_UP = 30;
  private static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("RUNS", "200"));

  @Test
  void tenYearsOfDemoData() throws Exception {
    long t0 = System.nanoTime();
    var demo = client.post("/api/demo", new JsonObject().put("years", 10));
    assertThat(demo.status()).as(demo.toString()).isLessThan(300);
    long activities = fitcoach.testing.TestDatabase.count("SELECT count(*) FROM activities");
    long withStreams = fitcoach.testing.TestDatabase.count("SELECT count(*) FROM activity_streams");
    StringBuilder report = new StringBuilder(String.format("demo: %d activities (%d with streams) loaded in %d ms%n",
        activities, withStreams, (System.nanoTime() - t0) / 1_000_000));

    // Loading the demo recomputes ten years of loads (the app's own work, reported blocked on a loaded machine); only
    // what the tools do from here on counts.
    fitcoach.testing.BlockedThreadDetector.drain();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (System.getenv("EXPLAIN") != null) {
      String sql = "EXPLAIN (ANALYZE, BUFFERS) " + System.getenv("EXPLAIN").replace("$USER", "'" + userId + "'")
          .replace("$ID", "(SELECT id FROM activities ORDER BY moving_time_s DESC NULLS LAST LIMIT 1)");
      var plan = await(pool.query(sql).execute());
      plan.forEach(r -> report.append(r.getString(0)).append('\n'));
    }
    List<String> searches = List.of("{}", "{\"sport\":\"run\",\"sort\":\"distance\",\"limit\":50}",
        "{\"text\":\"tempo\"}", "{\"sort\":\"load\",\"limit\":50}",
        "{\"from\":\"" + today.minusYears(3) + "\",\"to\":\"" + today.minusYears(2) + "\",\"sport\":\"ride\"}",
        "{\"sort\":\"duration\",\"limit\":50,\"from\":\"" + today.minusYears(1) + "\"}");
    long cold = System.nanoTime();
    call(SearchActivitiesTool.NAME, "{}", false);
    report.append(String.format("first call (coach's loads computed, then memoised): %.1f ms%n", (System.nanoTime() - cold) / 1e6));
    // That first call runs LoadService.forCoach's engine pass over every activity on the event loop (its own design,
    // shared with the coach's context): reported apart, so the timed calls below are what is checked for blocking.
    List<String> firstCallWarnings = fitcoach.testing.BlockedThreadDetector.drain();
    report.append("blocked-thread warnings during the first call: ").append(firstCallWarnings.size()).append('\n');

    // Activities to look at: the newest (with streams), and a spread over the years.
    List<String> ids = new ArrayList<>();
    JsonObject recent = new JsonObject(call(SearchActivitiesTool.NAME, "{\"limit\":50}", false).content());
    JsonObject longest = new JsonObject(call(SearchActivitiesTool.NAME, "{\"sort\":\"duration\",\"limit\":50}", false).content());
    for (JsonObject r : List.of(recent, longest)) {
      for (Object row : r.getJsonArray("rows")) {
        ids.add(((JsonArray) row).getString(0));
      }
    }

    Map<String, double[]> times = new LinkedHashMap<>();
    times.put("search_activities", time(i -> call(SearchActivitiesTool.NAME, searches.get(i % searches.size()), false)));
    times.put("get_activity", time(i -> call(GetActivityTool.NAME, "{\"id\":\"" + ids.get(i % ids.size()) + "\"}", false)));
    times.put("athlete_profile", time(i -> call(AthleteProfileTool.NAME, "{}", false)));
    List<String> streamed = fitcoach.testing.TestDatabase.query("""
        SELECT s.activity_id::text FROM activity_streams s ORDER BY s.point_count DESC LIMIT 50""", rs -> {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    });
    List<String> plain = fitcoach.testing.TestDatabase.query("""
        SELECT a.id::text FROM activities a WHERE NOT EXISTS (SELECT 1 FROM activity_streams s WHERE s.activity_id = a.id)
        ORDER BY a.start_date DESC LIMIT 50""", rs -> {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    });
    times.put("  get_activity, the 50 longest streams", time(i -> call(GetActivityTool.NAME,
        "{\"id\":\"" + streamed.get(i % streamed.size()) + "\"}", false)));
    times.put("  get_activity, 50 without streams", time(i -> call(GetActivityTool.NAME,
        "{\"id\":\"" + plain.get(i % plain.size()) + "\"}", false)));
    // Where the time goes: the SQL alone (search rows; one activity with its streams' bytes) and the ping of the pool.
    ToolActivitySql sql = new ToolActivitySql(pool);
    times.put("  sql all workouts (once per data version)", time(i -> {
      await(sql.all(userId, false));
      return OK;
    }));
    times.put("  sql activity", time(i -> {
      await(sql.activity(userId, false, java.util.UUID.fromString(ids.get(i % ids.size()))));
      return OK;
    }));
    times.put("  sql SELECT 1", time(i -> {
      await(pool.query("SELECT 1").execute());
      return OK;
    }));
    for (Map.Entry<String, double[]> e : times.entrySet()) {
      double[] t = e.getValue();
      Arrays.sort(t);
      report.append(String.format("%-44s n=%d p50 %.2f ms  p95 %.2f ms  max %.2f ms%n", e.getKey(), t.length,
          t[t.length / 2], t[(int) Math.ceil(t.length * 0.95) - 1], t[t.length - 1]));
    }
    System.out.print(report);
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "coach-tools-bench.txt"), report.toString());
  }

  private static final ToolReply OK = new ToolReply("-", new JsonObject(), "-", "{}", false, "-", List.of());

  private interface Call {
    ToolReply run(int i);
  }

  private static double[] time(Call call) {
    for (int i = 0; i < WARM_UP; i++) {
      ToolReply r = call.run(i);
      assertThat(r.error()).as(r.content()).isFalse();
    }
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      call.run(i);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    return ms;
  }
}
