-- The web client's chat (channel meetingbot-web): every activity of every conversation, in the order the host
-- stored it. seq is the paging cursor; an activity the bot updates in place keeps its seq, a deleted one is gone.
-- conversation_id carries the tenant (personal:{tenant}:{user}, meeting:{tenant}:{meeting}).
CREATE TABLE chat_activities (
    seq             {identity},
    conversation_id TEXT NOT NULL,
    activity_id     TEXT NOT NULL,
    json            TEXT NOT NULL,
    created_at      {instant} NOT NULL
);
CREATE UNIQUE INDEX ux_chat_activities_conversation_activity ON chat_activities (conversation_id, activity_id);
CREATE INDEX ix_chat_activities_conversation_seq ON chat_activities (conversation_id, seq);
