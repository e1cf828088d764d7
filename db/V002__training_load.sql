-- Training load: per-activity load detail, the athlete's PMC options, and the stored daily series.

ALTER TABLE activities
    ADD COLUMN load_uses_estimate boolean NOT NULL DEFAULT false,
    ADD COLUMN sport_family       text;

CREATE INDEX activities_user_sport_idx ON activities (user_id, sport_family, start_date DESC);

-- How the athlete wants fitness and fatigue computed; absent row = defaults (42/7 days, exponential, no seed).
CREATE TABLE load_settings (
    user_id     uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    ctl_days    double precision NOT NULL DEFAULT 42 CHECK (ctl_days BETWEEN 7 AND 90),
    atl_days    double precision NOT NULL DEFAULT 7  CHECK (atl_days BETWEEN 2 AND 21),
    gain        text        NOT NULL DEFAULT 'exponential' CHECK (gain IN ('exponential', 'linear')),
    seed_date   date,
    seed_ctl    double precision CHECK (seed_ctl BETWEEN 0 AND 300),
    seed_atl    double precision CHECK (seed_atl BETWEEN 0 AND 500),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((seed_date IS NULL) = (seed_ctl IS NULL) AND (seed_date IS NULL) = (seed_atl IS NULL))
);

-- The performance management chart, one row per calendar day, rewritten from the earliest changed day.
CREATE TABLE daily_load (
    user_id     uuid             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day         date             NOT NULL,
    load        double precision NOT NULL,
    ctl         double precision NOT NULL,
    atl         double precision NOT NULL,
    form        double precision NOT NULL,
    form_after  double precision NOT NULL,
    ramp        double precision NOT NULL,
    zone        text             NOT NULL,
    monotony    double precision,
    strain      double precision,
    acwr        double precision,
    PRIMARY KEY (user_id, day)
);
