package fitcoach.export;

/**
 * SQL that puts an export's JSON back into its tables. PostgreSQL maps the JSON keys to columns
 * ({@code jsonb_populate_recordset}), so each statement names only the columns the export holds; the signed-in athlete
 * ($1) becomes the owner, and ids are kept so the links between activities, streams, chats and answers survive.
 */
final class RestoreSql {
  private RestoreSql() {
  }

  static final String HAS_DATA = """
      SELECT EXISTS (SELECT 1 FROM activities WHERE user_id = $1) OR EXISTS (SELECT 1 FROM chat_sessions WHERE user_id = $1)
          OR EXISTS (SELECT 1 FROM weekly_reports WHERE user_id = $1) AS has_data""";

  static final String PROFILE = """
      INSERT INTO athlete_profiles (user_id, sex, birth_year, height_cm, vo2max, units, time_zone, goals, preferences)
      SELECT $1, sex, birth_year, height_cm, vo2max, coalesce(units, 'metric'), coalesce(time_zone, 'UTC'), goals, preferences
      FROM jsonb_populate_record(null::athlete_profiles, $2::jsonb)
      ON CONFLICT (user_id) DO UPDATE SET sex = EXCLUDED.sex, birth_year = EXCLUDED.birth_year,
        height_cm = EXCLUDED.height_cm, vo2max = EXCLUDED.vo2max, units = EXCLUDED.units, time_zone = EXCLUDED.time_zone,
        goals = EXCLUDED.goals, preferences = EXCLUDED.preferences, updated_at = now()""";

  /** Thresholds over time (exports since V009). */
  static final String THRESHOLD_HISTORY = """
      INSERT INTO threshold_history (user_id, kind, valid_from, value, source, created_at, updated_at)
      SELECT $1, kind, valid_from, value, coalesce(source, 'athlete'), coalesce(created_at, now()), coalesce(updated_at, now())
      FROM jsonb_populate_recordset(null::threshold_history, $2::jsonb)
      ON CONFLICT (user_id, kind, valid_from) DO NOTHING""";

  /**
   * An export from before thresholds had dates keeps them in profile.json: each becomes one entry from the first
   * restored activity's day (or the day the profile was saved), as migration V009 did for a running instance.
   */
  static final String THRESHOLDS_FROM_OLD_PROFILE = """
      INSERT INTO threshold_history (user_id, kind, valid_from, value, source)
      SELECT $1, k.kind,
             coalesce((SELECT min(a.local_date) FROM activities a WHERE a.user_id = $1 AND a.local_date >= DATE '1969-12-31'),
                      (p.updated_at AT TIME ZONE 'UTC')::date, current_date),
             k.value, 'migrated'
      FROM jsonb_to_record($2::jsonb) AS p(ftp_watts float8, lthr float8, max_hr float8, resting_hr float8,
                                           threshold_pace_s_per_km float8, weight_kg float8, updated_at timestamptz)
      CROSS JOIN LATERAL (VALUES ('ftp', p.ftp_watts), ('lthr', p.lthr), ('max_hr', p.max_hr), ('resting_hr', p.resting_hr),
                                 ('threshold_pace', p.threshold_pace_s_per_km), ('weight', p.weight_kg)) AS k(kind, value)
      WHERE k.value IS NOT NULL
      ON CONFLICT (user_id, kind, valid_from) DO NOTHING""";

  static final String DATA_POLICY = """
      INSERT INTO data_policies (user_id, allow_strava_api, strava_api_acknowledged_at, strava_retention)
      SELECT $1, coalesce(allow_strava_api, false), CASE WHEN allow_strava_api THEN strava_api_acknowledged_at END,
             coalesce(strava_retention, 'strava_policy')
      FROM jsonb_populate_record(null::data_policies, $2::jsonb)
      ON CONFLICT (user_id) DO UPDATE SET allow_strava_api = EXCLUDED.allow_strava_api,
        strava_api_acknowledged_at = EXCLUDED.strava_api_acknowledged_at, strava_retention = EXCLUDED.strava_retention,
        updated_at = now()""";

  static final String LOAD_SETTINGS = """
      INSERT INTO load_settings (user_id, ctl_days, atl_days, gain, seed_date, seed_ctl, seed_atl)
      SELECT $1, ctl_days, atl_days, gain, seed_date, seed_ctl, seed_atl FROM jsonb_populate_record(null::load_settings, $2::jsonb)
      WHERE ctl_days IS NOT NULL
      ON CONFLICT (user_id) DO NOTHING""";

  static final String AI_SETTINGS = """
      INSERT INTO ai_settings (user_id, provider, model, fast_model)
      SELECT $1, provider, model, fast_model FROM jsonb_populate_record(null::ai_settings, $2::jsonb) WHERE provider IS NOT NULL
      ON CONFLICT (user_id) DO NOTHING""";

  static final String CHAT_SESSIONS = """
      INSERT INTO chat_sessions (user_id, id, title, created_at, updated_at)
      SELECT $1, id, title, coalesce(created_at, now()), coalesce(updated_at, now())
      FROM jsonb_populate_recordset(null::chat_sessions, $2::jsonb)
      ON CONFLICT DO NOTHING""";

  /** In file order, so the messages' sequence follows the conversation. */
  static final String CHAT_MESSAGES = """
      INSERT INTO chat_messages (user_id, id, session_id, role, content, status, model, provider, input_tokens, output_tokens,
        context_activity_ids, created_at, tool_calls)
      SELECT $1, m.id, m.session_id, m.role, m.content,
             CASE WHEN m.status = 'streaming' THEN 'interrupted' ELSE coalesce(m.status, 'complete') END,
             m.model, m.provider, m.input_tokens, m.output_tokens, m.context_activity_ids, coalesce(m.created_at, now()),
             CASE WHEN jsonb_typeof(m.tool_calls) = 'array' THEN m.tool_calls END
      FROM jsonb_populate_recordset(null::chat_messages, $2::jsonb) WITH ORDINALITY AS m
      WHERE EXISTS (SELECT 1 FROM chat_sessions s WHERE s.id = m.session_id AND s.user_id = $1)
      ORDER BY m.ordinality
      ON CONFLICT DO NOTHING""";

  static final String WEEKLY_REPORTS = """
      INSERT INTO weekly_reports (user_id, week_start, summary, metrics, status, model, input_tokens, output_tokens,
        context_activity_ids, generated_at, tool_calls)
      SELECT $1, week_start, coalesce(summary, ''), coalesce(metrics, '{}'), coalesce(status, 'complete'), model, input_tokens,
             output_tokens, coalesce(context_activity_ids, '{}'), coalesce(generated_at, now()),
             CASE WHEN jsonb_typeof(tool_calls) = 'array' THEN tool_calls END
      FROM jsonb_populate_recordset(null::weekly_reports, $2::jsonb)
      ON CONFLICT DO NOTHING""";

  static final String RECOMMENDATIONS = """
      INSERT INTO recommendations (user_id, day, content, status, model, input_tokens, output_tokens, context_activity_ids,
        created_at, tool_calls)
      SELECT $1, day, coalesce(content, ''), coalesce(status, 'complete'), model, input_tokens, output_tokens,
             coalesce(context_activity_ids, '{}'), coalesce(created_at, now()),
             CASE WHEN jsonb_typeof(tool_calls) = 'array' THEN tool_calls END
      FROM jsonb_populate_recordset(null::recommendations, $2::jsonb)
      ON CONFLICT DO NOTHING""";

  static final String INSIGHTS = """
      INSERT INTO activity_insights (user_id, activity_id, data_hash, content, status, model, input_tokens, output_tokens,
        created_at, context_activity_ids, tool_calls)
      SELECT $1, i.activity_id, i.data_hash, coalesce(i.content, ''), coalesce(i.status, 'complete'), i.model, i.input_tokens,
             i.output_tokens, coalesce(i.created_at, now()), coalesce(i.context_activity_ids, '{}'),
             CASE WHEN jsonb_typeof(i.tool_calls) = 'array' THEN i.tool_calls END
      FROM jsonb_populate_recordset(null::activity_insights, $2::jsonb) AS i
      WHERE EXISTS (SELECT 1 FROM activities a WHERE a.id = i.activity_id AND a.user_id = $1)
      ON CONFLICT DO NOTHING""";

  /**
   * Wellness entries (exports since V017), with their source and time. The athlete's own entry for a day, if one was
   * made before the restore, wins over the export's; a row with no value at all is not brought back (none is kept). The
   * demo athlete's days stay 'demo', as its restored activities do, so removing the demo removes both.
   */
  static final String WELLNESS = """
      INSERT INTO wellness (user_id, day, sleep_hours, sleep_quality, soreness, stress, motivation, hrv_rmssd, resting_hr,
        weight_kg, note, illness, injury, source, updated_at)
      SELECT $1, w.day, w.sleep_hours, w.sleep_quality, w.soreness, w.stress, w.motivation, w.hrv_rmssd, w.resting_hr,
             w.weight_kg, nullif(btrim(w.note), ''), w.illness, w.injury,
             CASE WHEN w.source IN ('manual', 'csv', 'fit', 'demo') THEN w.source ELSE 'restore' END, coalesce(w.updated_at, now())
      FROM jsonb_populate_recordset(null::wellness, $2::jsonb) AS w
      WHERE w.day IS NOT NULL AND NOT (w.sleep_hours IS NULL AND w.sleep_quality IS NULL AND w.soreness IS NULL
        AND w.stress IS NULL AND w.motivation IS NULL AND w.hrv_rmssd IS NULL AND w.resting_hr IS NULL
        AND w.weight_kg IS NULL AND nullif(btrim(w.note), '') IS NULL AND w.illness IS NULL AND w.injury IS NULL)
      ON CONFLICT (user_id, day) DO NOTHING""";

  /**
   * The plan (exports since V020). A link by hand keeps its activity when that activity came back with the same id,
   * and turns automatic again otherwise; rows the table would refuse are left out rather than failing the restore.
   */
  static final String PLANNED_WORKOUTS = """
      INSERT INTO planned_workouts (id, user_id, day, sport, title, description, duration_s, distance_m, intensity_type,
        intensity_value, target_load, target_load_estimated, steps, link, activity_id, created_at, updated_at)
      SELECT p.id, $1, p.day, p.sport, p.title, coalesce(p.description, ''), p.duration_s, p.distance_m, p.intensity_type,
             p.intensity_value, p.target_load, coalesce(p.target_load_estimated, false),
             CASE WHEN jsonb_typeof(p.steps) = 'array' THEN p.steps ELSE '[]'::jsonb END,
             CASE WHEN p.link = 'manual' AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.id = p.activity_id AND a.user_id = $1)
                  THEN 'auto' WHEN p.link IN ('auto', 'manual', 'none') THEN p.link ELSE 'auto' END,
             (SELECT a.id FROM activities a WHERE a.id = p.activity_id AND a.user_id = $1),
             coalesce(p.created_at, now()), coalesce(p.updated_at, now())
      FROM jsonb_populate_recordset(null::planned_workouts, $2::jsonb) AS p
      WHERE p.id IS NOT NULL AND p.day IS NOT NULL AND char_length(p.sport) BETWEEN 1 AND 40
        AND char_length(p.title) BETWEEN 1 AND 200 AND (p.duration_s IS NOT NULL OR p.distance_m IS NOT NULL)
        AND (p.duration_s IS NULL OR p.duration_s BETWEEN 1 AND 86400)
        AND (p.distance_m IS NULL OR (p.distance_m > 0 AND p.distance_m <= 1000000))
        AND (p.target_load IS NULL OR p.target_load BETWEEN 0 AND 2000)
        AND (p.intensity_type IS NULL) = (p.intensity_value IS NULL)
        AND (p.intensity_type IS NULL OR (p.intensity_type IN ('rpe', 'hr_zone') AND p.intensity_value BETWEEN 1 AND 10))
        AND char_length(coalesce(p.description, '')) <= 10000
      ON CONFLICT DO NOTHING""";

  static final String PLANNED_EVENTS = """
      INSERT INTO planned_events (id, user_id, day, name, sport, distance_m, priority, created_at, updated_at)
      SELECT e.id, $1, e.day, e.name, e.sport, e.distance_m, e.priority, coalesce(e.created_at, now()), coalesce(e.updated_at, now())
      FROM jsonb_populate_recordset(null::planned_events, $2::jsonb) AS e
      WHERE e.id IS NOT NULL AND e.day IS NOT NULL AND char_length(e.name) BETWEEN 1 AND 200
        AND char_length(e.sport) BETWEEN 1 AND 40 AND e.priority IN ('A', 'B', 'C')
        AND (e.distance_m IS NULL OR (e.distance_m > 0 AND e.distance_m <= 1000000))
      ON CONFLICT DO NOTHING""";

  /**
   * Privacy zones (exports since V021), within the ranges and the limit of 20 the API keeps (counting zones the athlete
   * already made). An id another account holds already gets a new one: zones are referenced by nothing, and a zone
   * must never be lost, since it keeps positions private.
   */
  static final String PRIVACY_ZONES = """
      INSERT INTO privacy_zones (id, user_id, name, lat, lon, radius_m, created_at, updated_at)
      SELECT CASE WHEN EXISTS (SELECT 1 FROM privacy_zones x WHERE x.id = z.id) THEN gen_random_uuid() ELSE z.id END,
             $1, z.name, z.lat, z.lon, z.radius_m, coalesce(z.created_at, now()), coalesce(z.updated_at, now())
      FROM (SELECT p.*, row_number() OVER (ORDER BY p.created_at, p.id) AS n
            FROM jsonb_populate_recordset(null::privacy_zones, $2::jsonb) AS p
            WHERE p.id IS NOT NULL AND char_length(btrim(p.name)) BETWEEN 1 AND 80 AND p.lat BETWEEN -90 AND 90
              AND p.lon BETWEEN -180 AND 180 AND p.radius_m BETWEEN 100 AND 1000) AS z
      WHERE z.n + (SELECT count(*) FROM privacy_zones WHERE user_id = $1) <= 20
      ON CONFLICT DO NOTHING""";
}
