-- The athlete's plan: sessions planned on local dates, and races or goal days. Owned by fitcoach.plan; the ranges
-- mirror fitcoach.plan.PlanValidation. A planned workout is linked to the activity that did it at read time (same
-- local date and sport family); the athlete can link one by hand (link 'manual', activity_id set) or say that none did
-- it (link 'none'). A deleted activity unlinks itself.
CREATE TABLE planned_workouts (
    id                     uuid             PRIMARY KEY,
    user_id                uuid             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day                    date             NOT NULL,
    sport                  text             NOT NULL CHECK (char_length(sport) BETWEEN 1 AND 40),
    title                  text             NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description            text             NOT NULL DEFAULT '' CHECK (char_length(description) <= 10000),
    duration_s             integer          CHECK (duration_s BETWEEN 1 AND 86400),
    distance_m             double precision CHECK (distance_m > 0 AND distance_m <= 1000000),
    intensity_type         text             CHECK (intensity_type IN ('rpe', 'hr_zone')),
    intensity_value        smallint         CHECK (intensity_value BETWEEN 1 AND 10),
    target_load            double precision CHECK (target_load >= 0 AND target_load <= 2000),
    target_load_estimated  boolean          NOT NULL DEFAULT false,
    steps                  jsonb            NOT NULL DEFAULT '[]'::jsonb,
    link                   text             NOT NULL DEFAULT 'auto' CHECK (link IN ('auto', 'manual', 'none')),
    activity_id            uuid             REFERENCES activities (id) ON DELETE SET NULL,
    created_at             timestamptz      NOT NULL DEFAULT now(),
    updated_at             timestamptz      NOT NULL DEFAULT now(),
    CHECK (duration_s IS NOT NULL OR distance_m IS NOT NULL),
    CHECK ((intensity_type IS NULL) = (intensity_value IS NULL))
);
CREATE INDEX planned_workouts_user_day ON planned_workouts (user_id, day);

CREATE TABLE planned_events (
    id          uuid             PRIMARY KEY,
    user_id     uuid             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day         date             NOT NULL,
    name        text             NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    sport       text             NOT NULL CHECK (char_length(sport) BETWEEN 1 AND 40),
    distance_m  double precision CHECK (distance_m > 0 AND distance_m <= 1000000),
    priority    char(1)          NOT NULL CHECK (priority IN ('A', 'B', 'C')),
    created_at  timestamptz      NOT NULL DEFAULT now(),
    updated_at  timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX planned_events_user_day ON planned_events (user_id, day);
