-- The AI cost ledger: every model call's feature, tokens by kind (cache writes and reads apart from plain input), tool
-- rounds, latency and estimated cost; the athlete's price overrides and monthly budgets per provider.
--
-- Rows stored before this migration keep what they had: their Anthropic input_tokens still include the cache tokens
-- (the client did not report them apart), their cache columns are 0, and their cost is NULL ("no price known"), so
-- they are counted as calls but never in money spent.

ALTER TABLE llm_calls DROP CONSTRAINT llm_calls_purpose_check;
ALTER TABLE llm_calls RENAME COLUMN purpose TO feature;
UPDATE llm_calls SET feature = CASE feature WHEN 'weekly_report' THEN 'report' WHEN 'activity_insight' THEN 'insight' END
  WHERE feature IN ('weekly_report', 'activity_insight');
ALTER TABLE llm_calls
    ADD CONSTRAINT llm_calls_feature_check
        CHECK (feature IN ('recommendation', 'chat', 'report', 'insight', 'title', 'mcp')),
    ADD COLUMN cache_write_tokens bigint        NOT NULL DEFAULT 0 CHECK (cache_write_tokens >= 0),
    ADD COLUMN cache_read_tokens  bigint        NOT NULL DEFAULT 0 CHECK (cache_read_tokens >= 0),
    ADD COLUMN tool_rounds        integer       NOT NULL DEFAULT 0 CHECK (tool_rounds >= 0),
    -- NULL when no token arrived (or for rows stored before the ledger)
    ADD COLUMN first_token_ms     integer       CHECK (first_token_ms >= 0),
    ADD COLUMN total_ms           integer       CHECK (total_ms >= 0),
    -- US dollars from the price table in force when the call was recorded; NULL when no price is known for the model
    ADD COLUMN cost_usd           numeric(14,6) CHECK (cost_usd >= 0);
ALTER TABLE llm_calls ALTER COLUMN input_tokens TYPE bigint, ALTER COLUMN output_tokens TYPE bigint;

-- The budget check before every AI feature sums one provider's month: an index-only range scan.
CREATE INDEX llm_calls_user_provider_created_idx ON llm_calls (user_id, provider, created_at) INCLUDE (cost_usd);

-- The athlete's own prices in US dollars per million tokens; a row's model matches that id and every id it begins.
CREATE TABLE ai_prices (
    user_id        uuid          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    model          text          NOT NULL CHECK (char_length(model) BETWEEN 1 AND 200),
    input_usd      numeric(12,6) NOT NULL CHECK (input_usd BETWEEN 0 AND 1000),
    output_usd     numeric(12,6) NOT NULL CHECK (output_usd BETWEEN 0 AND 1000),
    cache_write_usd numeric(12,6) NOT NULL CHECK (cache_write_usd BETWEEN 0 AND 1000),
    cache_read_usd numeric(12,6) NOT NULL CHECK (cache_read_usd BETWEEN 0 AND 1000),
    PRIMARY KEY (user_id, model)
);

-- At most one monthly budget per provider, in US dollars; no row means no budget.
CREATE TABLE ai_budgets (
    user_id      uuid          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider     text          NOT NULL CHECK (provider IN ('anthropic', 'openai')),
    monthly_usd  numeric(12,2) NOT NULL CHECK (monthly_usd > 0 AND monthly_usd <= 100000),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider)
);
