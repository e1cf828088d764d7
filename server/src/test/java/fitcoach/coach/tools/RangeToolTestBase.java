package fitcoach.coach.tools;

import static fitcoach.testing.AnalysisJson.streams;
import static fitcoach.testing.AnalysisJson.types;
import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivitySource;
import fitcoach.analytics.LoadService;
import fitcoach.app.Db;
import fitcoach.settings.ProfileRepository;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The range tools against the real app and database: activities stored through the activity store (loads and the chart
 * brought up to date), 1 Hz streams analysed by the app's worker, and the tools called through a {@link ToolRegistry}
 * built as the app builds it, with a LoadService of its own that reads what is stored now.
 */
abstract class RangeToolTestBase extends ApiTest {
  /** The athlete's today: the default profile is in UTC. */
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  protected Pool pool;
  protected UUID userId;

  @BeforeAll
  void openPool() {
    pool = Db.pool(app.vertx(), TestDatabase.url());
  }

  @AfterAll
  void closePool() {
    if (pool != null) {
      pool.close();
    }
  }

  @BeforeEach
  void account() {
    signedIn();
    userId = UUID.fromString(TestDatabase.query("SELECT id::text FROM users", rs -> rs.next() ? rs.getString(1) : null));
  }

  /** A registry over a fresh LoadService, so the call reads the data as stored now (no memo of an earlier version). */
  ToolRegistry registry() {
    ProfileRepository profiles = new ProfileRepository(pool);
    LoadService load = LoadService.create(pool, profiles, null);
    return CoachTools.create(pool, load, profiles,
        fitcoach.plan.PlanService.create(pool, id -> load.series(id).map(snapshot -> snapshot.series())));
  }

  LoadService loadService() {
    ProfileRepository profiles = new ProfileRepository(pool);
    return LoadService.create(pool, profiles, null);
  }

  ToolReply call(boolean includeStravaApi, String tool, String arguments) {
    return await(registry().call(new ToolScope(userId, includeStravaApi, TODAY), tool, arguments));
  }

  /** A successful call's result (failing the test on an error reply). */
  String ok(boolean includeStravaApi, String tool, String arguments) {
    ToolReply reply = call(includeStravaApi, tool, arguments);
    assertThat(reply.error()).as(reply.content()).isFalse();
    assertThat(reply.bytes()).isLessThanOrEqualTo(ToolRegistry.MAX_RESULT_BYTES);
    return reply.content();
  }

  JsonObject json(boolean includeStravaApi, String tool, String arguments) {
    return new JsonObject(ok(includeStravaApi, tool, arguments));
  }

  /** An error reply's message (failing the test on success). */
  String error(String tool, String arguments) {
    ToolReply reply = call(false, tool, arguments);
    assertThat(reply.error()).as(reply.content()).isTrue();
    assertThat(reply.activityIds()).isEmpty();
    return reply.content();
  }

  /** A workout without streams: {@code seconds} at {@code avgHr} over {@code meters}, at 07:00 UTC on {@code date}. */
  UUID activity(ActivitySource source, String sportType, String name, LocalDate date, int seconds, double meters, Double avgHr) {
    return Workouts.store(app, Workouts.copy(source, source.value() + "-" + UUID.randomUUID(), sportType, name,
        date.atTime(7, 0).toInstant(ZoneOffset.UTC), seconds, meters, avgHr));
  }

  /** A ride with 1 s samples of power and heart rate (either may be null) at 8 m/s. */
  UUID ride(ActivitySource source, String name, LocalDate date, int hour, double[] watts, double[] hr, Double avgHr) {
    int n = watts != null ? watts.length : hr.length;
    UUID id = Workouts.store(app, Workouts.copy(source, "ride-" + UUID.randomUUID(), "Ride", name,
        date.atTime(hour, 0).toInstant(ZoneOffset.UTC), n, 8.0 * n, avgHr));
    Workouts.streams(app, id, streams(watts, hr, 8.0, null), types(watts != null, hr != null, true, false), n);
    return id;
  }

  /** A run at a constant speed with a distance stream. */
  UUID run(ActivitySource source, String name, LocalDate date, double speed, int seconds) {
    double[] distance = new double[seconds];
    for (int i = 0; i < seconds; i++) {
      distance[i] = speed * i;
    }
    UUID id = Workouts.store(app, Workouts.copy(source, "run-" + UUID.randomUUID(), "Run", name,
        date.atTime(7, 0).toInstant(ZoneOffset.UTC), seconds, distance[seconds - 1], 150.0));
    Workouts.streams(app, id, streams(null, null, speed, distance), types(false, false, true, true), seconds);
    return id;
  }

  static double[] constant(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** Waits until the app's worker has stored an analysis for {@code total} activities. */
  static void awaitAnalysed(int total) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (TestDatabase.count("SELECT count(*) FROM activity_curves") < total) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the analysis did not finish: "
            + TestDatabase.count("SELECT count(*) FROM activity_curves") + " of " + total);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }



  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
