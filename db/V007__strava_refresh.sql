-- Strava API copies are kept fresh while the athlete stays connected instead of being lost after 7 days: a background
-- refresh has Strava re-confirm every copy, and refreshed_at says when it last did (the Strava policy's 7-day cache
-- limit counts from there). For other sources it is when the copy was last written.
ALTER TABLE activities RENAME COLUMN synced_at TO refreshed_at;
CREATE INDEX activities_strava_refreshed_idx ON activities (user_id, refreshed_at) WHERE source = 'strava';

-- A refresh is a job of its own kind beside the sync, so the athlete's "Sync now" never waits behind it.
ALTER TABLE sync_jobs DROP CONSTRAINT sync_jobs_kind_check;
ALTER TABLE sync_jobs ADD CONSTRAINT sync_jobs_kind_check CHECK (kind IN ('strava', 'import', 'strava_refresh'));
ALTER TABLE sync_jobs DROP CONSTRAINT sync_jobs_mode_check;
ALTER TABLE sync_jobs ADD CONSTRAINT sync_jobs_mode_check CHECK (mode IN ('backfill', 'incremental', 'refresh'));
