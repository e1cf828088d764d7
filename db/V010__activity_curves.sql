-- Issue 14: each activity's analysis, computed once from its stored streams (fitcoach.progress.CurveRow) so range
-- curves, best efforts, CP models and weekly zone times over years are reads of these rows, never a rescan of streams.
-- Arrays are positional: element i of a curve is MeanMax.DURATIONS_S[i] (30 durations, 1 s .. 6 h), element i of the
-- efforts is BestEfforts.RUN_DISTANCES_M[i]; NULL where the activity has no such window.
-- The histograms count moving seconds by value so zone times can be summed for any thresholds at query time:
--   hr_hist[i]    = seconds with heart rate in [i, i + 1) bpm (i from 0; index 1-based in SQL),
--   power_hist[i] = seconds with power in [i, i + 1) W, capped at 2000 W (the last bin holds everything above).
-- Trailing empty bins are not stored. A zone bound b puts at most the seconds of the one bin holding b on the wrong
-- side: zone sums from the histogram differ from an exact count by at most the seconds within 1 bpm / 1 W of a bound.
CREATE TABLE activity_curves (
    activity_id      uuid        PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    engine_version   integer     NOT NULL,
    sport_family     text,
    local_date       date,
    streams_at       timestamptz NOT NULL,  -- activity_streams.fetched_at of the streams it was computed from
    grid_seconds     integer,
    moving_seconds   integer,
    normalized_power real,
    power            real[],
    power_start      integer[],
    hr               real[],
    hr_start         integer[],
    speed            real[],
    speed_start      integer[],
    effort_time      real[],
    effort_start     real[],
    hr_hist          integer[],
    power_hist       integer[],
    computed_at      timestamptz NOT NULL DEFAULT now(),
    -- Streams deleted: the analysis of them goes too.
    FOREIGN KEY (activity_id) REFERENCES activity_streams (activity_id) ON DELETE CASCADE
);
CREATE INDEX activity_curves_user_date_idx ON activity_curves (user_id, local_date);
CREATE INDEX activity_curves_user_family_date_idx ON activity_curves (user_id, sport_family, local_date);
-- The worker's to-do scan: rows of an older engine.
CREATE INDEX activity_curves_version_idx ON activity_curves (engine_version);

-- Streams replaced (a Strava streams fetch, a re-import): the row no longer describes them; the worker computes it anew.
CREATE FUNCTION activity_streams_replaced() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM activity_curves WHERE activity_id = NEW.activity_id;
  RETURN NULL;
END $$;
CREATE TRIGGER activity_streams_replaced AFTER UPDATE OF data ON activity_streams
  FOR EACH ROW EXECUTE FUNCTION activity_streams_replaced();

-- The row's copies of the activity's owner, date and family follow edits of the activity (a sport changed, a start
-- time corrected), so range scans on this table alone stay right.
CREATE FUNCTION activity_curves_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE activity_curves SET user_id = NEW.user_id, local_date = NEW.local_date, sport_family = NEW.sport_family
  WHERE activity_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER activity_curves_follow AFTER UPDATE OF user_id, start_date_local, sport_family ON activities
  FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.local_date IS DISTINCT FROM NEW.local_date
                     OR OLD.sport_family IS DISTINCT FROM NEW.sport_family)
  EXECUTE FUNCTION activity_curves_follow();
