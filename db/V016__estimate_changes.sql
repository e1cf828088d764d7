-- Thresholds the athlete did not enter are estimated from the whole history (max HR from observed maxima, LTHR from
-- max HR), so an import or a deletion can move them and with them the loads of activities nobody touched. The last
-- estimate per kind is kept so a recompute can tell when one moved; each move is recorded with its evidence and how
-- many stored loads it changed, for the dashboard's notice and Settings → thresholds.
CREATE TABLE threshold_estimates (
    user_id     uuid             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text             NOT NULL CHECK (kind IN ('ftp', 'lthr', 'max_hr', 'resting_hr')),
    value       double precision NOT NULL,
    evidence    jsonb            NOT NULL DEFAULT '[]',
    updated_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, kind)
);

CREATE TABLE threshold_estimate_changes (
    id                 uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id            uuid             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind               text             NOT NULL CHECK (kind IN ('ftp', 'lthr', 'max_hr', 'resting_hr')),
    old_value          double precision NOT NULL,
    new_value          double precision NOT NULL,
    basis              text             NOT NULL CHECK (basis IN ('observed', 'age', 'entered', 'default')),
    -- The activities the new estimate rests on: [{activityId, date, name, sportType, maxHr}], copied so the evidence
    -- stays readable after an activity is deleted. cause_activity_id is the one that joined the evidence (if any).
    evidence           jsonb            NOT NULL DEFAULT '[]',
    cause_activity_id  uuid,
    loads_changed      integer          NOT NULL CHECK (loads_changed >= 0),
    changed_at         timestamptz      NOT NULL DEFAULT now(),
    dismissed_at       timestamptz
);

CREATE INDEX threshold_estimate_changes_user ON threshold_estimate_changes (user_id, changed_at DESC);
