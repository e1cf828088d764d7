package fitcoach.settings;

import fitcoach.app.ApiException;
import fitcoach.load.ThresholdHistory;
import fitcoach.load.ThresholdKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for threshold_history: the athlete's dated thresholds. Writes take a client so they can join a transaction. */
public final class ThresholdRepository {
  private static final String COLUMNS = "id, kind, valid_from, value, source, created_at";
  private static final String ENTRIES = "SELECT " + COLUMNS + " FROM threshold_history WHERE user_id = $1 ORDER BY kind, valid_from DESC";
  private static final String FIND = "SELECT " + COLUMNS + " FROM threshold_history WHERE user_id = $1 AND id = $2";
  private static final String INSERT = """
      INSERT INTO threshold_history (user_id, kind, valid_from, value, source) VALUES ($1, $2, $3, $4, $5)
      RETURNING """ + " " + COLUMNS;
  /** One entry per kind and date: writing a kind on a date that has one replaces its value. */
  private static final String UPSERT_ON_DATE = """
      INSERT INTO threshold_history (user_id, kind, valid_from, value, source) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (user_id, kind, valid_from) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, updated_at = now()
      RETURNING """ + " " + COLUMNS;
  private static final String UPDATE = """
      UPDATE threshold_history SET valid_from = $3, value = $4, source = 'athlete', updated_at = now()
      WHERE user_id = $1 AND id = $2 RETURNING """ + " " + COLUMNS;
  private static final String DELETE = "DELETE FROM threshold_history WHERE user_id = $1 AND id = $2";
  private static final String DELETE_KIND = "DELETE FROM threshold_history WHERE user_id = $1 AND kind = $2";

  private final Pool pool;

  public ThresholdRepository(Pool pool) {
    this.pool = pool;
  }

  /** Every entry, by kind then newest first. */
  public Future<List<ThresholdEntry>> entries(UUID userId) {
    return entries(pool, userId);
  }

  Future<List<ThresholdEntry>> entries(SqlClient db, UUID userId) {
    return db.preparedQuery(ENTRIES).execute(Tuple.of(userId)).map(ThresholdRepository::list);
  }

  /** The athlete's thresholds over time, for the engine. */
  public Future<ThresholdHistory> history(UUID userId) {
    return entries(userId).map(ThresholdRepository::history);
  }

  static ThresholdHistory history(List<ThresholdEntry> entries) {
    return ThresholdHistory.of(entries.stream().map(ThresholdEntry::dated).toList());
  }

  public Future<Optional<ThresholdEntry>> find(UUID userId, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(userId, id)).map(rows -> list(rows).stream().findFirst());
  }

  /** A new entry; a second one of the kind on the same date is a 409. */
  Future<ThresholdEntry> insert(UUID userId, ThresholdKind kind, LocalDate validFrom, double value, String source) {
    return pool.preparedQuery(INSERT).execute(Tuple.of(userId, kind.code(), validFrom, value, source))
        .map(rows -> list(rows).get(0)).recover(ThresholdRepository::duplicate);
  }

  Future<ThresholdEntry> upsertOnDate(SqlClient db, UUID userId, ThresholdKind kind, LocalDate validFrom, double value,
                                      String source) {
    return db.preparedQuery(UPSERT_ON_DATE).execute(Tuple.of(userId, kind.code(), validFrom, value, source))
        .map(rows -> list(rows).get(0));
  }

  /** The changed entry; empty when the athlete has no such entry. Moving onto a date the kind already has is a 409. */
  Future<Optional<ThresholdEntry>> update(UUID userId, UUID id, LocalDate validFrom, double value) {
    return pool.preparedQuery(UPDATE).execute(Tuple.of(userId, id, validFrom, value))
        .map(rows -> list(rows).stream().findFirst()).recover(ThresholdRepository::duplicate);
  }

  Future<Boolean> delete(UUID userId, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(userId, id)).map(rows -> rows.rowCount() > 0);
  }

  Future<Void> deleteKind(SqlClient db, UUID userId, ThresholdKind kind) {
    return db.preparedQuery(DELETE_KIND).execute(Tuple.of(userId, kind.code())).mapEmpty();
  }

  private static <T> Future<T> duplicate(Throwable err) {
    if (err instanceof DatabaseException db && "23505".equals(db.getSqlState())) {
      return Future.failedFuture(new ApiException(409, "duplicate_date",
          "There is already an entry of this kind from that date; edit it instead", "validFrom", null));
    }
    return Future.failedFuture(err);
  }

  private static List<ThresholdEntry> list(RowSet<Row> rows) {
    List<ThresholdEntry> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new ThresholdEntry(r.getUUID("id"), r.getString("kind"), r.getLocalDate("valid_from"), r.getDouble("value"),
          r.getString("source"), r.getOffsetDateTime("created_at").toInstant()));
    }
    return out;
  }
}
