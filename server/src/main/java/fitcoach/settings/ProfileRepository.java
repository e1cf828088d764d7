package fitcoach.settings;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** SQL for athlete_profiles. */
public final class ProfileRepository {
  private static final String COLUMNS = """
      sex, birth_year, weight_kg, height_cm, max_hr, resting_hr, lthr, ftp_watts, threshold_pace_s_per_km, vo2max,
      units, time_zone, goals, preferences, updated_at""";
  private static final String FIND = "SELECT " + COLUMNS + " FROM athlete_profiles WHERE user_id = #{userId}";
  private static final String UPSERT = """
      INSERT INTO athlete_profiles (user_id, sex, birth_year, weight_kg, height_cm, max_hr, resting_hr, lthr, ftp_watts,
        threshold_pace_s_per_km, vo2max, units, time_zone, goals, preferences)
      VALUES (#{userId}, #{sex}, #{birthYear}, #{weightKg}, #{heightCm}, #{maxHr}, #{restingHr}, #{lthr}, #{ftpWatts},
        #{thresholdPaceSPerKm}, #{vo2max}, #{units}, #{timeZone}, #{goals}, #{preferences})
      ON CONFLICT (user_id) DO UPDATE SET
        sex = EXCLUDED.sex, birth_year = EXCLUDED.birth_year, weight_kg = EXCLUDED.weight_kg, height_cm = EXCLUDED.height_cm,
        max_hr = EXCLUDED.max_hr, resting_hr = EXCLUDED.resting_hr, lthr = EXCLUDED.lthr, ftp_watts = EXCLUDED.ftp_watts,
        threshold_pace_s_per_km = EXCLUDED.threshold_pace_s_per_km, vo2max = EXCLUDED.vo2max, units = EXCLUDED.units,
        time_zone = EXCLUDED.time_zone, goals = EXCLUDED.goals, preferences = EXCLUDED.preferences, updated_at = now()
      """ + " RETURNING " + COLUMNS;

  private static final RowMapper<AthleteProfile> PROFILE = (Row row) -> new AthleteProfile(
      row.getString("sex"), row.getInteger("birth_year"), decimal(row, "weight_kg"), decimal(row, "height_cm"),
      row.getInteger("max_hr"), row.getInteger("resting_hr"), row.getInteger("lthr"), row.getInteger("ftp_watts"),
      row.getInteger("threshold_pace_s_per_km"), decimal(row, "vo2max"), row.getString("units"), row.getString("time_zone"),
      row.getString("goals"), row.getString("preferences"), row.getOffsetDateTime("updated_at").toInstant());

  private final SqlTemplate<Map<String, Object>, RowSet<AthleteProfile>> find;
  private final SqlTemplate<Map<String, Object>, RowSet<AthleteProfile>> upsert;

  public ProfileRepository(Pool pool) {
    this.find = SqlTemplate.forQuery(pool, FIND).mapTo(PROFILE);
    this.upsert = SqlTemplate.forQuery(pool, UPSERT).mapTo(PROFILE);
  }

  /** The stored profile, or the defaults when the athlete has not saved one yet. */
  public Future<AthleteProfile> find(UUID userId) {
    return find.execute(Map.of("userId", userId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? it.next() : AthleteProfile.empty();
    });
  }

  public Future<AthleteProfile> save(UUID userId, AthleteProfile p) {
    Map<String, Object> params = new HashMap<>();
    params.put("userId", userId);
    params.put("sex", p.sex());
    params.put("birthYear", p.birthYear());
    params.put("weightKg", p.weightKg() == null ? null : BigDecimal.valueOf(p.weightKg()));
    params.put("heightCm", p.heightCm() == null ? null : BigDecimal.valueOf(p.heightCm()));
    params.put("maxHr", p.maxHr());
    params.put("restingHr", p.restingHr());
    params.put("lthr", p.lthr());
    params.put("ftpWatts", p.ftpWatts());
    params.put("thresholdPaceSPerKm", p.thresholdPaceSPerKm());
    params.put("vo2max", p.vo2max() == null ? null : BigDecimal.valueOf(p.vo2max()));
    params.put("units", p.units());
    params.put("timeZone", p.timeZone());
    params.put("goals", p.goals());
    params.put("preferences", p.preferences());
    return upsert.execute(params).map(rows -> rows.iterator().next());
  }

  private static Double decimal(Row row, String column) {
    BigDecimal value = row.getBigDecimal(column);
    return value == null ? null : value.doubleValue();
  }
}
