-- The coach looks things up with tools: each answer keeps the lookups it made (name, arguments, what was looked up,
-- whether it worked, the result's size), so the athlete can see them and a stored answer can be replayed with them.
-- Insights now record which activities they were given, like the other answers.
ALTER TABLE chat_messages ADD COLUMN tool_calls jsonb;
ALTER TABLE recommendations ADD COLUMN tool_calls jsonb;
ALTER TABLE weekly_reports ADD COLUMN tool_calls jsonb;
ALTER TABLE activity_insights ADD COLUMN tool_calls jsonb;
ALTER TABLE activity_insights ADD COLUMN context_activity_ids uuid[] NOT NULL DEFAULT '{}';

-- A provider and model that refused tools (an OpenAI-compatible server answering 400): the coach then uses the fixed
-- context for it without asking again, and Settings says so once.
CREATE TABLE ai_tools_rejected (
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    text        NOT NULL,
    model       text        NOT NULL CHECK (char_length(model) BETWEEN 1 AND 200),
    rejected_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider, model)
);
