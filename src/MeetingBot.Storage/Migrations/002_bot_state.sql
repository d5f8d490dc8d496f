-- The bot's conversation and user state (Bot Builder IStorage), one JSON document per key.
CREATE TABLE conversation_state (
    key     TEXT PRIMARY KEY,
    json    TEXT NOT NULL,
    etag    TEXT NOT NULL
);
