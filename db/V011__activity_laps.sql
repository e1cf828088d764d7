-- Laps of an activity as its source recorded them (FIT lap messages, TCX <Lap>, Strava laps), with figures the source
-- left out filled from the activity's 1 Hz grid when it has streams (null otherwise). Written by the activity store in
-- the same transaction as the activity and its streams; a source that sends its laps again replaces them.
CREATE TABLE activity_laps (
    activity_id        uuid     NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    lap_index          integer  NOT NULL CHECK (lap_index >= 0),
    start_s            integer  NOT NULL,            -- seconds from the activity's start to the lap's
    elapsed_s          integer  NOT NULL CHECK (elapsed_s >= 0),
    moving_s           integer,
    distance_m         double precision,
    avg_hr             double precision,
    max_hr             double precision,
    avg_power_w        double precision,
    normalized_power_w double precision,
    avg_speed_mps      double precision,
    ascent_m           double precision,
    trigger            text,                         -- manual, distance, time, position, session_end, ...
    PRIMARY KEY (activity_id, lap_index)
);
