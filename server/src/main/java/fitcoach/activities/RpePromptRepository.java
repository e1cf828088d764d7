package fitcoach.activities;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of the RPE prompt: which recent activity still lacks the athlete's rating, and the dismissals (table
 * rpe_prompt_dismissals, owned here). Answering is an ordinary PATCH of the activity's rpe through the store.
 */
public final class RpePromptRepository {
  /**
   * The newest listed (primary) activity since {@code since} without an RPE. A workout counts as rated or dismissed when
   * any copy of it is (a later copy from another source may have become its primary), so it is asked about once.
   */
  private static final String PENDING = """
      SELECT a.id, a.name, a.sport_type, a.start_date_local, a.moving_time_s
      FROM activities a
      WHERE a.user_id = #{userId} AND a.primary_activity_id IS NULL AND a.rpe IS NULL AND a.local_date >= #{since}
        AND NOT EXISTS (SELECT 1 FROM activities c WHERE c.primary_activity_id = a.id AND c.rpe IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM rpe_prompt_dismissals d
                        WHERE d.activity_id = a.id
                           OR d.activity_id IN (SELECT c.id FROM activities c WHERE c.primary_activity_id = a.id))
      ORDER BY a.start_date DESC, a.id DESC
      LIMIT 1""";
  /** Records a dismissal of the athlete's own activity; answers how many of theirs had that id (0: not theirs). */
  private static final String DISMISS = """
      WITH owned AS (SELECT id, user_id FROM activities WHERE id = #{id} AND user_id = #{userId}),
           kept AS (INSERT INTO rpe_prompt_dismissals (activity_id, user_id) SELECT id, user_id FROM owned
                    ON CONFLICT (activity_id) DO NOTHING)
      SELECT count(*) AS owned FROM owned""";

  private final SqlTemplate<Map<String, Object>, RowSet<RpePrompt>> pending;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> dismiss;

  public RpePromptRepository(Pool pool) {
    this.pending = SqlTemplate.forQuery(pool, PENDING).mapTo(r -> new RpePrompt(r.getUUID("id"), r.getString("name"),
        r.getString("sport_type"), r.getLocalDateTime("start_date_local"), r.getInteger("moving_time_s")));
    this.dismiss = SqlTemplate.forQuery(pool, DISMISS);
  }

  public Future<Optional<RpePrompt>> pending(UUID userId, LocalDate since) {
    return pending.execute(Map.of("userId", userId, "since", since)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    });
  }

  /** False when the athlete has no activity with this id. Dismissing twice is harmless. */
  public Future<Boolean> dismiss(UUID userId, UUID activityId) {
    return dismiss.execute(Map.of("userId", userId, "id", activityId))
        .map(rows -> rows.iterator().next().getLong("owned") > 0);
  }
}
