-- Personal access tokens an athlete creates in Settings for another app (an MCP client: Claude Desktop, Open WebUI).
-- Only a SHA-256 hash of each token is kept: the token is 256 random bits, shown once when created, so a fast hash is
-- enough (nothing to guess from it) and a lookup by hash is the comparison. Revoking a token deletes its row.
CREATE TABLE access_tokens (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    scope        text        NOT NULL CHECK (scope ~ '^[a-z]{1,32}$'),   -- what it opens: mcp (later also calendar)
    token_hash   bytea       NOT NULL CHECK (octet_length(token_hash) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz                                              -- updated at most once a minute
);
CREATE UNIQUE INDEX access_tokens_hash_key ON access_tokens (token_hash);
CREATE INDEX access_tokens_user_idx ON access_tokens (user_id, created_at);
