-- The dashboard's "how hard did it feel?" prompt: an activity the athlete has waved away is not asked about again.
-- Answering needs no row (the activity's rpe is then set); a dismissal does. Owned by fitcoach.activities
-- (RpePromptRepository); it goes with its activity and with its athlete.
CREATE TABLE rpe_prompt_dismissals (
    activity_id   uuid        PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    dismissed_at  timestamptz NOT NULL DEFAULT now()
);
