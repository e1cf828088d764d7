-- FitCoach data model. Later features add columns; they never edit this file.
-- All instants are timestamptz (UTC on the wire); local dates are stored explicitly where the athlete's day matters.

CREATE TABLE users (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_lowercase CHECK (email = lower(email))
);
CREATE UNIQUE INDEX users_email_key ON users (email);
-- FitCoach is single-user: the first account locks the instance. A unique index on a constant lets the
-- database, not a check-then-insert, decide which of many concurrent setups wins.
CREATE UNIQUE INDEX users_single_account ON users ((true));

-- Signed-in sessions, so a cookie can be revoked by signing out.
CREATE TABLE sessions (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    user_agent  text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_keys (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider      text        NOT NULL CHECK (provider IN ('anthropic', 'openai')),
    encrypted_key bytea,                 -- version byte || IV || ciphertext+tag; null for keyless local servers
    key_hint      text,                  -- last 4 characters, the only part ever shown
    base_url      text,
    model         text,
    config        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, provider)
);

CREATE TABLE athlete_profiles (
    user_id                   uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    sex                       text        CHECK (sex IN ('male', 'female', 'other')),
    birth_year                integer     CHECK (birth_year BETWEEN 1900 AND 2100),
    weight_kg                 numeric(5,1) CHECK (weight_kg BETWEEN 20 AND 350),
    height_cm                 numeric(5,1) CHECK (height_cm BETWEEN 80 AND 260),
    max_hr                    integer     CHECK (max_hr BETWEEN 100 AND 230),
    resting_hr                integer     CHECK (resting_hr BETWEEN 25 AND 120),
    lthr                      integer     CHECK (lthr BETWEEN 80 AND 220),
    ftp_watts                 integer     CHECK (ftp_watts BETWEEN 50 AND 600),
    threshold_pace_s_per_km   integer     CHECK (threshold_pace_s_per_km BETWEEN 120 AND 900),
    vo2max                    numeric(4,1) CHECK (vo2max BETWEEN 20 AND 100),
    units                     text        NOT NULL DEFAULT 'metric' CHECK (units IN ('metric', 'imperial')),
    time_zone                 text        NOT NULL DEFAULT 'UTC',
    goals                     text        CHECK (char_length(goals) <= 1000),
    preferences               text        CHECK (char_length(preferences) <= 1000),
    updated_at                timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE strava_connections (
    user_id                 uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    athlete_id              bigint      NOT NULL UNIQUE,
    encrypted_access_token  bytea       NOT NULL,
    encrypted_refresh_token bytea       NOT NULL,
    expires_at              timestamptz NOT NULL,
    scopes                  text[]      NOT NULL DEFAULT '{}',
    athlete                 jsonb,
    needs_reauth            boolean     NOT NULL DEFAULT false,
    last_sync_at            timestamptz,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE oauth_states (
    state       text        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    text        NOT NULL DEFAULT 'strava',
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX oauth_states_expiry_idx ON oauth_states (expires_at);

CREATE TABLE activities (
    id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id               uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source                text        NOT NULL CHECK (source IN ('strava', 'strava_export', 'file', 'manual', 'demo')),
    external_id           text        NOT NULL,
    sport_type            text        NOT NULL,
    name                  text,
    description           text,
    notes                 text,
    start_date            timestamptz NOT NULL,
    start_date_local      timestamp   NOT NULL,
    local_date            date        GENERATED ALWAYS AS (start_date_local::date) STORED,
    time_zone             text,
    moving_time_s         integer     CHECK (moving_time_s >= 0),
    elapsed_time_s        integer     CHECK (elapsed_time_s >= 0),
    distance_m            double precision CHECK (distance_m >= 0),
    elevation_gain_m      double precision,
    avg_hr                double precision,
    max_hr                double precision,
    avg_power_w           double precision,
    weighted_power_w      double precision,
    device_watts          boolean,
    kilojoules            double precision,
    avg_cadence           double precision,
    avg_speed_mps         double precision,
    max_speed_mps         double precision,
    rpe                   smallint    CHECK (rpe BETWEEN 1 AND 10),
    calories              double precision,
    trainer               boolean     NOT NULL DEFAULT false,
    commute               boolean     NOT NULL DEFAULT false,
    manual                boolean     NOT NULL DEFAULT false,
    summary_polyline      text,
    raw                   jsonb,
    load                  double precision,
    load_method           text,
    load_override         double precision,
    primary_activity_id   uuid        REFERENCES activities (id) ON DELETE SET NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT activities_source_external_key UNIQUE (user_id, source, external_id)
);
CREATE INDEX activities_user_start_idx ON activities (user_id, start_date DESC, id);
CREATE INDEX activities_user_local_date_idx ON activities (user_id, local_date);

CREATE TABLE activity_streams (
    activity_id  uuid        PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
    resolution   text,
    point_count  integer     NOT NULL DEFAULT 0,
    data         bytea,                  -- compact columnar encoding, written by the import/sync features
    stream_types text[]      NOT NULL DEFAULT '{}',
    fetched_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_sessions (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       text        NOT NULL DEFAULT 'New chat' CHECK (char_length(title) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_sessions_user_updated_idx ON chat_sessions (user_id, updated_at DESC);

CREATE TABLE chat_messages (
    -- seq gives a total order; created_at alone ties inside one transaction.
    seq            bigint      GENERATED ALWAYS AS IDENTITY,
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id     uuid        NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role           text        NOT NULL CHECK (role IN ('user', 'assistant')),
    content        text        NOT NULL,
    status         text        NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'streaming', 'interrupted', 'error')),
    model          text,
    provider       text,
    input_tokens   integer,
    output_tokens  integer,
    context_activity_ids uuid[],
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_messages_session_seq_idx ON chat_messages (session_id, seq);

CREATE TABLE weekly_reports (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    week_start    date        NOT NULL,
    summary       text        NOT NULL DEFAULT '',
    metrics       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status        text        NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'streaming', 'interrupted', 'error')),
    model         text,
    input_tokens  integer,
    output_tokens integer,
    generated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT weekly_reports_user_week_key UNIQUE (user_id, week_start)
);

CREATE TABLE sync_jobs (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind                text        NOT NULL DEFAULT 'strava' CHECK (kind IN ('strava', 'import')),
    state               text        NOT NULL DEFAULT 'queued'
                                    CHECK (state IN ('queued', 'running', 'waiting', 'done', 'failed', 'cancelled')),
    cursor              jsonb       NOT NULL DEFAULT '{}'::jsonb,
    pages_fetched       integer     NOT NULL DEFAULT 0,
    activities_fetched  integer     NOT NULL DEFAULT 0,
    activities_new      integer     NOT NULL DEFAULT 0,
    activities_updated  integer     NOT NULL DEFAULT 0,
    activities_failed   integer     NOT NULL DEFAULT 0,
    resume_at           timestamptz,
    error               text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    finished_at         timestamptz
);
-- At most one unfinished job per user and kind: a second "sync now" finds the running one.
CREATE UNIQUE INDEX sync_jobs_one_active_idx ON sync_jobs (user_id, kind)
    WHERE state IN ('queued', 'running', 'waiting');

CREATE TABLE webhook_events (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload          jsonb       NOT NULL,
    subscription_id  bigint,
    owner_id         bigint,
    object_type      text,
    object_id        bigint,
    aspect_type      text,
    event_time       bigint,
    received_at      timestamptz NOT NULL DEFAULT now(),
    processed_at     timestamptz,
    outcome          text,
    error            text,
    attempts         integer     NOT NULL DEFAULT 0
);
CREATE INDEX webhook_events_pending_idx ON webhook_events (received_at) WHERE processed_at IS NULL;
