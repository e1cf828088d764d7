-- Daily wellness entries: the athlete's own record of how they recovered (sleep, soreness, stress, motivation, HRV,
-- resting heart rate, weight, a note, illness and injury), one row per athlete and local date. Entered by hand or
-- imported from a CSV (never from Strava). Every value is optional; a row whose values are all empty is deleted by the
-- application, so a row always carries something. The ranges mirror fitcoach.wellness.WellnessField.
CREATE TABLE wellness (
    user_id        uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day            date         NOT NULL,
    sleep_hours    numeric(4,2) CHECK (sleep_hours BETWEEN 0 AND 24),
    sleep_quality  smallint     CHECK (sleep_quality BETWEEN 1 AND 5),    -- 5 = slept very well
    soreness       smallint     CHECK (soreness BETWEEN 1 AND 5),         -- 5 = very sore
    stress         smallint     CHECK (stress BETWEEN 1 AND 5),           -- 5 = very stressed
    motivation     smallint     CHECK (motivation BETWEEN 1 AND 5),       -- 5 = eager to train
    hrv_rmssd      numeric(4,1) CHECK (hrv_rmssd BETWEEN 5 AND 300),      -- ms
    resting_hr     numeric(4,1) CHECK (resting_hr BETWEEN 25 AND 120),    -- bpm
    weight_kg      numeric(5,2) CHECK (weight_kg BETWEEN 20 AND 350),
    note           text         CHECK (char_length(note) BETWEEN 1 AND 2000),
    illness        boolean,
    injury         boolean,
    source         text         NOT NULL CHECK (source IN ('manual', 'csv', 'fit', 'restore')),  -- the last writer
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, day)
);
