-- One activity store: how copies of the same workout are grouped, why, and since when; multisport legs; when a
-- Strava copy was last refreshed from Strava; what the coach may read; and a notification for every committed change.

ALTER TABLE activities
    -- The athlete's own say about grouping: 'separate' keeps this copy out of every group, 'lead' makes it its group's primary.
    ADD COLUMN merge_choice text CHECK (merge_choice IN ('separate', 'lead')),
    -- Why this copy is merged into its primary (null for a primary), and when that was decided.
    ADD COLUMN merge_reason text,
    ADD COLUMN merged_at    timestamptz,
    -- Place in its group by source priority and richness (0 = the primary): the coach reads the best copy it may read.
    ADD COLUMN group_rank   smallint NOT NULL DEFAULT 0,
    -- When the source's data was last written (Strava's 7-day cache limit counts from here, not from an athlete's edit).
    ADD COLUMN synced_at    timestamptz NOT NULL DEFAULT now(),
    -- The legs of a multisport activity (swim, transition, bike, ...), in order; null for a single-sport activity.
    ADD COLUMN legs         jsonb;

-- Existing copies were refreshed when they were last updated.
UPDATE activities SET synced_at = updated_at;
-- Existing copies merged before decisions were recorded: say so rather than invent a reason.
UPDATE activities SET merge_reason = 'Merged before merge reasons were recorded', merged_at = updated_at, group_rank = 1
WHERE primary_activity_id IS NOT NULL;

-- Matching looks for activities of one family starting near a given time.
CREATE INDEX activities_user_family_start_idx ON activities (user_id, sport_family, start_date);

-- What the coach (and every AI feature) may read: per workout, the best copy whose source the athlete allows an LLM to
-- see. Sources are passed in by the application, which knows the data policy and the source names.
CREATE FUNCTION coach_activities(p_user uuid, p_sources text[]) RETURNS SETOF activities
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (coalesce(a.primary_activity_id, a.id)) a.*
  FROM activities a
  WHERE a.user_id = p_user AND a.source = ANY (p_sources)
  ORDER BY coalesce(a.primary_activity_id, a.id), a.group_rank, a.id
$$;

-- Every committed change to activities is announced with the user and the earliest local day it touched, so a second
-- FitCoach on the same database (or a fix by hand in SQL) is seen at once. The writing instance names itself in
-- fitcoach.instance so it can skip its own announcements. Load columns written by the load engine are not changes.
CREATE FUNCTION activities_notify(p_user uuid, p_earliest date) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_notify('activities_changed', json_build_object(
    'instance', coalesce(current_setting('fitcoach.instance', true), ''), 'user', p_user, 'earliest', p_earliest)::text)
$$;

CREATE FUNCTION activities_announce() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM activities_notify(n.user_id, min(least(o.local_date, n.local_date)))
  FROM changed_old o JOIN changed_new n ON n.id = o.id
  WHERE (o.source, o.external_id, o.sport_type, o.start_date, o.start_date_local, o.moving_time_s, o.elapsed_time_s,
         o.distance_m, o.elevation_gain_m, o.avg_hr, o.max_hr, o.avg_power_w, o.weighted_power_w, o.device_watts, o.rpe,
         o.load_override, o.primary_activity_id, o.legs, o.name, o.notes, o.description)
    IS DISTINCT FROM
        (n.source, n.external_id, n.sport_type, n.start_date, n.start_date_local, n.moving_time_s, n.elapsed_time_s,
         n.distance_m, n.elevation_gain_m, n.avg_hr, n.max_hr, n.avg_power_w, n.weighted_power_w, n.device_watts, n.rpe,
         n.load_override, n.primary_activity_id, n.legs, n.name, n.notes, n.description)
  GROUP BY n.user_id;
  RETURN NULL;
END $$;

-- Transition tables are per event, so each event gets a trigger of its own.
CREATE FUNCTION activities_announce_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM activities_notify(user_id, min(local_date)) FROM changed_new GROUP BY user_id;
  RETURN NULL;
END $$;

CREATE FUNCTION activities_announce_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM activities_notify(user_id, min(local_date)) FROM changed_old GROUP BY user_id;
  RETURN NULL;
END $$;

CREATE TRIGGER activities_inserted AFTER INSERT ON activities
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION activities_announce_insert();
CREATE TRIGGER activities_deleted AFTER DELETE ON activities
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION activities_announce_delete();
-- Only updates of what the athlete sees or what load is computed from count (not the load engine's own results); a
-- trigger with transition tables cannot name columns, so the function compares them.
CREATE TRIGGER activities_updated AFTER UPDATE ON activities
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION activities_announce();

-- A primary deleted by any writer (a fix by hand included) hands its group to its best remaining copy (the lowest
-- group rank, as the store ranked them) rather than leaving every copy a primary of its own, each counted. The link
-- is checked at commit (a referential action such as SET NULL could not wait for this), and the store regroups after
-- its own deletes anyway; this keeps other writers from double-counting a workout.
ALTER TABLE activities DROP CONSTRAINT activities_primary_activity_id_fkey;
ALTER TABLE activities ADD CONSTRAINT activities_primary_activity_id_fkey FOREIGN KEY (primary_activity_id)
  REFERENCES activities (id) DEFERRABLE INITIALLY DEFERRED;

CREATE FUNCTION activities_hand_over_groups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH heirs AS (
    SELECT DISTINCT ON (a.primary_activity_id) a.primary_activity_id AS old_primary, a.id AS heir
    FROM activities a JOIN changed_old d ON d.id = a.primary_activity_id
    ORDER BY a.primary_activity_id, a.group_rank, a.id)
  UPDATE activities a SET primary_activity_id = CASE WHEN a.id = h.heir THEN NULL ELSE h.heir END,
                          group_rank = CASE WHEN a.id = h.heir THEN 0 ELSE a.group_rank END,
                          merge_reason = CASE WHEN a.id = h.heir THEN NULL ELSE a.merge_reason END,
                          merged_at = CASE WHEN a.id = h.heir THEN NULL ELSE a.merged_at END
  FROM heirs h WHERE a.primary_activity_id = h.old_primary;
  RETURN NULL;
END $$;
CREATE TRIGGER activities_primary_deleted AFTER DELETE ON activities
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION activities_hand_over_groups();

-- Streams change what an activity shows (and, later, analysis from them).
CREATE FUNCTION activity_streams_announce() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM activities_notify(a.user_id, min(a.local_date))
  FROM activities a JOIN changed_new s ON s.activity_id = a.id GROUP BY a.user_id;
  RETURN NULL;
END $$;
CREATE TRIGGER activity_streams_inserted AFTER INSERT ON activity_streams
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION activity_streams_announce();
