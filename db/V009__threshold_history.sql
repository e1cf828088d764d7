-- Thresholds over time: FTP, LTHR, max HR, resting HR, threshold pace and weight each become a dated history. The value
-- in force on a day is the entry with the latest valid_from on or before it; before the earliest entry the earliest
-- applies, so one entry covers all of the athlete's history. The profile's single values move here (one source of truth).

CREATE TABLE threshold_history (
    id          uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text             NOT NULL CHECK (kind IN ('ftp', 'lthr', 'max_hr', 'resting_hr', 'threshold_pace', 'weight')),
    valid_from  date             NOT NULL,
    value       double precision NOT NULL,
    source      text             NOT NULL DEFAULT 'athlete' CHECK (source IN ('athlete', 'migrated', 'suggestion')),
    created_at  timestamptz      NOT NULL DEFAULT now(),
    updated_at  timestamptz      NOT NULL DEFAULT now(),
    -- The profile's old ranges: W, bpm, s per km, kg.
    CONSTRAINT threshold_history_value_range CHECK (CASE kind
        WHEN 'ftp' THEN value BETWEEN 50 AND 600
        WHEN 'lthr' THEN value BETWEEN 80 AND 220
        WHEN 'max_hr' THEN value BETWEEN 100 AND 230
        WHEN 'resting_hr' THEN value BETWEEN 25 AND 120
        WHEN 'threshold_pace' THEN value BETWEEN 120 AND 900
        WHEN 'weight' THEN value BETWEEN 20 AND 350 END),
    CONSTRAINT threshold_history_user_kind_date_key UNIQUE (user_id, kind, valid_from)
);

-- A higher threshold the data implies (an HR above max HR, an eFTP above FTP), offered to the athlete with its evidence;
-- never applied until accepted. At most one pending per kind: a newer, better offer replaces it.
CREATE TABLE threshold_suggestions (
    id          uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text             NOT NULL CHECK (kind IN ('ftp', 'lthr', 'max_hr', 'resting_hr', 'threshold_pace', 'weight')),
    value       double precision NOT NULL,
    valid_from  date             NOT NULL,
    activity_id uuid             REFERENCES activities (id) ON DELETE SET NULL,
    evidence    text             NOT NULL CHECK (char_length(evidence) <= 500),
    state       text             NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'dismissed')),
    created_at  timestamptz      NOT NULL DEFAULT now(),
    decided_at  timestamptz,
    CONSTRAINT threshold_suggestions_decided CHECK ((state = 'pending') = (decided_at IS NULL)),
    CONSTRAINT threshold_suggestions_value_range CHECK (CASE kind
        WHEN 'ftp' THEN value BETWEEN 50 AND 600
        WHEN 'lthr' THEN value BETWEEN 80 AND 220
        WHEN 'max_hr' THEN value BETWEEN 100 AND 230
        WHEN 'resting_hr' THEN value BETWEEN 25 AND 120
        WHEN 'threshold_pace' THEN value BETWEEN 120 AND 900
        WHEN 'weight' THEN value BETWEEN 20 AND 350 END)
);
CREATE UNIQUE INDEX threshold_suggestions_one_pending_idx ON threshold_suggestions (user_id, kind) WHERE state = 'pending';
CREATE INDEX threshold_suggestions_activity_idx ON threshold_suggestions (activity_id) WHERE activity_id IS NOT NULL;

-- Each single profile value becomes one entry, valid from the athlete's first activity (inside the date window) or,
-- without activities, from the day the profile was last saved. Before its date the earliest entry applies anyway,
-- so every activity keeps the load it had.
INSERT INTO threshold_history (user_id, kind, valid_from, value, source, created_at, updated_at)
SELECT p.user_id, k.kind,
       coalesce((SELECT min(a.local_date) FROM activities a WHERE a.user_id = p.user_id AND a.local_date >= DATE '1969-12-31'),
                (p.updated_at AT TIME ZONE 'UTC')::date),
       k.value, 'migrated', p.updated_at, p.updated_at
FROM athlete_profiles p
CROSS JOIN LATERAL (VALUES ('ftp', p.ftp_watts::float8), ('lthr', p.lthr::float8), ('max_hr', p.max_hr::float8),
                           ('resting_hr', p.resting_hr::float8), ('threshold_pace', p.threshold_pace_s_per_km::float8),
                           ('weight', p.weight_kg::float8)) AS k(kind, value)
WHERE k.value IS NOT NULL;

ALTER TABLE athlete_profiles
    DROP COLUMN ftp_watts,
    DROP COLUMN lthr,
    DROP COLUMN max_hr,
    DROP COLUMN resting_hr,
    DROP COLUMN threshold_pace_s_per_km,
    DROP COLUMN weight_kg;

-- A threshold written by another FitCoach on the same database (or by hand) changes loads too: announce it on the
-- activities' channel. It names no day: the loads that change show where the chart changes.
CREATE FUNCTION threshold_history_announce() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('activities_changed', json_build_object(
    'instance', coalesce(current_setting('fitcoach.instance', true), ''), 'user', user_id, 'thresholds', true)::text)
  FROM (SELECT DISTINCT user_id FROM changed_rows) r;
  RETURN NULL;
END $$;
CREATE TRIGGER threshold_history_inserted AFTER INSERT ON threshold_history
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION threshold_history_announce();
CREATE TRIGGER threshold_history_updated AFTER UPDATE ON threshold_history
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION threshold_history_announce();
CREATE TRIGGER threshold_history_deleted AFTER DELETE ON threshold_history
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION threshold_history_announce();
