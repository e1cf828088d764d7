-- Imports of device files: one row per uploaded or dropped file, processed by the import worker and resumable.

CREATE TABLE import_files (
    id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    job_id             uuid        NOT NULL REFERENCES sync_jobs (id) ON DELETE CASCADE,
    user_id            uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    original_name      text        NOT NULL,
    stored_path        text        NOT NULL,
    size_bytes         bigint      NOT NULL DEFAULT 0,
    state              text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'processing', 'done', 'failed')),
    activities_new     integer     NOT NULL DEFAULT 0,
    activities_merged  integer     NOT NULL DEFAULT 0,
    activities_known   integer     NOT NULL DEFAULT 0,
    error              text,
    warning            text,        -- imported, but with a caveat (e.g. a truncated file: what was complete)
    meta               jsonb,       -- for files from a Strava export: the export row (id, name, description, RPE)
    created_at         timestamptz NOT NULL DEFAULT now(),
    processed_at       timestamptz
);
CREATE INDEX import_files_job_idx ON import_files (job_id, state);

-- Where the kept original of a file-sourced activity lives (relative to the data folder).
ALTER TABLE activities ADD COLUMN original_file text;
CREATE INDEX activities_primary_idx ON activities (primary_activity_id) WHERE primary_activity_id IS NOT NULL;

-- What the coach may read. Strava API data reaches an LLM only after the athlete turns it on, knowingly.
CREATE TABLE data_policies (
    user_id                    uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    allow_strava_api           boolean     NOT NULL DEFAULT false,
    strava_api_acknowledged_at timestamptz,
    strava_retention           text        NOT NULL DEFAULT 'strava_policy' CHECK (strava_retention IN ('keep', 'strava_policy')),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT allow_strava_api OR strava_api_acknowledged_at IS NOT NULL)
);

-- Lists show primary activities only: an index in exactly that order keeps a page an index scan of 50 rows.
CREATE INDEX activities_primary_list_idx ON activities (user_id, start_date DESC, id) WHERE primary_activity_id IS NULL;
