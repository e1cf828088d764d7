package fitcoach.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivitySource;
import fitcoach.activities.ActivityStore;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Estimated thresholds move with the whole history: each move is recorded with its evidence and the number of past
 * loads it changed (GET /api/load/estimate-changes), for the dashboard's notice.
 */
class EstimateChangesTest extends ApiTest {
  private UUID me;

  @BeforeEach
  void signIn() {
    signedIn();
    me = userId("athlete@example.com");
  }

  private static UUID userId(String email) {
    return TestDatabase.query("SELECT id FROM users WHERE email = ?", rs -> {
      rs.next();
      return UUID.fromString(rs.getString(1));
    }, email);
  }

  /** A run with heart rate {@code daysAgo} days ago; its max HR is {@code avgHr} + 15 (see Workouts.copy). */
  private static ActivityInput run(String id, int daysAgo, double avgHr) {
    return Workouts.copy(ActivitySource.FILE, id, "Run", "Run " + id, Instant.now().minus(Duration.ofDays(daysAgo)), 3600,
        10_000.0, avgHr);
  }

  /** Stores the copies as an import does and waits until loads, chart and estimates are up to date. */
  private List<UUID> store(UUID userId, ActivityInput... copies) {
    try {
      ActivityStore.Stored<List<ActivityStore.Saved>> stored = app.activityStore().write(userId, w -> w.insert(List.of(copies), true))
          .compose(s -> s.settled().map(s)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return stored.value().stream().map(ActivityStore.Saved::id).toList();
    } catch (Exception e) {
      throw new AssertionError("storing test activities failed", e);
    }
  }

  private JsonArray changes() {
    var r = client.get("/api/load/estimate-changes");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.jsonArray("changes");
  }

  private static JsonObject ofKind(JsonArray changes, String kind) {
    List<JsonObject> found = changes.stream().map(o -> (JsonObject) o).filter(c -> kind.equals(c.getString("kind"))).toList();
    assertThat(found).as(kind + " changes").hasSize(1);
    return found.get(0);
  }

  @Test
  @DisplayName("Importing a run with a new high max HR records one change of max HR and of LTHR, with that run as the cause")
  void importMovesTheEstimate() {
    List<UUID> first = store(me, run("a", 30, 160), run("c", 20, 155));
    assertThat(changes()).as("the first estimate has nothing before it to move from").isEmpty();
    double loadBefore = client.get("/api/activities/" + first.get(0)).json().getDouble("load");

    UUID b = store(me, run("b", 5, 170)).get(0);

    JsonArray changes = changes();
    assertThat(changes).hasSize(2);
    JsonObject maxHr = ofKind(changes, "max_hr");
    // The estimate is the second-highest clean maximum: 170 (c) before, 175 (a) after b's 185 joined.
    assertThat(maxHr.getDouble("oldValue")).isEqualTo(170.0);
    assertThat(maxHr.getDouble("newValue")).isEqualTo(175.0);
    assertThat(maxHr.getString("basis")).isEqualTo("observed");
    assertThat(maxHr.getString("causeActivityId")).isEqualTo(b.toString());
    JsonArray evidence = maxHr.getJsonArray("evidence");
    assertThat(evidence.stream().map(o -> ((JsonObject) o).getString("activityId")))
        .containsExactly(b.toString(), first.get(0).toString());
    assertThat(evidence.getJsonObject(0).getDouble("maxHr")).isEqualTo(185.0);
    assertThat(evidence.getJsonObject(0).getString("name")).isEqualTo("Run b");
    assertThat(maxHr.getInteger("loadsChanged")).as("a's and c's heart-rate loads").isEqualTo(2);
    assertThat(maxHr.getValue("dismissedAt")).isNull();

    JsonObject lthr = ofKind(changes, "lthr");
    assertThat(lthr.getDouble("oldValue")).isEqualTo(60 + 0.85 * (170 - 60));
    assertThat(lthr.getDouble("newValue")).isEqualTo(60 + 0.85 * (175 - 60));
    assertThat(lthr.getString("causeActivityId")).isEqualTo(b.toString());
    assertThat(client.get("/api/activities/" + first.get(0)).json().getDouble("load"))
        .as("the untouched run's load really changed").isNotEqualTo(loadBefore);
  }

  @Test
  @DisplayName("Two FitCoaches on one database noticing the same move at once record it once, with the evidence the estimate used")
  void twoWritersRecordOneMove() throws Exception {
    store(me, run("a", 30, 160), run("b", 20, 170), run("c", 10, 150));
    io.vertx.sqlclient.Pool one = fitcoach.app.Db.pool(app.vertx(), TestDatabase.url());
    io.vertx.sqlclient.Pool two = fitcoach.app.Db.pool(app.vertx(), TestDatabase.url());
    try {
      ObservedMaxHr observed = new LoadRepository(one).observedMaxHr(me).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      var facts = new fitcoach.load.ProfileFacts(fitcoach.load.Sex.UNKNOWN, null, null, null, null, null, observed.values(),
          new double[0]);
      var now = fitcoach.load.ProfileEstimator.estimate(facts);
      assertThat(now.maxHr()).isEqualTo(175.0);
      var first = new EstimateChanges(new EstimateRepository(one));
      var second = new EstimateChanges(new EstimateRepository(two));
      for (int round = 0; round < 5; round++) {
        // As if the last estimate kept were older: both instances see max HR move from 165 to 175 and compare at once.
        TestDatabase.query("DELETE FROM threshold_estimate_changes", rs -> null);
        TestDatabase.query("UPDATE threshold_estimates SET value = 165 WHERE kind = 'max_hr'", rs -> null);
        io.vertx.core.Future.all(first.recompute(me, now, facts, observed, 3), second.recompute(me, now, facts, observed, 3))
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(TestDatabase.count("SELECT count(*) FROM threshold_estimate_changes WHERE kind = 'max_hr'"))
            .as("round %d: max HR changes recorded", round).isEqualTo(1);
      }
      JsonObject maxHr = ofKind(changes(), "max_hr");
      assertThat(maxHr.getDouble("oldValue")).isEqualTo(165.0);
      assertThat(maxHr.getDouble("newValue")).isEqualTo(175.0);
      assertThat(maxHr.getJsonArray("evidence").stream().map(e -> ((JsonObject) e).getDouble("maxHr")).toList())
          .as("the two highest maxima, the estimate last").containsExactly(185.0, 175.0);
    } finally {
      one.close();
      two.close();
    }
  }

  @Test
  @DisplayName("A recompute that moves no estimate records nothing; deleting the run that moved it records the way back")
  void nothingMovesNothingRecorded() {
    store(me, run("a", 30, 160), run("c", 20, 155));
    UUID b = store(me, run("b", 5, 170)).get(0);
    assertThat(changes()).hasSize(2);

    assertThat(client.post("/api/load/recompute", null).status()).isEqualTo(200);
    store(me, run("d", 3, 120));
    assertThat(changes()).as("a recompute and an easy run move no estimate").hasSize(2);

    assertThat(client.delete("/api/activities/" + b).status()).isEqualTo(200);
    JsonArray changes = changes();
    assertThat(changes).hasSize(4);
    JsonObject back = changes.getJsonObject(0).getString("kind").equals("max_hr") ? changes.getJsonObject(0) : changes.getJsonObject(1);
    assertThat(back.getString("kind")).isEqualTo("max_hr");
    assertThat(back.getDouble("oldValue")).isEqualTo(175.0);
    assertThat(back.getDouble("newValue")).isEqualTo(170.0);
    assertThat(back.getValue("causeActivityId")).as("no activity joined the evidence: one left it").isNull();
  }

  @Test
  @DisplayName("Entering max HR and LTHR stops tracking their estimates: the athlete's own values move no notice")
  void enteredValuesAreNotEstimates() {
    store(me, run("a", 30, 160), run("c", 20, 155));
    var put = client.put("/api/settings/profile", new JsonObject().put("maxHr", 190).put("lthr", 170));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    store(me, run("b", 5, 170));
    assertThat(changes().stream().map(o -> ((JsonObject) o).getString("kind"))).doesNotContain("max_hr", "lthr");
  }

  @Test
  @DisplayName("Dismissed changes stay listed with their time; another athlete's changes are neither listed nor dismissable")
  void dismissAndOtherAthletes() {
    // The app keeps one account; a second is made in the database for this test only (as AiLedgerTest does).
    TestDatabase.query("DROP INDEX users_single_account", rs -> null);
    try {
      UUID other = userId(TestDatabase.query(
          "INSERT INTO users (email, password_hash) VALUES ('b@example.com', 'x') RETURNING email", rs -> {
            rs.next();
            return rs.getString(1);
          }));
      store(other, run("x", 30, 160), run("y", 20, 155));
      store(other, run("z", 5, 170));
      assertThat(TestDatabase.count("SELECT count(*) FROM threshold_estimate_changes WHERE user_id = ?::uuid", other.toString()))
          .isEqualTo(2);
      assertThat(changes()).isEmpty();
      String theirs = TestDatabase.query("SELECT id FROM threshold_estimate_changes WHERE user_id = ?::uuid LIMIT 1", rs -> {
        rs.next();
        return rs.getString(1);
      }, other.toString());
      var denied = client.post("/api/load/estimate-changes/dismiss", new JsonObject().put("ids", new JsonArray().add(theirs)));
      assertThat(denied.status()).isEqualTo(200);
      assertThat(denied.json().getInteger("dismissed")).isZero();
      assertThat(TestDatabase.count("SELECT count(*) FROM threshold_estimate_changes WHERE dismissed_at IS NOT NULL")).isZero();
    } finally {
      TestDatabase.query("DELETE FROM users WHERE email = 'b@example.com'", rs -> null);
      TestDatabase.query("CREATE UNIQUE INDEX users_single_account ON users ((true))", rs -> null);
    }

    store(me, run("a", 30, 160), run("c", 20, 155));
    store(me, run("b", 5, 170));
    JsonArray mine = changes();
    JsonArray ids = new JsonArray();
    mine.forEach(o -> ids.add(((JsonObject) o).getString("id")));
    var dismissed = client.post("/api/load/estimate-changes/dismiss", new JsonObject().put("ids", ids));
    assertThat(dismissed.json().getInteger("dismissed")).isEqualTo(2);
    assertThat(changes().stream().map(o -> ((JsonObject) o).getValue("dismissedAt"))).doesNotContainNull();

    assertThat(client.post("/api/load/estimate-changes/dismiss", new JsonObject().put("ids", new JsonArray())).status())
        .isEqualTo(422);
    assertThat(client.post("/api/load/estimate-changes/dismiss", new JsonObject().put("ids", new JsonArray().add("nope")))
        .status()).isEqualTo(422);
    assertThat(client.post("/api/load/estimate-changes/dismiss", new JsonObject().put("ids", "all")).status()).isEqualTo(422);
  }
}
