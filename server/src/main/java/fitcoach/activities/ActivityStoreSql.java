package fitcoach.activities;

/** Every statement that writes {@code activities}, {@code activity_streams} or {@code activity_laps}: the store is their only user. */
final class ActivityStoreSql {
  private ActivityStoreSql() {
  }

  /** One writer per athlete at a time, across every instance on this database; and who is writing, for announcements. */
  static final String BEGIN = """
      SELECT pg_advisory_xact_lock(hashtextextended($1::text, 1207)), set_config('fitcoach.instance', $2, true)""";
  /**
   * The same per-athlete lock for the load engine's writes: they touch the rows a store write may delete or update, and
   * two writers taking row locks in different orders deadlock (a disconnect's delete against a recompute's update).
   */
  static final String LOCK_ATHLETE = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 1207))";

  private static final String INSERT_ROWS = """
      INSERT INTO activities (user_id, source, external_id, sport_type, sport_family, name, description, notes, start_date,
        start_date_local, time_zone, moving_time_s, elapsed_time_s, distance_m, elevation_gain_m, avg_hr, max_hr, avg_power_w,
        weighted_power_w, device_watts, kilojoules, avg_cadence, avg_speed_mps, max_speed_mps, calories, rpe, trainer, commute,
        manual, summary_polyline, raw, original_file, legs, refreshed_at)
      SELECT $1, u.source, u.external_id, u.sport_type, u.sport_family, u.name, u.description, u.notes, u.start_date,
        u.start_date_local, u.time_zone, u.moving_time_s, u.elapsed_time_s, u.distance_m, u.elevation_gain_m, u.avg_hr, u.max_hr,
        u.avg_power_w, u.weighted_power_w, u.device_watts, u.kilojoules, u.avg_cadence, u.avg_speed_mps, u.max_speed_mps,
        u.calories, u.rpe, u.trainer, u.commute, u.manual, u.summary_polyline, u.raw, u.original_file, u.legs -> 'legs',
        $REFRESHED::timestamptz
      FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
        $9::timestamptz[], $10::timestamp[], $11::text[], $12::int[], $13::int[], $14::float8[], $15::float8[], $16::float8[],
        $17::float8[], $18::float8[], $19::float8[], $20::bool[], $21::float8[], $22::float8[], $23::float8[], $24::float8[],
        $25::float8[], $26::int[], $27::bool[], $28::bool[], $29::bool[], $30::text[], $31::jsonb[], $32::text[], $33::jsonb[])
        AS u(source, external_id, sport_type, sport_family, name, description, notes, start_date, start_date_local, time_zone,
             moving_time_s, elapsed_time_s, distance_m, elevation_gain_m, avg_hr, max_hr, avg_power_w, weighted_power_w,
             device_watts, kilojoules, avg_cadence, avg_speed_mps, max_speed_mps, calories, rpe, trainer, commute, manual,
             summary_polyline, raw, original_file, legs)
      """;

  /**
   * Whether a stored copy could be the same workout as the written row {@code ins} (rows written by the same statement
   * are not visible here; the store checks those among themselves): most new copies have none, and then there is
   * nothing to group.
   */
  private static final String NEAR = """
        ins.legs IS NOT NULL
          OR EXISTS (SELECT 1 FROM activities o WHERE o.user_id = $1 AND o.id <> ins.id AND o.sport_family = ins.sport_family
                       AND o.start_date BETWEEN ins.start_date - interval '2 minutes' AND ins.start_date + interval '2 minutes')
          OR EXISTS (SELECT 1 FROM activities o WHERE o.user_id = $1 AND o.id <> ins.id AND o.sport_family = 'multisport'
                       AND o.legs IS NOT NULL
                       AND o.start_date BETWEEN ins.start_date - interval '2 days' AND ins.start_date + interval '2 minutes')
          AS near
        """;

  /**
   * A copy already stored (the same file, the same export row) is left as it is. New copies' samples go in with them
   * ($34..$37: source, external id, point count, data and comma-joined types of each copy that has samples): one
   * statement per write, while other files wait to be stored.
   */
  static final String INSERT_NEW = "WITH ins AS (" + INSERT_ROWS.replace("$REFRESHED", "$39") + """
      ON CONFLICT (user_id, source, external_id) DO NOTHING
      RETURNING id, source, external_id, local_date, sport_family, start_date, legs),
      samples AS (
        INSERT INTO activity_streams (activity_id, resolution, point_count, data, stream_types)
        SELECT ins.id, 'full', s.points, s.data, string_to_array(s.types, ',')
        FROM ins JOIN unnest($34::text[], $35::text[], $36::int[], $37::bytea[], $38::text[]) AS s(source, external_id, points, data, types)
          ON s.source = ins.source AND s.external_id = ins.external_id
        ON CONFLICT (activity_id) DO NOTHING)
      SELECT id, external_id, true AS inserted, true AS changed, local_date, null::date AS old_date, false AS grouped,
      """ + NEAR + """
      FROM ins""";

  /**
   * A copy already stored is refreshed from its source (Strava API): a summary does not carry every detail field, so
   * those keep their stored value; the athlete's RPE wins over the source's.
   */
  static final String INSERT_OR_REFRESH = """
      WITH old AS (
        SELECT a.id, a.local_date,
          a.primary_activity_id IS NOT NULL OR EXISTS (SELECT 1 FROM activities m WHERE m.primary_activity_id = a.id) AS grouped
        FROM activities a WHERE a.user_id = $1 AND a.source = ANY ($2::text[]) AND a.external_id = ANY ($3::text[])),
      ins AS (""" + INSERT_ROWS.replace("$REFRESHED", "$34") + """
      ON CONFLICT (user_id, source, external_id) DO UPDATE SET
        sport_type = EXCLUDED.sport_type, sport_family = EXCLUDED.sport_family, name = EXCLUDED.name,
        description = coalesce(EXCLUDED.description, activities.description), start_date = EXCLUDED.start_date,
        start_date_local = EXCLUDED.start_date_local, time_zone = coalesce(EXCLUDED.time_zone, activities.time_zone),
        moving_time_s = EXCLUDED.moving_time_s, elapsed_time_s = EXCLUDED.elapsed_time_s, distance_m = EXCLUDED.distance_m,
        elevation_gain_m = EXCLUDED.elevation_gain_m, avg_hr = EXCLUDED.avg_hr, max_hr = EXCLUDED.max_hr,
        avg_power_w = EXCLUDED.avg_power_w, weighted_power_w = EXCLUDED.weighted_power_w, device_watts = EXCLUDED.device_watts,
        kilojoules = EXCLUDED.kilojoules, avg_cadence = EXCLUDED.avg_cadence, avg_speed_mps = EXCLUDED.avg_speed_mps,
        max_speed_mps = EXCLUDED.max_speed_mps, calories = coalesce(EXCLUDED.calories, activities.calories),
        rpe = coalesce(activities.rpe, EXCLUDED.rpe), trainer = EXCLUDED.trainer, commute = EXCLUDED.commute,
        manual = EXCLUDED.manual, summary_polyline = EXCLUDED.summary_polyline,
        raw = CASE WHEN EXCLUDED.raw ? 'description' OR NOT activities.raw ? 'description' THEN EXCLUDED.raw ELSE activities.raw END,
        legs = coalesce(EXCLUDED.legs, activities.legs), refreshed_at = EXCLUDED.refreshed_at,
        -- A refresh that brings nothing new (most of them: Strava re-confirms copies daily) leaves the copy as it was
        -- written; Strava's raw answer (kudos, counts) is kept but is not a change of the workout.
        updated_at = CASE WHEN (activities.sport_type, activities.name, activities.description, activities.start_date,
            activities.start_date_local, activities.time_zone, activities.moving_time_s, activities.elapsed_time_s,
            activities.distance_m, activities.elevation_gain_m, activities.avg_hr, activities.max_hr, activities.avg_power_w,
            activities.weighted_power_w, activities.device_watts, activities.kilojoules, activities.avg_cadence,
            activities.avg_speed_mps, activities.max_speed_mps, activities.calories, activities.rpe, activities.trainer,
            activities.commute, activities.manual, activities.summary_polyline, activities.legs)
          IS DISTINCT FROM (EXCLUDED.sport_type, EXCLUDED.name, coalesce(EXCLUDED.description, activities.description),
            EXCLUDED.start_date, EXCLUDED.start_date_local, coalesce(EXCLUDED.time_zone, activities.time_zone),
            EXCLUDED.moving_time_s, EXCLUDED.elapsed_time_s, EXCLUDED.distance_m, EXCLUDED.elevation_gain_m, EXCLUDED.avg_hr,
            EXCLUDED.max_hr, EXCLUDED.avg_power_w, EXCLUDED.weighted_power_w, EXCLUDED.device_watts, EXCLUDED.kilojoules,
            EXCLUDED.avg_cadence, EXCLUDED.avg_speed_mps, EXCLUDED.max_speed_mps,
            coalesce(EXCLUDED.calories, activities.calories), coalesce(activities.rpe, EXCLUDED.rpe), EXCLUDED.trainer,
            EXCLUDED.commute, EXCLUDED.manual, EXCLUDED.summary_polyline, coalesce(EXCLUDED.legs, activities.legs))
          THEN now() ELSE activities.updated_at END
      RETURNING id, external_id, (xmax = 0) AS inserted, updated_at = now() AS changed, local_date, sport_family, start_date, legs)
      SELECT ins.id, ins.external_id, ins.inserted, ins.inserted OR ins.changed AS changed, ins.local_date, old.local_date AS old_date,
        coalesce(old.grouped, false) AS grouped,
      """ + NEAR + """
      FROM ins LEFT JOIN old ON old.id = ins.id""";

  /** Where copies lie now (the ids of a source's copy). */
  static final String CURRENT_DAYS = """
      SELECT id, local_date FROM activities WHERE user_id = $1 AND source = $2 AND external_id = ANY ($3)""";

  static final String SAVE_STREAMS = """
      INSERT INTO activity_streams (activity_id, resolution, point_count, data, stream_types) VALUES ($1, 'full', $2, $3, $4)
      ON CONFLICT (activity_id) DO UPDATE SET point_count = EXCLUDED.point_count, data = EXCLUDED.data,
        stream_types = EXCLUDED.stream_types, fetched_at = now()
      RETURNING (SELECT a.local_date FROM activities a WHERE a.id = activity_streams.activity_id) AS local_date""";

  static final String UPDATE_EDITABLE = """
      UPDATE activities SET rpe = $3, notes = $4, load_override = $5, sport_type = $6, sport_family = $7, name = $8,
        updated_at = now()
      WHERE user_id = $1 AND id = $2 RETURNING local_date""";

  static final String DELETE_ONE = "DELETE FROM activities WHERE user_id = $1 AND id = $2 RETURNING id, local_date";
  static final String DELETE_BY_SOURCE = """
      DELETE FROM activities WHERE user_id = $1 AND source = $2 AND external_id = $3 RETURNING id, local_date""";
  static final String DELETE_ALL_OF_SOURCE = "DELETE FROM activities WHERE user_id = $1 AND source = $2 RETURNING id, local_date";

  /**
   * Strava's API Policy caps caching at 7 days: under the "strava_policy" retention (the default), Strava API copies
   * Strava has not re-confirmed since {@code $2} (7 days before now) go; file and export copies of the same workouts stay.
   * While the athlete is connected, the background refresh re-confirms every copy long before that.
   */
  static final String EXPIRE_STRAVA = """
      DELETE FROM activities a
      WHERE a.user_id = $1 AND a.source = 'strava' AND a.refreshed_at < $2
        AND coalesce((SELECT p.strava_retention FROM data_policies p WHERE p.user_id = a.user_id), 'strava_policy') = 'strava_policy'
      RETURNING id, local_date""";
  static final String USERS_WITH_EXPIRED_STRAVA = """
      SELECT DISTINCT a.user_id FROM activities a
      WHERE a.source = 'strava' AND a.refreshed_at < $1
        AND coalesce((SELECT p.strava_retention FROM data_policies p WHERE p.user_id = a.user_id), 'strava_policy') = 'strava_policy'""";

  static final String SET_CHOICE = "UPDATE activities SET merge_choice = $3 WHERE user_id = $1 AND id = $2";
  /** A new leader choice replaces any earlier one in the same group. */
  static final String CLEAR_LEAD_CHOICES = """
      UPDATE activities SET merge_choice = NULL WHERE user_id = $1 AND merge_choice = 'lead' AND id = ANY ($2)""";

  private static final String COPY_COLUMNS = """
      SELECT a.id, a.source, a.external_id, a.sport_family, a.start_date, coalesce(a.elapsed_time_s, a.moving_time_s, 0) AS duration,
        coalesce(cardinality(s.stream_types), 0) AS stream_types, coalesce(s.point_count, 0) AS points,
        num_nonnulls(a.avg_hr, a.max_hr, a.avg_power_w, a.weighted_power_w, a.distance_m, a.elevation_gain_m, a.avg_cadence,
          a.calories) AS metrics,
        a.merge_choice, a.primary_activity_id, a.group_rank, a.merge_reason, a.local_date, a.legs
      FROM activities a LEFT JOIN activity_streams s ON s.activity_id = a.id""";

  /** The given copies, the copies grouped with them, and the copies of the same family starting near them. */
  static final String COPIES_AROUND = """
      WITH seeds AS (SELECT id, sport_family, start_date, primary_activity_id, legs FROM activities
                     WHERE user_id = $1 AND id = ANY ($2)),
      around AS (
        SELECT id FROM seeds
        UNION SELECT a.id FROM activities a JOIN seeds s ON a.user_id = $1 AND a.primary_activity_id = coalesce(s.primary_activity_id, s.id)
        UNION SELECT primary_activity_id FROM seeds WHERE primary_activity_id IS NOT NULL
        UNION SELECT a.id FROM seeds s JOIN activities a ON a.user_id = $1 AND a.sport_family = s.sport_family
          AND a.start_date BETWEEN s.start_date - interval '2 minutes' AND s.start_date + interval '2 minutes'
        -- Other sources' copies of a multisport activity's legs (Strava keeps a race as one activity per leg) ...
        UNION SELECT a.id FROM seeds s CROSS JOIN LATERAL jsonb_array_elements(s.legs) l
          JOIN activities a ON a.user_id = $1 AND a.sport_family = l->>'sportFamily'
          AND a.start_date BETWEEN s.start_date + make_interval(secs => (l->>'startOffsetS')::int) - interval '2 minutes'
                               AND s.start_date + make_interval(secs => (l->>'startOffsetS')::int) + interval '2 minutes'
          WHERE jsonb_typeof(s.legs) = 'array'
        -- ... and the multisport activity a leg's copy belongs to.
        UNION SELECT a.id FROM seeds s JOIN activities a ON a.user_id = $1 AND a.sport_family = 'multisport' AND a.legs IS NOT NULL
          AND a.start_date BETWEEN s.start_date - interval '2 days' AND s.start_date + interval '2 minutes'
          AND a.start_date + make_interval(secs => coalesce(a.elapsed_time_s, 0)) >= s.start_date - interval '2 minutes')
      """ + COPY_COLUMNS + " JOIN around ON around.id = a.id";

  static final String ALL_COPIES = COPY_COLUMNS + " WHERE a.user_id = $1";

  static final String PLACE = """
      UPDATE activities a SET primary_activity_id = u.primary_id, group_rank = u.rank, merge_reason = u.reason,
        merged_at = CASE WHEN u.primary_id IS NULL THEN NULL
                         WHEN a.primary_activity_id IS DISTINCT FROM u.primary_id THEN now() ELSE a.merged_at END
      FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[]) AS u(id, primary_id, rank, reason)
      WHERE a.id = u.id""";

  // Restore: ids are kept so links between activities, streams, chats and answers survive; grouping is redone after.
  static final String RESTORE_ACTIVITIES = """
      INSERT INTO activities (user_id, id, source, external_id, sport_type, sport_family, name, description, notes, start_date,
        start_date_local, time_zone, moving_time_s, elapsed_time_s, distance_m, elevation_gain_m, avg_hr, max_hr, avg_power_w,
        weighted_power_w, device_watts, kilojoules, avg_cadence, avg_speed_mps, max_speed_mps, rpe, calories, trainer, commute,
        manual, summary_polyline, load, load_method, load_override, raw, merge_choice, legs)
      SELECT $1, id, source, external_id, sport_type, sport_family, name, description, notes, start_date, start_date_local,
        time_zone, moving_time_s, elapsed_time_s, distance_m, elevation_gain_m, avg_hr, max_hr, avg_power_w, weighted_power_w,
        device_watts, kilojoules, avg_cadence, avg_speed_mps, max_speed_mps, rpe, calories, coalesce(trainer, false),
        coalesce(commute, false), coalesce(manual, false), summary_polyline, load, load_method, load_override, raw,
        merge_choice, legs
      FROM jsonb_populate_recordset(null::activities, $2::jsonb)
      ON CONFLICT DO NOTHING
      RETURNING id""";

  static final String RESTORE_STREAM = """
      INSERT INTO activity_streams (activity_id, resolution, point_count, data, stream_types)
      SELECT $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM activities WHERE id = $2 AND user_id = $1)
      ON CONFLICT DO NOTHING""";

  // Laps: replaced as a whole when a source sends them again (a lap's numbers mean nothing beside another version's).
  static final String DELETE_LAPS = "DELETE FROM activity_laps WHERE activity_id = ANY ($1::uuid[])";
  static final String INSERT_LAPS = """
      INSERT INTO activity_laps (activity_id, lap_index, start_s, elapsed_s, moving_s, distance_m, avg_hr, max_hr, avg_power_w,
        normalized_power_w, avg_speed_mps, ascent_m, trigger)
      SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::int[], $6::float8[], $7::float8[], $8::float8[],
        $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::text[])""";

  /**
   * Laps of restored activities, from each activity row's "laps" array (as the export writes them), for the activities
   * of this athlete the restore inserted; at most ActivityLap.MAX_PER_ACTIVITY each.
   */
  static final String RESTORE_LAPS = """
      INSERT INTO activity_laps (activity_id, lap_index, start_s, elapsed_s, moving_s, distance_m, avg_hr, max_hr, avg_power_w,
        normalized_power_w, avg_speed_mps, ascent_m, trigger)
      SELECT a.id, l.lap_index, l.start_s, l.elapsed_s, l.moving_s, l.distance_m, l.avg_hr, l.max_hr, l.avg_power_w,
        l.normalized_power_w, l.avg_speed_mps, l.ascent_m, l.trigger
      FROM jsonb_array_elements($2::jsonb) r
      JOIN activities a ON a.id = (r->>'id')::uuid AND a.user_id = $1
      CROSS JOIN LATERAL jsonb_populate_recordset(null::activity_laps,
        CASE WHEN jsonb_typeof(r->'laps') = 'array' THEN r->'laps' ELSE '[]'::jsonb END) l
      WHERE l.lap_index BETWEEN 0 AND $3 - 1 AND l.start_s IS NOT NULL AND l.elapsed_s >= 0
      ON CONFLICT DO NOTHING""";

  /** The load engine's results: not a change of the activity (nothing is regrouped or announced). */
  static final String SAVE_LOADS = """
      UPDATE activities a SET load = u.load, load_method = u.method, load_uses_estimate = u.estimated, sport_family = u.family
      FROM unnest($1::uuid[], $2::float8[], $3::text[], $4::bool[], $5::text[]) AS u(id, load, method, estimated, family)
      WHERE a.id = u.id""";
}
