package fitcoach.coach.tools;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivityLap;
import fitcoach.activities.ActivitySource;
import fitcoach.analytics.LoadService;
import fitcoach.app.Db;
import fitcoach.settings.ProfileRepository;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The coach's tools over the real app's data: activities stored through its activity store, the tools built by
 * {@link CoachTools#create} on a pool of their own and called as the coach calls them, through
 * {@link ToolRegistry#call(ToolScope, String, String)} with the arguments as JSON text.
 */
abstract class ToolTestBase extends ApiTest {
  protected Pool pool;
  protected ToolRegistry registry;
  protected UUID userId;

  @BeforeAll
  void tools() {
    pool = Db.pool(app.vertx(), TestDatabase.url());
  }

  @AfterAll
  void closePool() {
    if (pool != null) {
      await(pool.close());
    }
  }

  /**
   * A fresh registry per test (its load service caches the athlete's chart from its first call: store the test's data
   * before calling a tool).
   */
  @BeforeEach
  void account() {
    signedIn();
    userId = TestDatabase.query("SELECT id FROM users", rs -> {
      rs.next();
      return UUID.fromString(rs.getString(1));
    });
    ProfileRepository profiles = new ProfileRepository(pool);
    LoadService load = LoadService.create(pool, profiles, null);
    registry = CoachTools.create(pool, load, profiles,
        fitcoach.plan.PlanService.create(pool, id -> load.series(id).map(snapshot -> snapshot.series())));
  }

  protected ToolReply call(String name, String argumentsJson, boolean includeStravaApi) {
    return await(registry.call(new ToolScope(userId, includeStravaApi, LocalDate.now(ZoneOffset.UTC)), name, argumentsJson));
  }

  /** A successful call's result, parsed. */
  protected JsonObject result(String name, String argumentsJson, boolean includeStravaApi) {
    ToolReply reply = call(name, argumentsJson, includeStravaApi);
    assertThat(reply.error()).as(reply.content()).isFalse();
    assertThat(reply.bytes()).isLessThanOrEqualTo(ToolRegistry.MAX_RESULT_BYTES);
    return new JsonObject(reply.content());
  }

  /** A copy as a source delivers it, with the athlete's description and notes and optionally laps. */
  static ActivityInput copy(ActivitySource source, String externalId, String sportType, String name, String description,
                            String notes, Instant start, int seconds, Double meters, Double avgHr, Double avgPowerW,
                            List<ActivityLap> laps) {
    return new ActivityInput(source, externalId, sportType, name, description, notes, start,
        LocalDateTime.ofInstant(start, ZoneOffset.UTC), "UTC", seconds, seconds, meters, null, avgHr,
        avgHr == null ? null : avgHr + 15, avgPowerW, avgPowerW, avgPowerW == null ? null : true, null, null, null, null,
        null, null, false, false, source == ActivitySource.MANUAL, null, null, null, null, null, laps);
  }

  protected UUID store(ActivityInput copy) {
    return Workouts.store(app, copy);
  }

  static Instant daysAgo(int days) {
    return LocalDate.now(ZoneOffset.UTC).minusDays(days).atTime(7, 0).toInstant(ZoneOffset.UTC);
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
