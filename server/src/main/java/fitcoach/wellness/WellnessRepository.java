package fitcoach.wellness;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL for the wellness table (the only owner of that table). */
public final class WellnessRepository {
  private static final String VALUE_COLUMNS = Arrays.stream(WellnessField.values()).map(WellnessField::column)
      .collect(Collectors.joining(", "));
  private static final String COLUMNS = "day, " + VALUE_COLUMNS + ", source, updated_at";
  private static final String LIST = "SELECT " + COLUMNS + " FROM wellness WHERE user_id = #{userId} AND day BETWEEN #{from} AND #{to} ORDER BY day";
  /**
   * One day's change merged into what is stored, in one statement: a field the change names takes its value (null
   * clears it), any other keeps the stored one. A new day starts with only the named fields, and so does a day the demo
   * athlete generated: the athlete's write replaces it, so none of the demo's values stay behind as theirs.
   */
  private static final String MERGE = "INSERT INTO wellness (user_id, day, source, updated_at, " + VALUE_COLUMNS + ")\n"
      + "VALUES (#{userId}, #{day}, #{source}, now(), "
      + Arrays.stream(WellnessField.values()).map(f -> "#{" + f.column() + "}").collect(Collectors.joining(", ")) + ")\n"
      + "ON CONFLICT (user_id, day) DO UPDATE SET source = EXCLUDED.source, updated_at = now(), "
      + Arrays.stream(WellnessField.values()).map(f -> f.column() + " = CASE WHEN #{set_" + f.column() + "} THEN EXCLUDED."
          + f.column() + " WHEN wellness.source = 'demo' THEN NULL ELSE wellness." + f.column() + " END").collect(Collectors.joining(", "))
      + "\nRETURNING " + COLUMNS;
  private static final String EMPTY = Arrays.stream(WellnessField.values()).map(f -> f.column() + " IS NULL")
      .collect(Collectors.joining(" AND "));
  /** Removes the day if the merge left it with no value at all. */
  private static final String DELETE_IF_EMPTY = "DELETE FROM wellness WHERE user_id = #{userId} AND day = #{day} AND " + EMPTY;
  private static final String DELETE = "DELETE FROM wellness WHERE user_id = #{userId} AND day = #{day}";
  /**
   * Generated days (the demo athlete's) added where the athlete has no entry yet: a day that already has one keeps it
   * as it is, so nothing of the athlete's is overwritten or later removed with the generated ones.
   */
  private static final String ADD_NEW = "INSERT INTO wellness (user_id, day, source, " + VALUE_COLUMNS + ")\n"
      + "SELECT $1, w.day, $3, " + Arrays.stream(WellnessField.values()).map(f -> "w." + f.column()).collect(Collectors.joining(", "))
      + "\nFROM jsonb_populate_recordset(null::wellness, $2::jsonb) AS w WHERE w.day IS NOT NULL\n"
      + "ON CONFLICT (user_id, day) DO NOTHING";
  private static final String DELETE_SOURCE = "DELETE FROM wellness WHERE user_id = $1 AND source = $2";
  /** Days per insert statement when adding generated days: ten years of them in four statements of about 200 kB. */
  static final int ADD_BATCH = 1000;

  static final RowMapper<WellnessEntry> ENTRY = (Row row) -> new WellnessEntry(row.getLocalDate("day"),
      row.getDouble("sleep_hours"), integer(row, "sleep_quality"), integer(row, "soreness"), integer(row, "stress"),
      integer(row, "motivation"), row.getDouble("hrv_rmssd"), row.getDouble("resting_hr"), row.getDouble("weight_kg"),
      row.getString("note"), row.getBoolean("illness"), row.getBoolean("injury"), row.getString("source"),
      Optional.ofNullable(row.getOffsetDateTime("updated_at")).map(OffsetDateTime::toInstant).orElse(null));

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, RowSet<WellnessEntry>> list;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> delete;

  public WellnessRepository(Pool pool) {
    this.pool = pool;
    this.list = SqlTemplate.forQuery(pool, LIST).mapTo(ENTRY);
    this.delete = SqlTemplate.forUpdate(pool, DELETE);
  }

  /** The athlete's entries from {@code from} to {@code to}, both included, by date. */
  public Future<List<WellnessEntry>> list(UUID userId, LocalDate from, LocalDate to) {
    return list.execute(Map.of("userId", userId, "from", from, "to", to)).map(rows -> {
      List<WellnessEntry> out = new ArrayList<>(rows.size());
      rows.forEach(out::add);
      return out;
    });
  }

  /**
   * Merges one day's change; the day as it now stands, or empty when no value is left (the row is then deleted). One
   * transaction, so a concurrent reader never sees a row with nothing in it.
   */
  public Future<Optional<WellnessEntry>> merge(UUID userId, LocalDate day, WellnessChange change, String source) {
    return pool.withTransaction(conn -> SqlTemplate.forQuery(conn, MERGE).mapTo(ENTRY)
        .execute(params(userId, day, change, source))
        .compose(rows -> {
          WellnessEntry entry = rows.iterator().next();
          if (!entry.empty()) {
            return Future.succeededFuture(Optional.of(entry));
          }
          return SqlTemplate.forUpdate(conn, DELETE_IF_EMPTY).execute(Map.of("userId", userId, "day", day))
              .map(r -> Optional.<WellnessEntry>empty());
        }));
  }

  /**
   * Merges many days (a CSV import) in one transaction: all or none are stored. The changes never clear a value
   * (an import only adds), so no day can end up empty.
   */
  public Future<Integer> mergeAll(UUID userId, Map<LocalDate, WellnessChange> changes, String source) {
    if (changes.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Map<String, Object>> batch = new ArrayList<>(changes.size());
    changes.forEach((day, change) -> batch.add(params(userId, day, change, source)));
    return pool.withTransaction(conn -> SqlTemplate.forUpdate(conn, MERGE).executeBatch(batch)).map(r -> batch.size());
  }

  /**
   * Adds {@code days} (their values; their source and time are ignored) as written by {@code source}, on {@code client}
   * (the caller's transaction), {@link #ADD_BATCH} days per statement; days that already have an entry are skipped. How
   * many were added.
   */
  public static Future<Integer> addNew(SqlClient client, UUID userId, List<WellnessEntry> days, String source) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (int i = 0; i < days.size(); i += ADD_BATCH) {
      JsonArray batch = new JsonArray();
      days.subList(i, Math.min(days.size(), i + ADD_BATCH)).forEach(d -> batch.add(json(d)));
      chain = chain.compose(n -> client.preparedQuery(ADD_NEW).execute(Tuple.of(userId, batch, source))
          .map(r -> n + r.rowCount()));
    }
    return chain;
  }

  /** Removes every entry whose last writer is {@code source}, on {@code client}; how many went. */
  public static Future<Integer> deleteSource(SqlClient client, UUID userId, String source) {
    return client.preparedQuery(DELETE_SOURCE).execute(Tuple.of(userId, source)).map(SqlResult::rowCount);
  }

  /** A day as the table's row type reads it from JSON (column names, ISO date). */
  private static JsonObject json(WellnessEntry day) {
    JsonObject o = new JsonObject().put("day", day.date().toString());
    for (WellnessField f : WellnessField.values()) {
      o.put(f.column(), day.value(f));
    }
    return o;
  }

  public Future<Boolean> delete(UUID userId, LocalDate day) {
    return delete.execute(Map.of("userId", userId, "day", day)).map(r -> r.rowCount() > 0);
  }

  private static Map<String, Object> params(UUID userId, LocalDate day, WellnessChange change, String source) {
    Map<String, Object> p = new HashMap<>();
    p.put("userId", userId);
    p.put("day", day);
    p.put("source", source);
    for (WellnessField f : WellnessField.values()) {
      p.put(f.column(), sqlValue(f, change.value(f)));
      p.put("set_" + f.column(), change.sets(f));
    }
    return p;
  }

  /** Scales go to smallint columns, decimals to numeric ones: typed as the columns are. */
  private static Object sqlValue(WellnessField field, Object value) {
    if (value == null) {
      return null;
    }
    return switch (field.kind()) {
      case SCALE -> ((Number) value).shortValue();
      case DECIMAL -> io.vertx.sqlclient.data.Numeric.create((Number) value);
      default -> value;
    };
  }

  private static Integer integer(Row row, String column) {
    Short s = row.getShort(column);
    return s == null ? null : s.intValue();
  }
}
