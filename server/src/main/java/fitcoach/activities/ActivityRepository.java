package fitcoach.activities;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** SQL that reads activities: lists, pages and one activity with its merged copies. Writes go through ActivityStore. */
public final class ActivityRepository {
  static final String COLUMNS = """
      id, source, external_id, sport_type, sport_family, name, description, notes, start_date, start_date_local, time_zone,
      moving_time_s, elapsed_time_s, distance_m, elevation_gain_m, avg_hr, max_hr, avg_power_w, weighted_power_w,
      device_watts, kilojoules, avg_cadence, avg_speed_mps, max_speed_mps, rpe, calories, trainer, commute, manual,
      summary_polyline, load, load_method, load_uses_estimate, load_override, created_at, updated_at, primary_activity_id,
      merge_reason, merged_at, merge_choice, legs, raw ->> 'file' AS file_name,
      (SELECT json_agg(json_build_object('id', o.id, 'source', o.source, 'reason', o.merge_reason, 'mergedAt', o.merged_at)
                       ORDER BY o.group_rank, o.id)
         FROM activities o WHERE o.primary_activity_id = activities.id) AS merged""";
  private static final String ONE = "SELECT " + COLUMNS + " FROM activities WHERE user_id = #{userId} AND id = #{id}";
  private static final String SUMMARY_COLUMNS = """
      id, source, sport_type, sport_family, name, start_date, start_date_local, time_zone, moving_time_s, elapsed_time_s,
      distance_m, elevation_gain_m, avg_hr, max_hr, avg_power_w, weighted_power_w, rpe, trainer, commute, manual,
      load, load_method, load_uses_estimate, load_override""";

  static final RowMapper<ActivitySummary> SUMMARY = (Row r) -> {
    Double override = r.getDouble("load_override");
    return new ActivitySummary(r.getUUID("id"), r.getString("source"), r.getString("sport_type"), r.getString("sport_family"),
        r.getString("name"), r.getOffsetDateTime("start_date").toInstant(), r.getLocalDateTime("start_date_local"),
        r.getString("time_zone"), r.getInteger("moving_time_s"), r.getInteger("elapsed_time_s"), r.getDouble("distance_m"),
        r.getDouble("elevation_gain_m"), r.getDouble("avg_hr"), r.getDouble("max_hr"), r.getDouble("avg_power_w"),
        r.getDouble("weighted_power_w"), r.getInteger("rpe"), r.getBoolean("trainer"), r.getBoolean("commute"),
        r.getBoolean("manual"), override != null ? override : r.getDouble("load"),
        override != null ? "MANUAL" : r.getString("load_method"),
        override == null && Boolean.TRUE.equals(r.getBoolean("load_uses_estimate")));
  };

  static final RowMapper<ActivityView> VIEW = (Row r) -> {
    Double computed = r.getDouble("load");
    Double override = r.getDouble("load_override");
    String sport = r.getString("sport_type");
    List<Object> legs = r.getValue("legs") instanceof io.vertx.core.json.JsonArray array ? array.getList() : null;
    boolean multisport = legs != null && !legs.isEmpty();
    return new ActivityView(r.getUUID("id"), r.getString("source"), r.getString("external_id"), sport,
        r.getString("sport_family"), r.getString("name"), r.getString("description"), r.getString("notes"),
        r.getOffsetDateTime("start_date").toInstant(), r.getLocalDateTime("start_date_local"), r.getString("time_zone"),
        r.getInteger("moving_time_s"), r.getInteger("elapsed_time_s"), r.getDouble("distance_m"), r.getDouble("elevation_gain_m"),
        r.getDouble("avg_hr"), r.getDouble("max_hr"), r.getDouble("avg_power_w"), r.getDouble("weighted_power_w"),
        r.getBoolean("device_watts"), r.getDouble("kilojoules"), StepCadence.average(r.getDouble("avg_cadence"), sport, multisport),
        r.getDouble("avg_speed_mps"),
        r.getDouble("max_speed_mps"), r.getInteger("rpe"), r.getDouble("calories"), r.getBoolean("trainer"),
        r.getBoolean("commute"), r.getBoolean("manual"), r.getString("summary_polyline"),
        override != null ? override : computed, override != null ? "MANUAL" : r.getString("load_method"),
        override == null && Boolean.TRUE.equals(r.getBoolean("load_uses_estimate")), computed, override,
        r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant(),
        r.getUUID("primary_activity_id"), merged(r.getValue("merged")), r.getString("merge_reason"),
        r.getOffsetDateTime("merged_at") == null ? null : r.getOffsetDateTime("merged_at").toInstant(), r.getString("merge_choice"),
        legs, r.getString("file_name"), StepCadence.averageUnit(sport, multisport));
  };

  private static List<ActivityView.Linked> merged(Object json) {
    if (!(json instanceof io.vertx.core.json.JsonArray array)) {
      return List.of();
    }
    List<ActivityView.Linked> linked = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      io.vertx.core.json.JsonObject o = array.getJsonObject(i);
      String at = o.getString("mergedAt");
      linked.add(new ActivityView.Linked(UUID.fromString(o.getString("id")), o.getString("source"), o.getString("reason"),
          at == null ? null : OffsetDateTime.parse(at).toInstant()));
    }
    return linked;
  }

  // One template per query shape (which filters are present, sort, cursor): each gets a plan that can use the index.
  private final Map<String, SqlTemplate<Map<String, Object>, RowSet<ActivitySummary>>> pages = new ConcurrentHashMap<>();
  private final Map<String, SqlTemplate<Map<String, Object>, RowSet<Row>>> counts = new ConcurrentHashMap<>();
  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, RowSet<ActivityView>> one;

  public ActivityRepository(Pool pool) {
    this.pool = pool;
    this.one = SqlTemplate.forQuery(pool, ONE).mapTo(VIEW);
  }

  /** One page of items; {@link #count} gives the total for the same filters. */
  public Future<ActivityPage> page(UUID userId, ActivityQuery q, long total) {
    StringBuilder sql = new StringBuilder("SELECT ").append(SUMMARY_COLUMNS).append(" FROM activities ").append(where(q));
    if (q.cursor() != null) {
      sql.append(q.sort() == ActivityQuery.Sort.DATE_DESC ? " AND (start_date, id) < " : " AND (start_date, id) > ")
          .append("(#{cursorStart}, #{cursorId})");
    }
    sql.append(" ORDER BY ").append(q.sort().orderBy).append(" LIMIT #{limit}");
    if (q.cursor() == null) {
      sql.append(" OFFSET #{offset}");
    }
    Map<String, Object> params = params(userId, q);
    if (q.cursor() != null) {
      params.put("cursorStart", q.cursor().startDate().atOffset(ZoneOffset.UTC));
      params.put("cursorId", q.cursor().id());
    }
    return pages.computeIfAbsent(sql.toString(), text -> SqlTemplate.forQuery(pool, text).mapTo(SUMMARY)).execute(params)
        .map(rows -> {
          List<ActivitySummary> items = new ArrayList<>(rows.size());
          rows.forEach(items::add);
          String next = null;
          if ((q.sort() == ActivityQuery.Sort.DATE_DESC || q.sort() == ActivityQuery.Sort.DATE_ASC) && items.size() == q.limit()) {
            ActivitySummary last = items.get(items.size() - 1);
            next = new ActivityQuery.Cursor(last.startDate(), last.id()).encode();
          }
          return new ActivityPage(items, total, q.limit(), q.cursor() == null ? q.offset() : null, next);
        });
  }

  public Future<Long> count(UUID userId, ActivityQuery q) {
    String sql = "SELECT count(*) AS total FROM activities " + where(q);
    return counts.computeIfAbsent(sql, text -> SqlTemplate.forQuery(pool, text)).execute(params(userId, q))
        .map(rows -> rows.iterator().next().getLong("total"));
  }

  /** The filters of a query, as a key for memoising its count. */
  public static String filterKey(ActivityQuery q) {
    return q.sport() + "|" + q.from() + "|" + q.to() + "|" + q.text();
  }

  private static String where(ActivityQuery q) {
    // Duplicates merged into another activity (the same workout from another source) are listed through their primary.
    StringBuilder w = new StringBuilder("WHERE user_id = #{userId} AND primary_activity_id IS NULL");
    if (q.sport() != null) {
      w.append(" AND (sport_type = #{sport} OR sport_family = #{sport})");
    }
    if (q.from() != null) {
      w.append(" AND local_date >= #{from}");
    }
    if (q.to() != null) {
      w.append(" AND local_date <= #{to}");
    }
    if (q.text() != null) {
      // The file name too: an import is named by its start and sport now, and the athlete may remember the file.
      w.append(" AND (name ILIKE #{text} OR description ILIKE #{text} OR notes ILIKE #{text} OR raw ->> 'file' ILIKE #{text})");
    }
    return w.toString();
  }

  private static Map<String, Object> params(UUID userId, ActivityQuery q) {
    Map<String, Object> params = new HashMap<>();
    params.put("userId", userId);
    params.put("sport", q.sport());
    params.put("from", q.from());
    params.put("to", q.to());
    params.put("text", q.text() == null ? null : "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    params.put("limit", q.limit());
    params.put("offset", q.offset());
    return params;
  }

  public Future<Optional<ActivityView>> find(UUID userId, UUID id) {
    return one.execute(Map.of("userId", userId, "id", id)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    });
  }

}
