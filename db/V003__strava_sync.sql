-- Strava: the push subscription this instance owns, and idempotent webhook events.

CREATE TABLE strava_subscriptions (
    id            bigint      PRIMARY KEY,
    callback_url  text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Strava retries deliveries and may send the same event twice: one row per event.
CREATE UNIQUE INDEX webhook_events_identity_idx ON webhook_events (object_type, object_id, aspect_type, event_time)
    WHERE object_type IS NOT NULL AND object_id IS NOT NULL AND aspect_type IS NOT NULL AND event_time IS NOT NULL;

ALTER TABLE webhook_events ADD COLUMN user_id uuid REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE sync_jobs ADD COLUMN mode text NOT NULL DEFAULT 'incremental' CHECK (mode IN ('backfill', 'incremental'));
