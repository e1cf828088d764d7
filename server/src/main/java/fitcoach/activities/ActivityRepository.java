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

/** SQL for activities: listing, reading, manual entry, corrections and deletion. */
public final class ActivityRepository {
  static final String COLUMNS = """
      id, source, external_id, sport_type, sport_family, name, description, notes, start_date, start_date_local, time_zone,
      moving_time_s, elapsed_time_s, distance_m, elevation_gain_m, avg_hr, max_hr, avg_power_w, weighted_power_w,
      device_watts, kilojoules, avg_cadence, avg_speed_mps, max_speed_mps, rpe, calories, trainer, commute, manual,
      summary_polyline, load, load_method, load_uses_estimate, load_override, created_at, updated_at, primary_activity_id,
      (SELECT array_agg(o.id::text || ':' || o.source) FROM activities o
        WHERE o.primary_activity_id = activities.id) AS merged""";
  private static final String ONE = "SELECT " + COLUMNS + " FROM activities WHERE user_id = #{userId} AND id = #{id}";
  private static final String INSERT_MANUAL = """
      INSERT INTO activities (user_id, source, external_id, sport_type, sport_family, name, notes, start_date, start_date_local,
        time_zone, moving_time_s, elapsed_time_s, distance_m, rpe, manual)
      VALUES (#{userId}, 'manual', #{externalId}, #{sportType}, #{sportFamily}, #{name}, #{notes}, #{startDate}, #{startDateLocal},
        #{timeZone}, #{durationS}, #{durationS}, #{distanceM}, #{rpe}, true)
      RETURNING id""";
  private static final String UPDATE_EDITABLE = """
      UPDATE activities SET rpe = #{rpe}, notes = #{notes}, load_override = #{loadOverride}, sport_type = #{sportType},
        sport_family = #{sportFamily}, name = #{name}, updated_at = now()
      WHERE user_id = #{userId} AND id = #{id}""";
  private static final String DELETE = "DELETE FROM activities WHERE user_id = #{userId} AND id = #{id} RETURNING local_date";
  private static final String UNMERGE = """
      UPDATE activities SET primary_activity_id = NULL, updated_at = now()
      WHERE user_id = #{userId} AND id = #{id} AND primary_activity_id IS NOT NULL RETURNING local_date""";
  // The chosen activity leads its group: it and its former primary's other members point at it.
  private static final String MAKE_PRIMARY = """
      WITH target AS (SELECT id, primary_activity_id AS old FROM activities
                      WHERE user_id = #{userId} AND id = #{id} AND primary_activity_id IS NOT NULL)
      UPDATE activities a SET primary_activity_id = CASE WHEN a.id = t.id THEN NULL ELSE t.id END, updated_at = now()
      FROM target t WHERE a.user_id = #{userId} AND (a.id = t.id OR a.id = t.old OR a.primary_activity_id = t.old)
      RETURNING a.local_date""";

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
    return new ActivityView(r.getUUID("id"), r.getString("source"), r.getString("external_id"), r.getString("sport_type"),
        r.getString("sport_family"), r.getString("name"), r.getString("description"), r.getString("notes"),
        r.getOffsetDateTime("start_date").toInstant(), r.getLocalDateTime("start_date_local"), r.getString("time_zone"),
        r.getInteger("moving_time_s"), r.getInteger("elapsed_time_s"), r.getDouble("distance_m"), r.getDouble("elevation_gain_m"),
        r.getDouble("avg_hr"), r.getDouble("max_hr"), r.getDouble("avg_power_w"), r.getDouble("weighted_power_w"),
        r.getBoolean("device_watts"), r.getDouble("kilojoules"), r.getDouble("avg_cadence"), r.getDouble("avg_speed_mps"),
        r.getDouble("max_speed_mps"), r.getInteger("rpe"), r.getDouble("calories"), r.getBoolean("trainer"),
        r.getBoolean("commute"), r.getBoolean("manual"), r.getString("summary_polyline"),
        override != null ? override : computed, override != null ? "MANUAL" : r.getString("load_method"),
        override == null && Boolean.TRUE.equals(r.getBoolean("load_uses_estimate")), computed, override,
        r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant(),
        r.getUUID("primary_activity_id"), merged(r.getArrayOfStrings("merged")));
  };

  private static List<ActivityView.Linked> merged(String[] pairs) {
    if (pairs == null) {
      return List.of();
    }
    List<ActivityView.Linked> linked = new ArrayList<>();
    for (String p : pairs) {
      int colon = p.indexOf(':');
      linked.add(new ActivityView.Linked(UUID.fromString(p.substring(0, colon)), p.substring(colon + 1)));
    }
    return linked;
  }

  // One template per query shape (which filters are present, sort, cursor): each gets a plan that can use the index.
  private final Map<String, SqlTemplate<Map<String, Object>, RowSet<ActivitySummary>>> pages = new ConcurrentHashMap<>();
  private final Map<String, SqlTemplate<Map<String, Object>, RowSet<Row>>> counts = new ConcurrentHashMap<>();
  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, RowSet<ActivityView>> one;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> insertManual;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> updateEditable;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> delete;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> unmerge;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> makePrimary;

  public ActivityRepository(Pool pool) {
    this.pool = pool;
    this.one = SqlTemplate.forQuery(pool, ONE).mapTo(VIEW);
    this.insertManual = SqlTemplate.forQuery(pool, INSERT_MANUAL);
    this.updateEditable = SqlTemplate.forQuery(pool, UPDATE_EDITABLE);
    this.delete = SqlTemplate.forQuery(pool, DELETE);
    this.unmerge = SqlTemplate.forQuery(pool, UNMERGE);
    this.makePrimary = SqlTemplate.forQuery(pool, MAKE_PRIMARY);
  }

  /** Splits a wrongly merged activity from its group; the day it occupies, if it was merged. */
  public Future<Optional<LocalDate>> unmerge(UUID userId, UUID id) {
    return unmerge.execute(Map.of("userId", userId, "id", id)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(rows.iterator().next().getLocalDate("local_date")));
  }

  /** Makes a merged activity the one that represents its group; the earliest day touched, if it was merged. */
  public Future<Optional<LocalDate>> makePrimary(UUID userId, UUID id) {
    return makePrimary.execute(Map.of("userId", userId, "id", id)).map(rows -> {
      LocalDate earliest = null;
      for (Row r : rows) {
        LocalDate d = r.getLocalDate("local_date");
        earliest = earliest == null || d.isBefore(earliest) ? d : earliest;
      }
      return Optional.ofNullable(earliest);
    });
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
      w.append(" AND (name ILIKE #{text} OR description ILIKE #{text} OR notes ILIKE #{text})");
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

  public Future<UUID> insertManual(UUID userId, ManualActivityRequest m, OffsetDateTime startUtc, LocalDateTime startLocal) {
    Map<String, Object> p = new HashMap<>();
    p.put("userId", userId);
    p.put("externalId", UUID.randomUUID().toString());
    p.put("sportType", m.sportType());
    p.put("sportFamily", Sports.family(m.sportType()));
    p.put("name", m.name());
    p.put("notes", m.notes());
    p.put("startDate", startUtc);
    p.put("startDateLocal", startLocal);
    p.put("timeZone", m.timeZone());
    p.put("durationS", m.durationS());
    p.put("distanceM", m.distanceM());
    p.put("rpe", m.rpe());
    return insertManual.execute(p).map(rows -> rows.iterator().next().getUUID("id"));
  }

  public Future<Void> updateEditable(UUID userId, ActivityView edited) {
    Map<String, Object> p = new HashMap<>();
    p.put("userId", userId);
    p.put("id", edited.id());
    p.put("rpe", edited.rpe());
    p.put("notes", edited.notes());
    p.put("loadOverride", edited.loadOverride());
    p.put("sportType", edited.sportType());
    p.put("sportFamily", Sports.family(edited.sportType()));
    p.put("name", edited.name());
    return updateEditable.execute(p).mapEmpty();
  }

  /** Deletes an activity; the local date it occupied, so the chart can be recomputed from there. */
  public Future<Optional<LocalDate>> delete(UUID userId, UUID id) {
    return delete.execute(Map.of("userId", userId, "id", id)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(it.next().getLocalDate("local_date")) : Optional.empty();
    });
  }
}
