-- The AI coach: which provider and models the athlete chose, every LLM call's usage, the daily recommendation,
-- per-activity insights, and which activities each answer was given.

CREATE TABLE ai_settings (
    user_id      uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    provider     text        NOT NULL CHECK (provider IN ('anthropic', 'openai')),
    model        text        CHECK (char_length(model) BETWEEN 1 AND 200),
    fast_model   text        CHECK (char_length(fast_model) BETWEEN 1 AND 200),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per call as the provider reported it; GET /api/ai/usage sums these per model and month.
CREATE TABLE llm_calls (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose        text        NOT NULL CHECK (purpose IN ('recommendation', 'chat', 'title', 'weekly_report', 'activity_insight')),
    provider       text        NOT NULL,
    model          text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('complete', 'interrupted', 'error')),
    input_tokens   integer     NOT NULL DEFAULT 0,
    output_tokens  integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_calls_user_created_idx ON llm_calls (user_id, created_at);

-- The latest recommendation per athlete and local day, so the dashboard shows it again without paying twice.
CREATE TABLE recommendations (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id              uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day                  date        NOT NULL,
    content              text        NOT NULL DEFAULT '',
    status               text        NOT NULL CHECK (status IN ('complete', 'streaming', 'interrupted', 'error')),
    model                text,
    input_tokens         integer,
    output_tokens        integer,
    context_activity_ids uuid[]      NOT NULL DEFAULT '{}',
    created_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT recommendations_user_day_key UNIQUE (user_id, day)
);

-- An insight is valid while the activity's data is what it was written from (data_hash).
CREATE TABLE activity_insights (
    activity_id    uuid        PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    data_hash      text        NOT NULL,
    content        text        NOT NULL DEFAULT '',
    status         text        NOT NULL CHECK (status IN ('complete', 'streaming', 'interrupted', 'error')),
    model          text,
    input_tokens   integer,
    output_tokens  integer,
    created_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE weekly_reports ADD COLUMN context_activity_ids uuid[] NOT NULL DEFAULT '{}';
