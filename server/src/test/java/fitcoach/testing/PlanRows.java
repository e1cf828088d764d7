package fitcoach.testing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Planned workouts and events written straight into V020's tables for the single account, for tests of what reads the
 * plan (the chart's projection) on a branch where the plan's own routes do not exist.
 */
public final class PlanRows {
  private PlanRows() {
  }

  /** An hour-long workout linked automatically (by date and sport family). */
  public static UUID workout(LocalDate day, String sport, double targetLoad) {
    return workout(day, sport, targetLoad, "auto", null);
  }

  /** {@code link} auto, manual or none; {@code activityId} the activity a manual link names (or null). */
  public static UUID workout(LocalDate day, String sport, Double targetLoad, String link, UUID activityId) {
    UUID id = UUID.randomUUID();
    TestDatabase.query("""
        INSERT INTO planned_workouts (id, user_id, day, sport, title, duration_s, target_load, link, activity_id)
        VALUES (?, (SELECT id FROM users), ?, ?, ?, 3600, CAST(? AS double precision), ?, CAST(? AS uuid))""",
        rs -> null, id, day, sport, sport + " on " + day, targetLoad, link, activityId == null ? null : activityId.toString());
    return id;
  }

  public static UUID event(LocalDate day, String name, String sport, String priority) {
    UUID id = UUID.randomUUID();
    TestDatabase.query("""
        INSERT INTO planned_events (id, user_id, day, name, sport, priority) VALUES (?, (SELECT id FROM users), ?, ?, ?, ?)""",
        rs -> null, id, day, name, sport, priority);
    return id;
  }
}
