package fitcoach.settings;

import fitcoach.load.ThresholdHistory;
import fitcoach.load.ThresholdKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * SQL for athlete_profiles. The profile's thresholds (FTP, LTHR, max and resting HR, threshold pace, weight) live in
 * threshold_history; the profile shows the values in force on the athlete's today, and saving one writes the entry
 * dated today (null removes the kind's entries: "unknown, estimate it").
 */
public final class ProfileRepository {
  private static final String COLUMNS = """
      sex, birth_year, height_cm, vo2max, units, time_zone, goals, preferences, updated_at""";
  private static final String FIND = "SELECT " + COLUMNS + " FROM athlete_profiles WHERE user_id = #{userId}";
  private static final String UPSERT = """
      INSERT INTO athlete_profiles (user_id, sex, birth_year, height_cm, vo2max, units, time_zone, goals, preferences)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      ON CONFLICT (user_id) DO UPDATE SET
        sex = EXCLUDED.sex, birth_year = EXCLUDED.birth_year, height_cm = EXCLUDED.height_cm, vo2max = EXCLUDED.vo2max,
        units = EXCLUDED.units, time_zone = EXCLUDED.time_zone, goals = EXCLUDED.goals, preferences = EXCLUDED.preferences,
        updated_at = now()""";

  /** The stored row; thresholds are filled in from the history. */
  private static final RowMapper<AthleteProfile> PROFILE = (Row row) -> new AthleteProfile(
      row.getString("sex"), row.getInteger("birth_year"), null, decimal(row, "height_cm"), null, null, null, null, null,
      decimal(row, "vo2max"), row.getString("units"), row.getString("time_zone"), row.getString("goals"),
      row.getString("preferences"), row.getOffsetDateTime("updated_at").toInstant());

  /** The profile with its thresholds over time. */
  public record WithHistory(AthleteProfile profile, ThresholdHistory history) {
  }

  private final Pool pool;
  private final ThresholdRepository thresholds;
  private final SqlTemplate<Map<String, Object>, RowSet<AthleteProfile>> find;

  public ProfileRepository(Pool pool) {
    this.pool = pool;
    this.thresholds = new ThresholdRepository(pool);
    this.find = SqlTemplate.forQuery(pool, FIND).mapTo(PROFILE);
  }

  /** The dated thresholds, shared with the load engine and the threshold routes. */
  public ThresholdRepository thresholds() {
    return thresholds;
  }

  /** The stored profile (or the defaults) with the thresholds in force on the athlete's today. */
  public Future<AthleteProfile> find(UUID userId) {
    return findWithHistory(userId).map(WithHistory::profile);
  }

  public Future<WithHistory> findWithHistory(UUID userId) {
    return Future.all(find.execute(Map.of("userId", userId)), thresholds.history(userId)).map(all -> {
      RowSet<AthleteProfile> rows = all.resultAt(0);
      var it = rows.iterator();
      AthleteProfile stored = it.hasNext() ? it.next() : AthleteProfile.empty();
      ThresholdHistory history = all.resultAt(1);
      return new WithHistory(inForce(stored, history, today(stored)), history);
    });
  }

  /** The athlete's today, in their time zone. */
  public static LocalDate today(AthleteProfile profile) {
    return LocalDate.now(ZoneId.of(profile.timeZone()));
  }

  /**
   * Saves {@code updated} over {@code current} (both as {@link #find} shows them) in one transaction: a threshold that
   * differs from the one in force today is written as the entry dated today; one set to null loses all its entries.
   */
  public Future<WithHistory> save(UUID userId, AthleteProfile current, AthleteProfile updated) {
    LocalDate today = today(current);
    return pool.withTransaction(conn -> {
      Future<?> chain = conn.preparedQuery(UPSERT).execute(Tuple.wrap(new Object[] {userId, updated.sex(), updated.birthYear(),
          big(updated.heightCm()), big(updated.vo2max()), updated.units(), updated.timeZone(), updated.goals(),
          updated.preferences()}));
      for (ThresholdKind kind : ThresholdKind.values()) {
        Double before = value(current, kind);
        Double after = value(updated, kind);
        if (Objects.equals(before, after)) {
          continue;
        }
        chain = chain.compose(v -> after == null ? thresholds.deleteKind(conn, userId, kind)
            : thresholds.upsertOnDate(conn, userId, kind, today, after, "athlete").mapEmpty());
      }
      return chain.mapEmpty();
    }).compose(v -> findWithHistory(userId));
  }

  /** The profile's field for a kind, as a number. */
  static Double value(AthleteProfile p, ThresholdKind kind) {
    Number n = switch (kind) {
      case FTP -> p.ftpWatts();
      case LTHR -> p.lthr();
      case MAX_HR -> p.maxHr();
      case RESTING_HR -> p.restingHr();
      case THRESHOLD_PACE -> p.thresholdPaceSPerKm();
      case WEIGHT -> p.weightKg();
    };
    return n == null ? null : n.doubleValue();
  }

  private static AthleteProfile inForce(AthleteProfile p, ThresholdHistory h, LocalDate day) {
    var weight = h.valueOn(ThresholdKind.WEIGHT, day);
    return new AthleteProfile(p.sex(), p.birthYear(), weight.isPresent() ? weight.getAsDouble() : null, p.heightCm(),
        h.wholeOn(ThresholdKind.MAX_HR, day), h.wholeOn(ThresholdKind.RESTING_HR, day), h.wholeOn(ThresholdKind.LTHR, day),
        h.wholeOn(ThresholdKind.FTP, day), h.wholeOn(ThresholdKind.THRESHOLD_PACE, day), p.vo2max(), p.units(), p.timeZone(),
        p.goals(), p.preferences(), p.updatedAt());
  }

  private static BigDecimal big(Double v) {
    return v == null ? null : BigDecimal.valueOf(v);
  }

  private static Double decimal(Row row, String column) {
    BigDecimal value = row.getBigDecimal(column);
    return value == null ? null : value.doubleValue();
  }
}
