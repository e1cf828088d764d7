package fitcoach.testing;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivitySource;
import fitcoach.activities.ActivityStore;
import fitcoach.boot.FitCoachApp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Test data: activities created through the app's own activity store, as every source creates them (grouped with
 * other copies of the same workout, loads and the chart brought up to date before it returns).
 */
public final class Workouts {
  private Workouts() {
  }

  /** A steady workout as a source delivers it: {@code seconds} long at {@code avgHr}, over {@code meters}. */
  public static ActivityInput copy(ActivitySource source, String externalId, String sportType, String name, Instant start,
                                   int seconds, Double meters, Double avgHr) {
    return new ActivityInput(source, externalId, sportType, name, null, null, start,
        LocalDateTime.ofInstant(start, ZoneOffset.UTC), "UTC", seconds, seconds, meters, null, avgHr,
        avgHr == null ? null : avgHr + 15, null, null, null, null, null, null, null, null, null, false, false,
        source == ActivitySource.MANUAL, null, null, null, null, null);
  }

  /** Stores the copies (one write) and waits until loads and the chart include them; their ids, in order. */
  public static List<UUID> store(FitCoachApp app, List<ActivityInput> copies) {
    UUID userId = TestDatabase.query("SELECT id FROM users", rs -> {
      rs.next();
      return UUID.fromString(rs.getString(1));
    });
    try {
      ActivityStore.Stored<List<ActivityStore.Saved>> stored = app.activityStore().write(userId, w -> w.insert(copies, true))
          .compose(s -> s.settled().map(s)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return stored.value().stream().map(ActivityStore.Saved::id).toList();
    } catch (Exception e) {
      throw new AssertionError("storing test activities failed", e);
    }
  }

  public static UUID store(FitCoachApp app, ActivityInput copy) {
    return store(app, List.of(copy)).get(0);
  }

  /** Stores samples for an activity (gzip-compressed JSON keyed by stream type), as a sync or import would. */
  public static void streams(FitCoachApp app, UUID activityId, byte[] gzippedJson, List<String> types, int points) {
    UUID userId = TestDatabase.query("SELECT user_id FROM activities WHERE id = ?::uuid", rs -> {
      rs.next();
      return UUID.fromString(rs.getString(1));
    }, activityId.toString());
    try {
      app.activityStore().write(userId, w -> w.saveStreams(activityId, new ActivityInput.StreamData(points, gzippedJson, types)))
          .compose(ActivityStore.Stored::whenSettled).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("storing test streams failed", e);
    }
  }
}
