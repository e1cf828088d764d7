-- Privacy zones: circles (home, work) inside which an athlete's positions are left out of what the server hands out
-- (activity streams, routes, optionally the export). Owned by fitcoach.privacy; the ranges mirror PrivacyZoneRequest.
-- At most 20 per athlete, enforced by PrivacyRepository under a lock on the athlete's row.
CREATE TABLE privacy_zones (
    id          uuid             PRIMARY KEY,
    user_id     uuid             NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        text             NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
    lat         double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon         double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    radius_m    integer          NOT NULL CHECK (radius_m BETWEEN 100 AND 1000),
    created_at  timestamptz      NOT NULL DEFAULT now(),
    updated_at  timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX privacy_zones_user ON privacy_zones (user_id, created_at);
